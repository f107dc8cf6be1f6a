import { z as N, u as p, e as Y, a as g, g as e, S, j as l, A as w, C as I, i as P, k as R, l as _, I as b, s as D, G as Z, m as C, n as L, v as q, J, K as M, b as K, M as Q, N as W, w as T, B as x, O as H, P as ee, Q as te, R as re, T as ae, U as ne, V as z, W as se, X as V, Y as ie, Z as le, F as ce, _ as oe } from "./shared-DgnjNwmB.js";
const de = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", O = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", me = /* @__PURE__ */ new Set(["admin", "owner"]), $ = [1, 2, 3], he = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function E(t, r) {
  return new Intl.NumberFormat(r === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function ue(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function pe({ count: t }) {
  const { t: r, locale: s } = p(), { formatDateTime: n } = D(), a = t.counted ?? [];
  return a.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("details_of", { name: t.name }), children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: a.map((i) => /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: n(i.starts_at) }),
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          i.mission_title,
          " ",
          /* @__PURE__ */ l("span", { className: "text-muted-foreground", children: [
            "(",
            i.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r(`source_${i.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: r("hours_value", { hours: E(i.minutes, s) }) })
      ] }, i.assignment_id)) })
    ] }) })
  );
}
function _e({ count: t, asOf: r }) {
  const { t: s } = p(), n = ne(t.user_id, r, !0);
  return n.isPending ? /* @__PURE__ */ e(S, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(pe, { count: n.data });
}
function B({ mutation: t, onCancel: r }) {
  const { t: s, tError: n } = p();
  return /* @__PURE__ */ l(ce, { children: [
    t.isError && /* @__PURE__ */ e(w, { variant: "danger", children: n(t.error) }),
    /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
      /* @__PURE__ */ e(x, { type: "submit", loading: t.isPending, children: s("save") }),
      /* @__PURE__ */ e(x, { type: "button", variant: "ghost", onClick: r, children: s("cancel") })
    ] })
  ] });
}
const fe = N.object({
  annexe: N.enum(["8", "10"], "form_invalid"),
  elsewhere: N.string().trim().transform((t) => t === "" ? 0 : Number(t.replace(",", "."))).pipe(N.number("form_invalid_number").min(0, "elsewhere_range").max(1e4, "elsewhere_range")),
  note: N.string().max(500, "form_invalid")
});
function ge({ count: t, onDone: r }) {
  const { t: s } = p(), n = z(), a = se(), i = V(fe, {
    defaultValues: { annexe: t.annexe === 10 ? "10" : "8", elsewhere: String(t.elsewhere_minutes / 60), note: t.elsewhere_note }
  }), { errors: c } = i.formState, o = i.handleSubmit(
    (d) => a.mutate(
      {
        userId: t.user_id,
        profile: { annexe: d.annexe === "10" ? 10 : 8, elsewhere_minutes: Math.round(d.elsewhere * 60), elsewhere_note: d.note }
      },
      { onSuccess: r }
    )
  );
  return /* @__PURE__ */ l("form", { "aria-label": s("profile_of", { name: t.name }), className: "space-y-3", noValidate: !0, onSubmit: o, children: [
    /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
      /* @__PURE__ */ e(_, { label: s("annexe"), children: (d) => /* @__PURE__ */ l("select", { ...d, className: de, ...i.register("annexe"), children: [
        /* @__PURE__ */ e("option", { value: 8, children: s("annexe_8") }),
        /* @__PURE__ */ e("option", { value: 10, children: s("annexe_10") })
      ] }) }),
      /* @__PURE__ */ e(_, { label: s("elsewhere_hours"), error: n(c.elsewhere), children: (d) => /* @__PURE__ */ e(b, { ...d, type: "number", inputMode: "decimal", min: 0, max: 1e4, step: 0.5, ...i.register("elsewhere") }) })
    ] }),
    /* @__PURE__ */ e(_, { label: s("elsewhere_note"), error: n(c.note), children: (d) => /* @__PURE__ */ e("textarea", { ...d, className: O, maxLength: 500, ...i.register("note") }) }),
    /* @__PURE__ */ e(B, { mutation: a, onCancel: r })
  ] });
}
const be = {
  birth_date: "civil_birth_date",
  birth_place: "civil_birth_place",
  address: "civil_address"
};
function ve({ status: t, name: r, onDone: s }) {
  const { t: n } = p(), a = oe(), [i, c] = g(t.birth_name), [o, d] = g(t.birth_date ?? ""), [h, y] = g(t.birth_place), [j, k] = g(t.nationality), [m, v] = g(t.address);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": n("civil_status_of", { name: r }),
      className: "space-y-3",
      onSubmit: (u) => {
        u.preventDefault(), a.mutate(
          {
            userId: t.user_id,
            values: {
              birth_name: i,
              birth_date: o || null,
              birth_place: h,
              nationality: j,
              address: m
            }
          },
          { onSuccess: s }
        );
      },
      children: [
        /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("civil_status_hint") }),
        t.missing.length > 0 && /* @__PURE__ */ e("p", { className: "text-sm text-danger", children: n("civil_missing", { fields: t.missing.map((u) => n(be[u] ?? "civil_status")).join(", ") }) }),
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(_, { label: n("civil_birth_date"), children: (u) => /* @__PURE__ */ e(b, { ...u, type: "date", value: o, onChange: (f) => d(f.target.value) }) }),
          /* @__PURE__ */ e(_, { label: n("civil_birth_place"), children: (u) => /* @__PURE__ */ e(b, { ...u, maxLength: 120, value: h, onChange: (f) => y(f.target.value) }) }),
          /* @__PURE__ */ e(_, { label: n("civil_birth_name"), children: (u) => /* @__PURE__ */ e(b, { ...u, maxLength: 100, value: i, onChange: (f) => c(f.target.value) }) }),
          /* @__PURE__ */ e(_, { label: n("civil_nationality"), children: (u) => /* @__PURE__ */ e(b, { ...u, maxLength: 60, value: j, onChange: (f) => k(f.target.value) }) })
        ] }),
        /* @__PURE__ */ e(_, { label: n("civil_address"), children: (u) => /* @__PURE__ */ e("textarea", { ...u, className: O, maxLength: 300, value: m, onChange: (f) => v(f.target.value) }) }),
        /* @__PURE__ */ e(B, { mutation: a, onCancel: s })
      ]
    }
  );
}
function ye({ count: t, onDone: r }) {
  const { t: s } = p(), n = ie(t.user_id);
  return n.isPending ? /* @__PURE__ */ e(S, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(ve, { status: n.data, name: t.name, onDone: r });
}
function xe({ count: t }) {
  const { t: r, locale: s } = p(), n = (i) => r("hours_value", { hours: E(i, s) }), a = [
    ["col_here", n(t.worked_minutes)],
    ["col_cachets", r("cachets_value", { count: t.cachets, hours: E(t.cachet_minutes, s) })],
    ["col_elsewhere", n(t.elsewhere_minutes)],
    ["col_total", n(t.total_minutes)],
    ["col_missing", n(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: a.map(([i, c]) => /* @__PURE__ */ l("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: r(i) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, i)) });
}
function Ne({ count: t }) {
  const { t: r, locale: s } = p(), n = r("progress_of", { total: E(t.total_minutes, s), threshold: E(t.threshold_minutes, s) });
  return /* @__PURE__ */ l("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": n }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: n })
  ] });
}
function we({ count: t, asOf: r, canEdit: s }) {
  const { t: n } = p(), [a, i] = g(null), c = (o) => i((d) => d === o ? null : o);
  return /* @__PURE__ */ l("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: n(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(T, { variant: "success", children: n("reached") }) : /* @__PURE__ */ e(T, { variant: "warning", children: n("below") })
    ] }),
    /* @__PURE__ */ e(Ne, { count: t }),
    /* @__PURE__ */ e(xe, { count: t }),
    /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "detail", "aria-label": n("details_of", { name: t.name }), onClick: () => c("detail"), children: n("details") }),
      s && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "edit", "aria-label": n("profile_of", { name: t.name }), onClick: () => c("edit"), children: n("edit") }),
      s && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": a === "civil", "aria-label": n("civil_status_of", { name: t.name }), onClick: () => c("civil"), children: n("civil_status") })
    ] }),
    a === "detail" && /* @__PURE__ */ e(_e, { count: t, asOf: r }),
    a === "edit" && /* @__PURE__ */ e(ge, { count: t, onDone: () => i(null) }),
    a === "civil" && /* @__PURE__ */ e(ye, { count: t, onDone: () => i(null) })
  ] });
}
function Ce({ manager: t, asOf: r, shortOnly: s }) {
  const { t: n } = p(), { formatDate: a } = D(), i = Z(r, s);
  if (i.isPending) return /* @__PURE__ */ e(S, { label: n("intermittents_loading") });
  if (i.isError) return /* @__PURE__ */ e(C, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  const c = i.data.items, o = c[0];
  return o === void 0 ? /* @__PURE__ */ e(L, { title: n(s ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ l("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("window", { from: a(o.from_day), to: a(o.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": n("intermittents_title"), children: c.map((d) => /* @__PURE__ */ e(we, { count: d, asOf: r, canEdit: t }, d.user_id)) })
  ] });
}
const Se = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function je({ engagement: t }) {
  const { t: r } = p(), { formatDate: s, formatDateTime: n } = D(), { dpae: a } = t, i = a.status === "declared" ? s(a.declared_on ?? "") : a.status === "not_yet_open" ? n(a.opens_at) : n(a.due_at);
  return /* @__PURE__ */ e(T, { variant: Se[a.status], children: r(`dpae_${a.status}`, { date: i }) });
}
function G() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
const Ee = N.object({
  reference: N.string().trim().max(64, "form_invalid"),
  declared_on: N.string().min(1, "form_required")
});
function De({ engagement: t, onDone: r }) {
  const { t: s } = p(), n = le(), a = z(), i = V(Ee, { defaultValues: { reference: "", declared_on: G() } }), { errors: c } = i.formState, o = s("dpae_record_of", { name: t.name, project: t.project_name }), d = i.handleSubmit(
    (h) => n.mutate({ user: t.user_id, project: t.project_id, first_day: t.first_day, ...h }, { onSuccess: r })
  );
  return /* @__PURE__ */ l("form", { "aria-label": o, className: "space-y-3", noValidate: !0, onSubmit: d, children: [
    /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
      /* @__PURE__ */ e(_, { label: s("dpae_reference_field"), error: a(c.reference), children: (h) => /* @__PURE__ */ e(b, { ...h, maxLength: 64, ...i.register("reference") }) }),
      /* @__PURE__ */ e(_, { label: s("dpae_declared_on"), error: a(c.declared_on), children: (h) => /* @__PURE__ */ e(b, { ...h, type: "date", ...i.register("declared_on") }) })
    ] }),
    /* @__PURE__ */ e(B, { mutation: n, onCancel: r })
  ] });
}
function Ie({ engagement: t }) {
  const { t: r, tError: s } = p(), { formatDate: n } = D(), a = H(), [i, c] = g(!1), [o, d] = g(!1), { dpae: h } = t, y = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ l("li", { className: `space-y-2 border-b border-border py-3 ${h.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(je, { engagement: t })
    ] }),
    /* @__PURE__ */ l("p", { className: "text-sm text-muted-foreground", children: [
      r("engagement_days", { first: n(t.first_day), last: n(t.last_day), count: t.missions }),
      h.reference ? ` \xB7 ${r("dpae_reference", { reference: h.reference })}` : ""
    ] }),
    /* @__PURE__ */ e(
      "a",
      {
        className: "inline-block text-sm text-primary underline",
        href: ee(t),
        download: !0,
        "aria-label": r("contract_pdf_of", y),
        children: r("contract_pdf")
      }
    ),
    h.id === null ? !i && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-label": r("dpae_record_of", y), onClick: () => c(!0), children: r("dpae_record") }) : /* @__PURE__ */ e(x, { size: "sm", variant: "ghost", "aria-label": r("dpae_remove_of", y), onClick: () => d(!0), children: r("dpae_remove") }),
    i && /* @__PURE__ */ e(De, { engagement: t, onDone: () => c(!1) }),
    a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(a.error) }),
    /* @__PURE__ */ e(
      te,
      {
        open: o,
        title: r("dpae_remove_of", y),
        description: r("dpae_remove_confirm"),
        confirmLabel: r("dpae_remove"),
        cancelLabel: r("cancel"),
        destructive: !0,
        loading: a.isPending,
        onConfirm: () => {
          h.id !== null && a.mutate(h.id, { onSettled: () => d(!1) });
        },
        onCancel: () => d(!1)
      }
    )
  ] });
}
function Pe() {
  const { t } = p(), { formatDate: r } = D(), [s, n] = g(!1), a = q(s ? "overdue" : "");
  let i;
  if (a.isPending) i = /* @__PURE__ */ e(S, { label: t("engagements_loading") });
  else if (a.isError) i = /* @__PURE__ */ e(C, { error: a.error, onRetry: () => {
    a.refetch();
  } });
  else if (a.data.items.length === 0) i = /* @__PURE__ */ e(L, { title: t(s ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...a.data.items].sort((o, d) => +(d.dpae.status === "overdue") - +(o.dpae.status === "overdue"));
    i = /* @__PURE__ */ l("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: r(a.data.from_day), to: r(a.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((o) => /* @__PURE__ */ e(Ie, { engagement: o }, `${o.user_id}-${o.project_id}-${o.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: t("engagements_title") }),
    /* @__PURE__ */ e(R, { children: t("engagements_hint") }),
    /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: s, onChange: (c) => n(c.target.checked) }),
      t("overdue_only")
    ] }),
    i
  ] });
}
function Re() {
  return G().slice(0, 7);
}
function A(t, r, s) {
  return new Intl.NumberFormat(s === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: r }).format(t / 100);
}
function ke({ rows: t }) {
  const { t: r, locale: s } = p(), { formatDate: n } = D();
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("aem_table"), children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("aem_table") }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
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
      /* @__PURE__ */ e("tbody", { children: t.map((a) => /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          a.name,
          a.nir ? null : /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: r("aem_nir_missing") }),
          a.civil_missing.length > 0 && /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: r("aem_civil_missing") })
        ] }),
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          a.project_name,
          " ",
          /* @__PURE__ */ l("span", { className: "text-muted-foreground", children: [
            "(",
            a.numero_objet ?? "-",
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a.annexe }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: a.ongoing ? r("aem_ongoing", { first: n(a.contract_start) }) : r("aem_dates", { first: n(a.contract_start), last: n(a.contract_end) }) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: E(a.hours_minutes, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.cachets }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.days_worked }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(a.gross_cents, a.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(a.cs_base_cents, a.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: A(a.cs_contribution_cents, a.currency, s) })
      ] }, `${a.user_id}-${a.project_id}-${a.contract_start}`)) })
    ] }) })
  );
}
function Fe() {
  const { t } = p(), [r, s] = g(Re), n = J(r);
  let a;
  if (n.isPending) a = /* @__PURE__ */ e(S, { label: t("aem_loading") });
  else if (n.isError) a = /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else {
    const i = n.data.employer_missing;
    a = /* @__PURE__ */ l("div", { className: "space-y-3", children: [
      i.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: t("aem_missing", { fields: i.map((c) => t(`field_${c}`)).join(", ") }) }) : /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-4", children: [
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: M(r, "csv"), download: !0, children: t("aem_csv") }),
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: M(r, "pdf"), download: !0, children: t("aem_pdf") })
      ] }),
      n.data.rows.length === 0 ? /* @__PURE__ */ e(L, { title: t("aem_empty") }) : /* @__PURE__ */ e(ke, { rows: n.data.rows })
    ] });
  }
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: t("aem_title") }),
    /* @__PURE__ */ e(R, { children: t("aem_hint") }),
    /* @__PURE__ */ e(_, { label: t("aem_month"), children: (i) => /* @__PURE__ */ e(b, { ...i, type: "month", value: r, onChange: (c) => s(c.target.value) }) }),
    a
  ] });
}
function Le({ project: t, numero: r }) {
  const { t: s, tError: n } = p(), a = re(), [i, c] = g(r), o = s("objet_of", { project: t.name });
  return /* @__PURE__ */ l("li", { className: "py-2", children: [
    /* @__PURE__ */ l(
      "form",
      {
        "aria-label": o,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (d) => {
          d.preventDefault(), a.mutate({ projectId: t.id, numero: i }, { onSuccess: (h) => c(h.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(_, { label: o, className: "min-w-48 flex-1", children: (d) => /* @__PURE__ */ e(b, { ...d, maxLength: 64, value: i, onChange: (h) => c(h.target.value) }) }),
          /* @__PURE__ */ e(x, { type: "submit", size: "sm", variant: "secondary", loading: a.isPending, children: s("save") }),
          a.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: s("objet_saved") })
        ]
      }
    ),
    a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: n(a.error) })
  ] });
}
function $e() {
  const { t } = p(), r = K(!0), s = Q(!0);
  let n;
  return r.isPending || s.isPending ? n = /* @__PURE__ */ e(S, { label: t("objets_title") }) : r.isError ? n = /* @__PURE__ */ e(C, { error: r.error, onRetry: () => {
    r.refetch();
  } }) : s.isError ? n = /* @__PURE__ */ e(C, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : r.data.items.length === 0 ? n = /* @__PURE__ */ e(L, { title: t("objets_empty") }) : n = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: r.data.items.map((a) => /* @__PURE__ */ e(Le, { project: a, numero: s.data.get(a.id) ?? "" }, a.id)) }), /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: t("objets_title") }),
    /* @__PURE__ */ e(R, { children: t("objets_hint") }),
    n
  ] });
}
function Ae(t, r) {
  return t.licences.find((s) => s.category === r)?.number ?? "";
}
function Te({ identity: t, canEdit: r }) {
  const { t: s, tError: n } = p(), a = ae(), [i, c] = g({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [o, d] = g($.map((m) => Ae(t, m))), h = (m) => (v) => c((u) => ({ ...u, [m]: v.target.value })), y = a.isError ? he[ue(a.error)] : void 0, j = (m) => y === m ? n(a.error) : void 0, k = (a.data ?? t).missing;
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": s("identity_title"),
      className: "space-y-3",
      onSubmit: (m) => {
        m.preventDefault();
        const v = $.flatMap((u, f) => {
          const F = o[f]?.trim() ?? "";
          return F ? [{ category: u, number: F }] : [];
        });
        a.mutate(
          { ...i, siret: i.siret || null, ape: i.ape || null, idcc: i.idcc || null, licences: v },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (u) => c((f) => ({ ...f, siret: u.siret ?? "", ape: u.ape ?? "", idcc: u.idcc ?? "" }))
          }
        );
      },
      children: [
        k.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: s("identity_missing", { fields: k.map((m) => s(`field_${m}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_complete") }),
        /* @__PURE__ */ l("fieldset", { disabled: !r, className: "space-y-3", children: [
          /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(_, { label: s("field_legal_name"), children: (m) => /* @__PURE__ */ e(b, { ...m, maxLength: 200, value: i.legal_name, onChange: h("legal_name") }) }),
            /* @__PURE__ */ e(_, { label: s("field_siret"), error: j("siret"), children: (m) => /* @__PURE__ */ e(b, { ...m, inputMode: "numeric", autoComplete: "off", value: i.siret, onChange: h("siret") }) }),
            /* @__PURE__ */ e(_, { label: s("field_ape"), error: j("ape"), children: (m) => /* @__PURE__ */ e(b, { ...m, value: i.ape, onChange: h("ape") }) }),
            /* @__PURE__ */ e(_, { label: s("field_idcc"), error: j("idcc"), children: (m) => /* @__PURE__ */ e(b, { ...m, inputMode: "numeric", value: i.idcc, onChange: h("idcc") }) })
          ] }),
          /* @__PURE__ */ e(_, { label: s("field_address"), children: (m) => /* @__PURE__ */ e("textarea", { ...m, className: O, maxLength: 500, value: i.address, onChange: h("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: $.map((m, v) => /* @__PURE__ */ e(_, { label: s(`licence_${m}`), error: v === 0 ? j("licences") : void 0, children: (u) => /* @__PURE__ */ e(
            b,
            {
              ...u,
              maxLength: 64,
              value: o[v],
              onChange: (f) => d((F) => F.map((U, X) => X === v ? f.target.value : U))
            }
          ) }, m)) }),
          /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: i.guso, onChange: (m) => c((v) => ({ ...v, guso: m.target.checked })) }),
            s("field_guso")
          ] })
        ] }),
        a.isError && !y && /* @__PURE__ */ e(w, { variant: "danger", children: n(a.error) }),
        a.isSuccess && /* @__PURE__ */ e(w, { variant: "success", children: s("identity_saved") }),
        r ? /* @__PURE__ */ e(x, { type: "submit", loading: a.isPending, children: s("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_read_only") })
      ]
    }
  );
}
function Oe({ canEdit: t }) {
  const { t: r } = p(), s = W(!0);
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: r("identity_title") }),
    /* @__PURE__ */ e(R, { children: r("identity_hint") }),
    s.isPending ? /* @__PURE__ */ e(S, { label: r("identity_title") }) : s.isError ? /* @__PURE__ */ e(C, { error: s.error, onRetry: () => {
      s.refetch();
    } }) : /* @__PURE__ */ e(Te, { identity: s.data, canEdit: t })
  ] });
}
function Me() {
  const { t } = p(), r = Y(), [s, n] = g(""), [a, i] = g(!1);
  if (r.isPending) return /* @__PURE__ */ e(S, { label: t("intermittents_loading") });
  const c = r.data !== void 0 && r.data !== "tech";
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(w, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ l(I, { className: "space-y-3", children: [
      /* @__PURE__ */ e(P, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(R, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ l("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(_, { label: t("as_of"), children: (o) => /* @__PURE__ */ e(b, { ...o, type: "date", value: s, onChange: (d) => n(d.target.value) }) }),
        c && /* @__PURE__ */ l("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: a, onChange: (o) => i(o.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(Ce, { manager: c, asOf: s, shortOnly: c && a })
    ] }),
    c && /* @__PURE__ */ e(Pe, {}),
    c && /* @__PURE__ */ e(Fe, {}),
    c && /* @__PURE__ */ e($e, {}),
    c && /* @__PURE__ */ e(Oe, { canEdit: me.has(r.data ?? "") })
  ] });
}
export {
  Me as default
};
