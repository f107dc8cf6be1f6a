import { z as f, u, e as Y, a as g, g as e, S as w, j as c, A as v, C as D, i as I, k as P, l as p, I as _, s as j, G as Z, m as N, n as L, v as q, J, K as B, b as K, M as Q, N as W, w as T, B as x, O as H, P as ee, Q as te, R as re, T as ae, U as ne, V as F, W as se, X as O, Y as ie, Z as le, F as ce, _ as oe } from "./shared-Nh1hQyZl.js";
import { h as C, m as $ } from "./shared-BeTIlZ9I.js";
const de = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", M = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", me = /* @__PURE__ */ new Set(["admin", "owner"]), A = [1, 2, 3], he = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function ue(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function pe({ count: t }) {
  const { t: r, locale: s } = u(), { formatDateTime: n } = j(), a = t.counted ?? [];
  return a.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("details_of", { name: t.name }), children: /* @__PURE__ */ c("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ c("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: a.map((i) => /* @__PURE__ */ c("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: n(i.starts_at) }),
        /* @__PURE__ */ c("td", { className: "py-1 pr-3", children: [
          i.mission_title,
          " ",
          /* @__PURE__ */ c("span", { className: "text-muted-foreground", children: [
            "(",
            i.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r(`source_${i.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: r("hours_value", { hours: C(i.minutes, s) }) })
      ] }, i.assignment_id)) })
    ] }) })
  );
}
function _e({ count: t, asOf: r }) {
  const { t: s } = u(), n = ne(t.user_id, r, !0);
  return n.isPending ? /* @__PURE__ */ e(w, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(N, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(pe, { count: n.data });
}
function V({ mutation: t, onCancel: r }) {
  const { t: s, tError: n } = u();
  return /* @__PURE__ */ c(ce, { children: [
    t.isError && /* @__PURE__ */ e(v, { variant: "danger", children: n(t.error) }),
    /* @__PURE__ */ c("div", { className: "flex gap-2", children: [
      /* @__PURE__ */ e(x, { type: "submit", loading: t.isPending, children: s("save") }),
      /* @__PURE__ */ e(x, { type: "button", variant: "ghost", onClick: r, children: s("cancel") })
    ] })
  ] });
}
const fe = f.object({
  annexe: f.enum(["8", "10"], "form_invalid"),
  elsewhere: f.string().trim().transform((t) => t === "" ? 0 : Number(t.replace(",", "."))).pipe(f.number("form_invalid_number").min(0, "elsewhere_range").max(1e4, "elsewhere_range")),
  note: f.string().max(500, "form_invalid")
});
function ge({ count: t, onDone: r }) {
  const { t: s } = u(), n = F(), a = se(), i = O(fe, {
    defaultValues: { annexe: t.annexe === 10 ? "10" : "8", elsewhere: String(t.elsewhere_minutes / 60), note: t.elsewhere_note }
  }), { errors: l } = i.formState, d = i.handleSubmit(
    (m) => a.mutate(
      {
        userId: t.user_id,
        profile: { annexe: m.annexe === "10" ? 10 : 8, elsewhere_minutes: Math.round(m.elsewhere * 60), elsewhere_note: m.note }
      },
      { onSuccess: r }
    )
  );
  return /* @__PURE__ */ c("form", { "aria-label": s("profile_of", { name: t.name }), className: "space-y-3", noValidate: !0, onSubmit: d, children: [
    /* @__PURE__ */ c("div", { className: "grid gap-3 sm:grid-cols-2", children: [
      /* @__PURE__ */ e(p, { label: s("annexe"), children: (m) => /* @__PURE__ */ c("select", { ...m, className: de, ...i.register("annexe"), children: [
        /* @__PURE__ */ e("option", { value: 8, children: s("annexe_8") }),
        /* @__PURE__ */ e("option", { value: 10, children: s("annexe_10") })
      ] }) }),
      /* @__PURE__ */ e(p, { label: s("elsewhere_hours"), error: n(l.elsewhere), children: (m) => /* @__PURE__ */ e(_, { ...m, type: "number", inputMode: "decimal", min: 0, max: 1e4, step: 0.5, ...i.register("elsewhere") }) })
    ] }),
    /* @__PURE__ */ e(p, { label: s("elsewhere_note"), error: n(l.note), children: (m) => /* @__PURE__ */ e("textarea", { ...m, className: M, maxLength: 500, ...i.register("note") }) }),
    /* @__PURE__ */ e(V, { mutation: a, onCancel: r })
  ] });
}
const be = {
  birth_date: "civil_birth_date",
  birth_place: "civil_birth_place",
  address: "civil_address"
}, ye = f.object({
  birth_name: f.string().max(100, "form_invalid"),
  birth_date: f.string(),
  birth_place: f.string().max(120, "form_invalid"),
  nationality: f.string().max(60, "form_invalid"),
  address: f.string().max(300, "form_invalid")
});
function xe({ status: t, name: r, onDone: s }) {
  const { t: n } = u(), a = oe(), i = F(), l = O(ye, {
    defaultValues: {
      birth_name: t.birth_name,
      birth_date: t.birth_date ?? "",
      birth_place: t.birth_place,
      nationality: t.nationality,
      address: t.address
    }
  }), { errors: d } = l.formState, m = l.handleSubmit(
    (o) => a.mutate({ userId: t.user_id, values: { ...o, birth_date: o.birth_date || null } }, { onSuccess: s })
  );
  return /* @__PURE__ */ c("form", { "aria-label": n("civil_status_of", { name: r }), className: "space-y-3", noValidate: !0, onSubmit: m, children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("civil_status_hint") }),
    t.missing.length > 0 && /* @__PURE__ */ e("p", { className: "text-sm text-danger", children: n("civil_missing", { fields: t.missing.map((o) => n(be[o] ?? "civil_status")).join(", ") }) }),
    /* @__PURE__ */ c("div", { className: "grid gap-3 sm:grid-cols-2", children: [
      /* @__PURE__ */ e(p, { label: n("civil_birth_date"), error: i(d.birth_date), children: (o) => /* @__PURE__ */ e(_, { ...o, type: "date", ...l.register("birth_date") }) }),
      /* @__PURE__ */ e(p, { label: n("civil_birth_place"), error: i(d.birth_place), children: (o) => /* @__PURE__ */ e(_, { ...o, maxLength: 120, ...l.register("birth_place") }) }),
      /* @__PURE__ */ e(p, { label: n("civil_birth_name"), error: i(d.birth_name), children: (o) => /* @__PURE__ */ e(_, { ...o, maxLength: 100, ...l.register("birth_name") }) }),
      /* @__PURE__ */ e(p, { label: n("civil_nationality"), error: i(d.nationality), children: (o) => /* @__PURE__ */ e(_, { ...o, maxLength: 60, ...l.register("nationality") }) })
    ] }),
    /* @__PURE__ */ e(p, { label: n("civil_address"), error: i(d.address), children: (o) => /* @__PURE__ */ e("textarea", { ...o, className: M, maxLength: 300, ...l.register("address") }) }),
    /* @__PURE__ */ e(V, { mutation: a, onCancel: s })
  ] });
}
function ve({ count: t, onDone: r }) {
  const { t: s } = u(), n = ie(t.user_id);
  return n.isPending ? /* @__PURE__ */ e(w, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(N, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(xe, { status: n.data, name: t.name, onDone: r });
}
function Ne({ count: t }) {
  const { t: r, locale: s } = u(), n = (i) => r("hours_value", { hours: C(i, s) }), a = [
    ["col_here", n(t.worked_minutes)],
    ["col_cachets", r("cachets_value", { count: t.cachets, hours: C(t.cachet_minutes, s) })],
    ["col_elsewhere", n(t.elsewhere_minutes)],
    ["col_total", n(t.total_minutes)],
    ["col_missing", n(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: a.map(([i, l]) => /* @__PURE__ */ c("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: r(i) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: l })
  ] }, i)) });
}
function we({ count: t }) {
  const { t: r, locale: s } = u(), n = r("progress_of", { total: C(t.total_minutes, s), threshold: C(t.threshold_minutes, s) });
  return /* @__PURE__ */ c("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": n }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: n })
  ] });
}
function Se({ count: t, asOf: r, canEdit: s }) {
  const { t: n } = u(), [a, i] = g(null), l = (d) => i((m) => m === d ? null : d);
  return /* @__PURE__ */ c("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ c("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ c("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: n(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(T, { variant: "success", children: n("reached") }) : /* @__PURE__ */ e(T, { variant: "warning", children: n("below") })
    ] }),
    /* @__PURE__ */ e(we, { count: t }),
    /* @__PURE__ */ e(Ne, { count: t }),
    /* @__PURE__ */ c("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "detail", "aria-label": n("details_of", { name: t.name }), onClick: () => l("detail"), children: n("details") }),
      s && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "edit", "aria-label": n("profile_of", { name: t.name }), onClick: () => l("edit"), children: n("edit") }),
      s && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "civil", "aria-label": n("civil_status_of", { name: t.name }), onClick: () => l("civil"), children: n("civil_status") })
    ] }),
    a === "detail" && /* @__PURE__ */ e(_e, { count: t, asOf: r }),
    a === "edit" && /* @__PURE__ */ e(ge, { count: t, onDone: () => i(null) }),
    a === "civil" && /* @__PURE__ */ e(ve, { count: t, onDone: () => i(null) })
  ] });
}
function Ce({ manager: t, asOf: r, shortOnly: s }) {
  const { t: n } = u(), { formatDate: a } = j(), i = Z(r, s);
  if (i.isPending) return /* @__PURE__ */ e(w, { label: n("intermittents_loading") });
  if (i.isError) return /* @__PURE__ */ e(N, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  const l = i.data.items, d = l[0];
  return d === void 0 ? /* @__PURE__ */ e(L, { title: n(s ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ c("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("window", { from: a(d.from_day), to: a(d.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": n("intermittents_title"), children: l.map((m) => /* @__PURE__ */ e(Se, { count: m, asOf: r, canEdit: t }, m.user_id)) })
  ] });
}
const je = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function Ee({ engagement: t }) {
  const { t: r } = u(), { formatDate: s, formatDateTime: n } = j(), { dpae: a } = t, i = a.status === "declared" ? s(a.declared_on ?? "") : a.status === "not_yet_open" ? n(a.opens_at) : n(a.due_at);
  return /* @__PURE__ */ e(T, { variant: je[a.status], children: r(`dpae_${a.status}`, { date: i }) });
}
function U() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
const De = f.object({
  reference: f.string().trim().max(64, "form_invalid"),
  declared_on: f.string().min(1, "form_required")
});
function Ie({ engagement: t, onDone: r }) {
  const { t: s } = u(), n = le(), a = F(), i = O(De, { defaultValues: { reference: "", declared_on: U() } }), { errors: l } = i.formState, d = s("dpae_record_of", { name: t.name, project: t.project_name }), m = i.handleSubmit(
    (o) => n.mutate({ user: t.user_id, project: t.project_id, first_day: t.first_day, ...o }, { onSuccess: r })
  );
  return /* @__PURE__ */ c("form", { "aria-label": d, className: "space-y-3", noValidate: !0, onSubmit: m, children: [
    /* @__PURE__ */ c("div", { className: "grid gap-3 sm:grid-cols-2", children: [
      /* @__PURE__ */ e(p, { label: s("dpae_reference_field"), error: a(l.reference), children: (o) => /* @__PURE__ */ e(_, { ...o, maxLength: 64, ...i.register("reference") }) }),
      /* @__PURE__ */ e(p, { label: s("dpae_declared_on"), error: a(l.declared_on), children: (o) => /* @__PURE__ */ e(_, { ...o, type: "date", ...i.register("declared_on") }) })
    ] }),
    /* @__PURE__ */ e(V, { mutation: n, onCancel: r })
  ] });
}
function Pe({ engagement: t }) {
  const { t: r, tError: s } = u(), { formatDate: n } = j(), a = H(), [i, l] = g(!1), [d, m] = g(!1), { dpae: o } = t, S = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ c("li", { className: `space-y-2 border-b border-border py-3 ${o.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ c("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ c("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(Ee, { engagement: t })
    ] }),
    /* @__PURE__ */ c("p", { className: "text-sm text-muted-foreground", children: [
      r("engagement_days", { first: n(t.first_day), last: n(t.last_day), count: t.missions }),
      o.reference ? ` \xB7 ${r("dpae_reference", { reference: o.reference })}` : ""
    ] }),
    /* @__PURE__ */ e(
      "a",
      {
        className: "inline-block text-sm text-primary underline",
        href: ee(t),
        download: !0,
        "aria-label": r("contract_pdf_of", S),
        children: r("contract_pdf")
      }
    ),
    o.id === null ? !i && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-label": r("dpae_record_of", S), onClick: () => l(!0), children: r("dpae_record") }) : /* @__PURE__ */ e(x, { size: "sm", variant: "ghost", "aria-label": r("dpae_remove_of", S), onClick: () => m(!0), children: r("dpae_remove") }),
    i && /* @__PURE__ */ e(Ie, { engagement: t, onDone: () => l(!1) }),
    a.isError && /* @__PURE__ */ e(v, { variant: "danger", children: s(a.error) }),
    /* @__PURE__ */ e(
      te,
      {
        open: d,
        title: r("dpae_remove_of", S),
        description: r("dpae_remove_confirm"),
        confirmLabel: r("dpae_remove"),
        cancelLabel: r("cancel"),
        destructive: !0,
        loading: a.isPending,
        onConfirm: () => {
          o.id !== null && a.mutate(o.id, { onSettled: () => m(!1) });
        },
        onCancel: () => m(!1)
      }
    )
  ] });
}
function ke() {
  const { t } = u(), { formatDate: r } = j(), [s, n] = g(!1), a = q(s ? "overdue" : "");
  let i;
  if (a.isPending) i = /* @__PURE__ */ e(w, { label: t("engagements_loading") });
  else if (a.isError) i = /* @__PURE__ */ e(N, { error: a.error, onRetry: () => {
    a.refetch();
  } });
  else if (a.data.items.length === 0) i = /* @__PURE__ */ e(L, { title: t(s ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const l = [...a.data.items].sort((d, m) => +(m.dpae.status === "overdue") - +(d.dpae.status === "overdue"));
    i = /* @__PURE__ */ c("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: r(a.data.from_day), to: r(a.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: l.map((d) => /* @__PURE__ */ e(Pe, { engagement: d }, `${d.user_id}-${d.project_id}-${d.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ c(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("engagements_title") }),
    /* @__PURE__ */ e(P, { children: t("engagements_hint") }),
    /* @__PURE__ */ c("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: s, onChange: (l) => n(l.target.checked) }),
      t("overdue_only")
    ] }),
    i
  ] });
}
function Re() {
  return U().slice(0, 7);
}
function Le({ rows: t }) {
  const { t: r, locale: s } = u(), { formatDate: n } = j();
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("aem_table"), children: /* @__PURE__ */ c("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("aem_table") }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ c("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("aem_col_person") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("aem_col_project") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("annexe") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("aem_col_contract") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: r("aem_col_hours") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: r("aem_col_cachets") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: r("aem_col_days") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: r("aem_col_gross") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: r("aem_col_cs_base") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("aem_col_cs_contribution", { rate: t[0]?.cs_rate_pct ?? "" }) })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: t.map((a) => /* @__PURE__ */ c("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ c("td", { className: "py-1 pr-3", children: [
          a.name,
          a.nir ? null : /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: r("aem_nir_missing") }),
          a.civil_missing.length > 0 && /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: r("aem_civil_missing") })
        ] }),
        /* @__PURE__ */ c("td", { className: "py-1 pr-3", children: [
          a.project_name,
          " ",
          /* @__PURE__ */ c("span", { className: "text-muted-foreground", children: [
            "(",
            a.numero_objet ?? "-",
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a.annexe }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: a.ongoing ? r("aem_ongoing", { first: n(a.contract_start) }) : r("aem_dates", { first: n(a.contract_start), last: n(a.contract_end) }) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: C(a.hours_minutes, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.cachets }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.days_worked }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: $(a.gross_cents, a.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: $(a.cs_base_cents, a.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: $(a.cs_contribution_cents, a.currency, s) })
      ] }, `${a.user_id}-${a.project_id}-${a.contract_start}`)) })
    ] }) })
  );
}
function $e() {
  const { t } = u(), [r, s] = g(Re), n = J(r);
  let a;
  if (n.isPending) a = /* @__PURE__ */ e(w, { label: t("aem_loading") });
  else if (n.isError) a = /* @__PURE__ */ e(N, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else {
    const i = n.data.employer_missing;
    a = /* @__PURE__ */ c("div", { className: "space-y-3", children: [
      i.length > 0 ? /* @__PURE__ */ e(v, { variant: "warning", children: t("aem_missing", { fields: i.map((l) => t(`field_${l}`)).join(", ") }) }) : /* @__PURE__ */ c("div", { className: "flex flex-wrap gap-4", children: [
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: B(r, "csv"), download: !0, children: t("aem_csv") }),
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: B(r, "pdf"), download: !0, children: t("aem_pdf") })
      ] }),
      n.data.rows.length === 0 ? /* @__PURE__ */ e(L, { title: t("aem_empty") }) : /* @__PURE__ */ e(Le, { rows: n.data.rows })
    ] });
  }
  return /* @__PURE__ */ c(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("aem_title") }),
    /* @__PURE__ */ e(P, { children: t("aem_hint") }),
    /* @__PURE__ */ e(p, { label: t("aem_month"), children: (i) => /* @__PURE__ */ e(_, { ...i, type: "month", value: r, onChange: (l) => s(l.target.value) }) }),
    a
  ] });
}
function Ae({ project: t, numero: r }) {
  const { t: s, tError: n } = u(), a = re(), [i, l] = g(r), d = s("objet_of", { project: t.name });
  return /* @__PURE__ */ c("li", { className: "py-2", children: [
    /* @__PURE__ */ c(
      "form",
      {
        "aria-label": d,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (m) => {
          m.preventDefault(), a.mutate({ projectId: t.id, numero: i }, { onSuccess: (o) => l(o.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(p, { label: d, className: "min-w-48 flex-1", children: (m) => /* @__PURE__ */ e(_, { ...m, maxLength: 64, value: i, onChange: (o) => l(o.target.value) }) }),
          /* @__PURE__ */ e(x, { type: "submit", size: "sm", variant: "secondary", loading: a.isPending, children: s("save") }),
          a.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: s("objet_saved") })
        ]
      }
    ),
    a.isError && /* @__PURE__ */ e(v, { variant: "danger", children: n(a.error) })
  ] });
}
function Te() {
  const { t } = u(), r = K(!0), s = Q(!0);
  let n;
  return r.isPending || s.isPending ? n = /* @__PURE__ */ e(w, { label: t("objets_title") }) : r.isError ? n = /* @__PURE__ */ e(N, { error: r.error, onRetry: () => {
    r.refetch();
  } }) : s.isError ? n = /* @__PURE__ */ e(N, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : r.data.items.length === 0 ? n = /* @__PURE__ */ e(L, { title: t("objets_empty") }) : n = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: r.data.items.map((a) => /* @__PURE__ */ e(Ae, { project: a, numero: s.data.get(a.id) ?? "" }, a.id)) }), /* @__PURE__ */ c(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("objets_title") }),
    /* @__PURE__ */ e(P, { children: t("objets_hint") }),
    n
  ] });
}
function Fe(t, r) {
  return t.licences.find((s) => s.category === r)?.number ?? "";
}
function Oe({ identity: t, canEdit: r }) {
  const { t: s, tError: n } = u(), a = ae(), [i, l] = g({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [d, m] = g(A.map((h) => Fe(t, h))), o = (h) => (b) => l((y) => ({ ...y, [h]: b.target.value })), S = a.isError ? he[ue(a.error)] : void 0, k = (h) => S === h ? n(a.error) : void 0, z = (a.data ?? t).missing;
  return /* @__PURE__ */ c(
    "form",
    {
      "aria-label": s("identity_title"),
      className: "space-y-3",
      onSubmit: (h) => {
        h.preventDefault();
        const b = A.flatMap((y, E) => {
          const R = d[E]?.trim() ?? "";
          return R ? [{ category: y, number: R }] : [];
        });
        a.mutate(
          { ...i, siret: i.siret || null, ape: i.ape || null, idcc: i.idcc || null, licences: b },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (y) => l((E) => ({ ...E, siret: y.siret ?? "", ape: y.ape ?? "", idcc: y.idcc ?? "" }))
          }
        );
      },
      children: [
        z.length > 0 ? /* @__PURE__ */ e(v, { variant: "warning", children: s("identity_missing", { fields: z.map((h) => s(`field_${h}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_complete") }),
        /* @__PURE__ */ c("fieldset", { disabled: !r, className: "space-y-3", children: [
          /* @__PURE__ */ c("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(p, { label: s("field_legal_name"), children: (h) => /* @__PURE__ */ e(_, { ...h, maxLength: 200, value: i.legal_name, onChange: o("legal_name") }) }),
            /* @__PURE__ */ e(p, { label: s("field_siret"), error: k("siret"), children: (h) => /* @__PURE__ */ e(_, { ...h, inputMode: "numeric", autoComplete: "off", value: i.siret, onChange: o("siret") }) }),
            /* @__PURE__ */ e(p, { label: s("field_ape"), error: k("ape"), children: (h) => /* @__PURE__ */ e(_, { ...h, value: i.ape, onChange: o("ape") }) }),
            /* @__PURE__ */ e(p, { label: s("field_idcc"), error: k("idcc"), children: (h) => /* @__PURE__ */ e(_, { ...h, inputMode: "numeric", value: i.idcc, onChange: o("idcc") }) })
          ] }),
          /* @__PURE__ */ e(p, { label: s("field_address"), children: (h) => /* @__PURE__ */ e("textarea", { ...h, className: M, maxLength: 500, value: i.address, onChange: o("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: A.map((h, b) => /* @__PURE__ */ e(p, { label: s(`licence_${h}`), error: b === 0 ? k("licences") : void 0, children: (y) => /* @__PURE__ */ e(
            _,
            {
              ...y,
              maxLength: 64,
              value: d[b],
              onChange: (E) => m((R) => R.map((G, X) => X === b ? E.target.value : G))
            }
          ) }, h)) }),
          /* @__PURE__ */ c("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: i.guso, onChange: (h) => l((b) => ({ ...b, guso: h.target.checked })) }),
            s("field_guso")
          ] })
        ] }),
        a.isError && !S && /* @__PURE__ */ e(v, { variant: "danger", children: n(a.error) }),
        a.isSuccess && /* @__PURE__ */ e(v, { variant: "success", children: s("identity_saved") }),
        r ? /* @__PURE__ */ e(x, { type: "submit", loading: a.isPending, children: s("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_read_only") })
      ]
    }
  );
}
function Me({ canEdit: t }) {
  const { t: r } = u(), s = W(!0);
  return /* @__PURE__ */ c(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: r("identity_title") }),
    /* @__PURE__ */ e(P, { children: r("identity_hint") }),
    s.isPending ? /* @__PURE__ */ e(w, { label: r("identity_title") }) : s.isError ? /* @__PURE__ */ e(N, { error: s.error, onRetry: () => {
      s.refetch();
    } }) : /* @__PURE__ */ e(Oe, { identity: s.data, canEdit: t })
  ] });
}
function Be() {
  const { t } = u(), r = Y(), [s, n] = g(""), [a, i] = g(!1);
  if (r.isPending) return /* @__PURE__ */ e(w, { label: t("intermittents_loading") });
  const l = r.data !== void 0 && r.data !== "tech";
  return /* @__PURE__ */ c("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(v, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ c(D, { className: "space-y-3", children: [
      /* @__PURE__ */ e(I, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(P, { children: t(l ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ c("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(p, { label: t("as_of"), children: (d) => /* @__PURE__ */ e(_, { ...d, type: "date", value: s, onChange: (m) => n(m.target.value) }) }),
        l && /* @__PURE__ */ c("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: a, onChange: (d) => i(d.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(Ce, { manager: l, asOf: s, shortOnly: l && a })
    ] }),
    l && /* @__PURE__ */ e(ke, {}),
    l && /* @__PURE__ */ e($e, {}),
    l && /* @__PURE__ */ e(Te, {}),
    l && /* @__PURE__ */ e(Me, { canEdit: me.has(r.data ?? "") })
  ] });
}
export {
  Be as default
};
