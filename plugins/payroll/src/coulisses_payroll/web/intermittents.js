import { u as p, d as G, e, S as j, j as l, A as E, C as I, f as R, g as k, F as f, I as v, p as P, w as V, h as S, i as L, q as U, x as q, y as B, a as J, z as K, D as Q, r as F, B as N, G as X, J as Y, K as H, M as W, N as Z, O as ee, P as te, Q as ae, R as re, T as ne } from "./shared-HnWTwLGz.js";
import { u } from "./shared-CysmjTCZ.js";
const se = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", O = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", ie = /* @__PURE__ */ new Set(["admin", "owner"]), $ = [1, 2, 3], le = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function D(t, a) {
  return new Intl.NumberFormat(a === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function ce(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function de({ count: t }) {
  const { t: a, locale: n } = p(), { formatDateTime: s } = P(), r = t.counted ?? [];
  return r.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: a("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": a("details_of", { name: t.name }), children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: a("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: a("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: r.map((i) => /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: s(i.starts_at) }),
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          i.mission_title,
          " ",
          /* @__PURE__ */ l("span", { className: "text-muted-foreground", children: [
            "(",
            i.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a(`source_${i.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: a("hours_value", { hours: D(i.minutes, n) }) })
      ] }, i.assignment_id)) })
    ] }) })
  );
}
function oe({ count: t, asOf: a }) {
  const { t: n } = p(), s = ee(t.user_id, a, !0);
  return s.isPending ? /* @__PURE__ */ e(j, { label: n("intermittents_loading"), size: "sm" }) : s.isError ? /* @__PURE__ */ e(S, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : /* @__PURE__ */ e(de, { count: s.data });
}
function me({ count: t, onDone: a }) {
  const { t: n, tError: s } = p(), r = te(), [i, c] = u(t.annexe), [d, m] = u(String(t.elsewhere_minutes / 60)), [h, g] = u(t.elsewhere_note);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": n("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (b) => {
        b.preventDefault();
        const x = Math.round((Number(d.replace(",", ".")) || 0) * 60);
        r.mutate({ userId: t.user_id, profile: { annexe: i, elsewhere_minutes: x, elsewhere_note: h } }, { onSuccess: a });
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(f, { label: n("annexe"), children: (b) => /* @__PURE__ */ l("select", { ...b, className: se, value: i, onChange: (x) => c(Number(x.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: n("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: n("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(f, { label: n("elsewhere_hours"), children: (b) => /* @__PURE__ */ e(
            v,
            {
              ...b,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: d,
              onChange: (x) => m(x.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(f, { label: n("elsewhere_note"), children: (b) => /* @__PURE__ */ e("textarea", { ...b, className: O, maxLength: 500, value: h, onChange: (x) => g(x.target.value) }) }),
        r.isError && /* @__PURE__ */ e(E, { variant: "danger", children: s(r.error) }),
        /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: r.isPending, children: n("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: a, children: n("cancel") })
        ] })
      ]
    }
  );
}
const he = {
  birth_date: "civil_birth_date",
  birth_place: "civil_birth_place",
  address: "civil_address"
};
function ue({ status: t, name: a, onDone: n }) {
  const { t: s, tError: r } = p(), i = ne(), [c, d] = u(t.birth_name), [m, h] = u(t.birth_date ?? ""), [g, b] = u(t.birth_place), [x, o] = u(t.nationality), [C, w] = u(t.address);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": s("civil_status_of", { name: a }),
      className: "space-y-3",
      onSubmit: (_) => {
        _.preventDefault(), i.mutate(
          {
            userId: t.user_id,
            values: {
              birth_name: c,
              birth_date: m || null,
              birth_place: g,
              nationality: x,
              address: C
            }
          },
          { onSuccess: n }
        );
      },
      children: [
        /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("civil_status_hint") }),
        t.missing.length > 0 && /* @__PURE__ */ e("p", { className: "text-sm text-danger", children: s("civil_missing", { fields: t.missing.map((_) => s(he[_] ?? "civil_status")).join(", ") }) }),
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(f, { label: s("civil_birth_date"), children: (_) => /* @__PURE__ */ e(v, { ..._, type: "date", value: m, onChange: (y) => h(y.target.value) }) }),
          /* @__PURE__ */ e(f, { label: s("civil_birth_place"), children: (_) => /* @__PURE__ */ e(v, { ..._, maxLength: 120, value: g, onChange: (y) => b(y.target.value) }) }),
          /* @__PURE__ */ e(f, { label: s("civil_birth_name"), children: (_) => /* @__PURE__ */ e(v, { ..._, maxLength: 100, value: c, onChange: (y) => d(y.target.value) }) }),
          /* @__PURE__ */ e(f, { label: s("civil_nationality"), children: (_) => /* @__PURE__ */ e(v, { ..._, maxLength: 60, value: x, onChange: (y) => o(y.target.value) }) })
        ] }),
        /* @__PURE__ */ e(f, { label: s("civil_address"), children: (_) => /* @__PURE__ */ e("textarea", { ..._, className: O, maxLength: 300, value: C, onChange: (y) => w(y.target.value) }) }),
        i.isError && /* @__PURE__ */ e(E, { variant: "danger", children: r(i.error) }),
        /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: i.isPending, children: s("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: n, children: s("cancel") })
        ] })
      ]
    }
  );
}
function pe({ count: t, onDone: a }) {
  const { t: n } = p(), s = ae(t.user_id);
  return s.isPending ? /* @__PURE__ */ e(j, { label: n("intermittents_loading"), size: "sm" }) : s.isError ? /* @__PURE__ */ e(S, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : /* @__PURE__ */ e(ue, { status: s.data, name: t.name, onDone: a });
}
function _e({ count: t }) {
  const { t: a, locale: n } = p(), s = (i) => a("hours_value", { hours: D(i, n) }), r = [
    ["col_here", s(t.worked_minutes)],
    ["col_cachets", a("cachets_value", { count: t.cachets, hours: D(t.cachet_minutes, n) })],
    ["col_elsewhere", s(t.elsewhere_minutes)],
    ["col_total", s(t.total_minutes)],
    ["col_missing", s(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: r.map(([i, c]) => /* @__PURE__ */ l("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: a(i) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, i)) });
}
function fe({ count: t }) {
  const { t: a, locale: n } = p(), s = a("progress_of", { total: D(t.total_minutes, n), threshold: D(t.threshold_minutes, n) });
  return /* @__PURE__ */ l("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": s }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: s })
  ] });
}
function ge({ count: t, asOf: a, canEdit: n }) {
  const { t: s } = p(), [r, i] = u(null), c = (d) => i((m) => m === d ? null : d);
  return /* @__PURE__ */ l("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: s(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(F, { variant: "success", children: s("reached") }) : /* @__PURE__ */ e(F, { variant: "warning", children: s("below") })
    ] }),
    /* @__PURE__ */ e(fe, { count: t }),
    /* @__PURE__ */ e(_e, { count: t }),
    /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "detail", "aria-label": s("details_of", { name: t.name }), onClick: () => c("detail"), children: s("details") }),
      n && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "edit", "aria-label": s("profile_of", { name: t.name }), onClick: () => c("edit"), children: s("edit") }),
      n && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "civil", "aria-label": s("civil_status_of", { name: t.name }), onClick: () => c("civil"), children: s("civil_status") })
    ] }),
    r === "detail" && /* @__PURE__ */ e(oe, { count: t, asOf: a }),
    r === "edit" && /* @__PURE__ */ e(me, { count: t, onDone: () => i(null) }),
    r === "civil" && /* @__PURE__ */ e(pe, { count: t, onDone: () => i(null) })
  ] });
}
function be({ manager: t, asOf: a, shortOnly: n }) {
  const { t: s } = p(), { formatDate: r } = P(), i = V(a, n);
  if (i.isPending) return /* @__PURE__ */ e(j, { label: s("intermittents_loading") });
  if (i.isError) return /* @__PURE__ */ e(S, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  const c = i.data.items, d = c[0];
  return d === void 0 ? /* @__PURE__ */ e(L, { title: s(n ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ l("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("window", { from: r(d.from_day), to: r(d.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": s("intermittents_title"), children: c.map((m) => /* @__PURE__ */ e(ge, { count: m, asOf: a, canEdit: t }, m.user_id)) })
  ] });
}
const ve = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function ye({ engagement: t }) {
  const { t: a } = p(), { formatDate: n, formatDateTime: s } = P(), { dpae: r } = t, i = r.status === "declared" ? n(r.declared_on ?? "") : r.status === "not_yet_open" ? s(r.opens_at) : s(r.due_at);
  return /* @__PURE__ */ e(F, { variant: ve[r.status], children: a(`dpae_${r.status}`, { date: i }) });
}
function M() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function xe({ engagement: t, onDone: a }) {
  const { t: n, tError: s } = p(), r = re(), [i, c] = u(""), [d, m] = u(M), h = n("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": h,
      className: "space-y-3",
      onSubmit: (g) => {
        g.preventDefault(), r.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: i, declared_on: d },
          { onSuccess: a }
        );
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(f, { label: n("dpae_reference_field"), children: (g) => /* @__PURE__ */ e(v, { ...g, maxLength: 64, value: i, onChange: (b) => c(b.target.value) }) }),
          /* @__PURE__ */ e(f, { label: n("dpae_declared_on"), children: (g) => /* @__PURE__ */ e(v, { ...g, type: "date", required: !0, value: d, onChange: (b) => m(b.target.value) }) })
        ] }),
        r.isError && /* @__PURE__ */ e(E, { variant: "danger", children: s(r.error) }),
        /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: r.isPending, children: n("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: a, children: n("cancel") })
        ] })
      ]
    }
  );
}
function Ne({ engagement: t }) {
  const { t: a, tError: n } = p(), { formatDate: s } = P(), r = X(), [i, c] = u(!1), [d, m] = u(!1), { dpae: h } = t, g = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ l("li", { className: `space-y-2 border-b border-border py-3 ${h.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(ye, { engagement: t })
    ] }),
    /* @__PURE__ */ l("p", { className: "text-sm text-muted-foreground", children: [
      a("engagement_days", { first: s(t.first_day), last: s(t.last_day), count: t.missions }),
      h.reference ? ` \xB7 ${a("dpae_reference", { reference: h.reference })}` : ""
    ] }),
    /* @__PURE__ */ e(
      "a",
      {
        className: "inline-block text-sm text-primary underline",
        href: Y(t),
        download: !0,
        "aria-label": a("contract_pdf_of", g),
        children: a("contract_pdf")
      }
    ),
    h.id === null ? !i && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-label": a("dpae_record_of", g), onClick: () => c(!0), children: a("dpae_record") }) : /* @__PURE__ */ e(N, { size: "sm", variant: "ghost", "aria-label": a("dpae_remove_of", g), onClick: () => m(!0), children: a("dpae_remove") }),
    i && /* @__PURE__ */ e(xe, { engagement: t, onDone: () => c(!1) }),
    r.isError && /* @__PURE__ */ e(E, { variant: "danger", children: n(r.error) }),
    /* @__PURE__ */ e(
      H,
      {
        open: d,
        title: a("dpae_remove_of", g),
        description: a("dpae_remove_confirm"),
        confirmLabel: a("dpae_remove"),
        cancelLabel: a("cancel"),
        destructive: !0,
        loading: r.isPending,
        onConfirm: () => {
          h.id !== null && r.mutate(h.id, { onSettled: () => m(!1) });
        },
        onCancel: () => m(!1)
      }
    )
  ] });
}
function Ce() {
  const { t } = p(), { formatDate: a } = P(), [n, s] = u(!1), r = U(n ? "overdue" : "");
  let i;
  if (r.isPending) i = /* @__PURE__ */ e(j, { label: t("engagements_loading") });
  else if (r.isError) i = /* @__PURE__ */ e(S, { error: r.error, onRetry: () => {
    r.refetch();
  } });
  else if (r.data.items.length === 0) i = /* @__PURE__ */ e(L, { title: t(n ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...r.data.items].sort((d, m) => +(m.dpae.status === "overdue") - +(d.dpae.status === "overdue"));
    i = /* @__PURE__ */ l("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: a(r.data.from_day), to: a(r.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((d) => /* @__PURE__ */ e(Ne, { engagement: d }, `${d.user_id}-${d.project_id}-${d.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(R, { children: t("engagements_title") }),
    /* @__PURE__ */ e(k, { children: t("engagements_hint") }),
    /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: n, onChange: (c) => s(c.target.checked) }),
      t("overdue_only")
    ] }),
    i
  ] });
}
function we() {
  return M().slice(0, 7);
}
function A(t, a, n) {
  return new Intl.NumberFormat(n === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: a }).format(t / 100);
}
function Ee({ rows: t }) {
  const { t: a, locale: n } = p(), { formatDate: s } = P();
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": a("aem_table"), children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: a("aem_table") }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("aem_col_person") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("aem_col_project") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("annexe") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("aem_col_contract") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: a("aem_col_hours") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: a("aem_col_cachets") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: a("aem_col_days") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: a("aem_col_gross") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: a("aem_col_cs_base") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: a("aem_col_cs_contribution", { rate: t[0]?.cs_rate_pct ?? "" }) })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: t.map((r) => /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          r.name,
          r.nir ? null : /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: a("aem_nir_missing") }),
          r.civil_missing.length > 0 && /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: a("aem_civil_missing") })
        ] }),
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          r.project_name,
          " ",
          /* @__PURE__ */ l("span", { className: "text-muted-foreground", children: [
            "(",
            r.numero_objet ?? "-",
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r.annexe }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: r.ongoing ? a("aem_ongoing", { first: s(r.contract_start) }) : a("aem_dates", { first: s(r.contract_start), last: s(r.contract_end) }) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: D(r.hours_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: r.cachets }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: r.days_worked }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(r.gross_cents, r.currency, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(r.cs_base_cents, r.currency, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: A(r.cs_contribution_cents, r.currency, n) })
      ] }, `${r.user_id}-${r.project_id}-${r.contract_start}`)) })
    ] }) })
  );
}
function Se() {
  const { t } = p(), [a, n] = u(we), s = q(a);
  let r;
  if (s.isPending) r = /* @__PURE__ */ e(j, { label: t("aem_loading") });
  else if (s.isError) r = /* @__PURE__ */ e(S, { error: s.error, onRetry: () => {
    s.refetch();
  } });
  else {
    const i = s.data.employer_missing;
    r = /* @__PURE__ */ l("div", { className: "space-y-3", children: [
      i.length > 0 ? /* @__PURE__ */ e(E, { variant: "warning", children: t("aem_missing", { fields: i.map((c) => t(`field_${c}`)).join(", ") }) }) : /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-4", children: [
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: B(a, "csv"), download: !0, children: t("aem_csv") }),
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: B(a, "pdf"), download: !0, children: t("aem_pdf") })
      ] }),
      s.data.rows.length === 0 ? /* @__PURE__ */ e(L, { title: t("aem_empty") }) : /* @__PURE__ */ e(Ee, { rows: s.data.rows })
    ] });
  }
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(R, { children: t("aem_title") }),
    /* @__PURE__ */ e(k, { children: t("aem_hint") }),
    /* @__PURE__ */ e(f, { label: t("aem_month"), children: (i) => /* @__PURE__ */ e(v, { ...i, type: "month", value: a, onChange: (c) => n(c.target.value) }) }),
    r
  ] });
}
function je({ project: t, numero: a }) {
  const { t: n, tError: s } = p(), r = W(), [i, c] = u(a), d = n("objet_of", { project: t.name });
  return /* @__PURE__ */ l("li", { className: "py-2", children: [
    /* @__PURE__ */ l(
      "form",
      {
        "aria-label": d,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (m) => {
          m.preventDefault(), r.mutate({ projectId: t.id, numero: i }, { onSuccess: (h) => c(h.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(f, { label: d, className: "min-w-48 flex-1", children: (m) => /* @__PURE__ */ e(v, { ...m, maxLength: 64, value: i, onChange: (h) => c(h.target.value) }) }),
          /* @__PURE__ */ e(N, { type: "submit", size: "sm", variant: "secondary", loading: r.isPending, children: n("save") }),
          r.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: n("objet_saved") })
        ]
      }
    ),
    r.isError && /* @__PURE__ */ e(E, { variant: "danger", children: s(r.error) })
  ] });
}
function De() {
  const { t } = p(), a = J(!0), n = K(!0);
  let s;
  return a.isPending || n.isPending ? s = /* @__PURE__ */ e(j, { label: t("objets_title") }) : a.isError ? s = /* @__PURE__ */ e(S, { error: a.error, onRetry: () => {
    a.refetch();
  } }) : n.isError ? s = /* @__PURE__ */ e(S, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : a.data.items.length === 0 ? s = /* @__PURE__ */ e(L, { title: t("objets_empty") }) : s = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: a.data.items.map((r) => /* @__PURE__ */ e(je, { project: r, numero: n.data.get(r.id) ?? "" }, r.id)) }), /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(R, { children: t("objets_title") }),
    /* @__PURE__ */ e(k, { children: t("objets_hint") }),
    s
  ] });
}
function Pe(t, a) {
  return t.licences.find((n) => n.category === a)?.number ?? "";
}
function Ie({ identity: t, canEdit: a }) {
  const { t: n, tError: s } = p(), r = Z(), [i, c] = u({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [d, m] = u($.map((o) => Pe(t, o))), h = (o) => (C) => c((w) => ({ ...w, [o]: C.target.value })), g = r.isError ? le[ce(r.error)] : void 0, b = (o) => g === o ? s(r.error) : void 0, x = (r.data ?? t).missing;
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": n("identity_title"),
      className: "space-y-3",
      onSubmit: (o) => {
        o.preventDefault();
        const C = $.flatMap((w, _) => {
          const y = d[_]?.trim() ?? "";
          return y ? [{ category: w, number: y }] : [];
        });
        r.mutate(
          { ...i, siret: i.siret || null, ape: i.ape || null, idcc: i.idcc || null, licences: C },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (w) => c((_) => ({ ..._, siret: w.siret ?? "", ape: w.ape ?? "", idcc: w.idcc ?? "" }))
          }
        );
      },
      children: [
        x.length > 0 ? /* @__PURE__ */ e(E, { variant: "warning", children: n("identity_missing", { fields: x.map((o) => n(`field_${o}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("identity_complete") }),
        /* @__PURE__ */ l("fieldset", { disabled: !a, className: "space-y-3", children: [
          /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(f, { label: n("field_legal_name"), children: (o) => /* @__PURE__ */ e(v, { ...o, maxLength: 200, value: i.legal_name, onChange: h("legal_name") }) }),
            /* @__PURE__ */ e(f, { label: n("field_siret"), error: b("siret"), children: (o) => /* @__PURE__ */ e(v, { ...o, inputMode: "numeric", autoComplete: "off", value: i.siret, onChange: h("siret") }) }),
            /* @__PURE__ */ e(f, { label: n("field_ape"), error: b("ape"), children: (o) => /* @__PURE__ */ e(v, { ...o, value: i.ape, onChange: h("ape") }) }),
            /* @__PURE__ */ e(f, { label: n("field_idcc"), error: b("idcc"), children: (o) => /* @__PURE__ */ e(v, { ...o, inputMode: "numeric", value: i.idcc, onChange: h("idcc") }) })
          ] }),
          /* @__PURE__ */ e(f, { label: n("field_address"), children: (o) => /* @__PURE__ */ e("textarea", { ...o, className: O, maxLength: 500, value: i.address, onChange: h("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: $.map((o, C) => /* @__PURE__ */ e(f, { label: n(`licence_${o}`), error: C === 0 ? b("licences") : void 0, children: (w) => /* @__PURE__ */ e(
            v,
            {
              ...w,
              maxLength: 64,
              value: d[C],
              onChange: (_) => m((y) => y.map((T, z) => z === C ? _.target.value : T))
            }
          ) }, o)) }),
          /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: i.guso, onChange: (o) => c((C) => ({ ...C, guso: o.target.checked })) }),
            n("field_guso")
          ] })
        ] }),
        r.isError && !g && /* @__PURE__ */ e(E, { variant: "danger", children: s(r.error) }),
        r.isSuccess && /* @__PURE__ */ e(E, { variant: "success", children: n("identity_saved") }),
        a ? /* @__PURE__ */ e(N, { type: "submit", loading: r.isPending, children: n("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("identity_read_only") })
      ]
    }
  );
}
function Re({ canEdit: t }) {
  const { t: a } = p(), n = Q(!0);
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(R, { children: a("identity_title") }),
    /* @__PURE__ */ e(k, { children: a("identity_hint") }),
    n.isPending ? /* @__PURE__ */ e(j, { label: a("identity_title") }) : n.isError ? /* @__PURE__ */ e(S, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : /* @__PURE__ */ e(Ie, { identity: n.data, canEdit: t })
  ] });
}
function $e() {
  const { t } = p(), a = G(), [n, s] = u(""), [r, i] = u(!1);
  if (a.isPending) return /* @__PURE__ */ e(j, { label: t("intermittents_loading") });
  const c = a.data !== void 0 && a.data !== "tech";
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(E, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ l(I, { className: "space-y-3", children: [
      /* @__PURE__ */ e(R, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(k, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ l("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(f, { label: t("as_of"), children: (d) => /* @__PURE__ */ e(v, { ...d, type: "date", value: n, onChange: (m) => s(m.target.value) }) }),
        c && /* @__PURE__ */ l("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: r, onChange: (d) => i(d.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(be, { manager: c, asOf: n, shortOnly: c && r })
    ] }),
    c && /* @__PURE__ */ e(Ce, {}),
    c && /* @__PURE__ */ e(Se, {}),
    c && /* @__PURE__ */ e(De, {}),
    c && /* @__PURE__ */ e(Re, { canEdit: ie.has(a.data ?? "") })
  ] });
}
export {
  $e as default
};
