import { u as _, d as G, e, S, j as l, A as C, C as D, g as I, h as P, i as g, I as y, q as E, x as U, k as w, l as L, r as q, y as J, z as M, a as K, G as Q, J as X, s as $, B as N, K as Y, M as H, N as W, O as Z, P as ee, Q as te, R as ae, T as re, U as ne, F as se, V as ie } from "./shared-I8XOHv-_.js";
import { u as f } from "./shared-DyYnghZQ.js";
const le = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", O = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", ce = /* @__PURE__ */ new Set(["admin", "owner"]), A = [1, 2, 3], oe = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function j(t, a) {
  return new Intl.NumberFormat(a === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function de(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function me({ count: t }) {
  const { t: a, locale: s } = _(), { formatDateTime: n } = E(), r = t.counted ?? [];
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
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a(`source_${i.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: a("hours_value", { hours: j(i.minutes, s) }) })
      ] }, i.assignment_id)) })
    ] }) })
  );
}
function he({ count: t, asOf: a }) {
  const { t: s } = _(), n = te(t.user_id, a, !0);
  return n.isPending ? /* @__PURE__ */ e(S, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(w, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(me, { count: n.data });
}
function B({ mutation: t, onCancel: a }) {
  const { t: s, tError: n } = _();
  return /* @__PURE__ */ l(se, { children: [
    t.isError && /* @__PURE__ */ e(C, { variant: "danger", children: n(t.error) }),
    /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
      /* @__PURE__ */ e(N, { type: "submit", loading: t.isPending, children: s("save") }),
      /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: a, children: s("cancel") })
    ] })
  ] });
}
function ue({ count: t, onDone: a }) {
  const { t: s } = _(), n = ae(), [r, i] = f(t.annexe), [c, o] = f(String(t.elsewhere_minutes / 60)), [h, d] = f(t.elsewhere_note);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": s("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (p) => {
        p.preventDefault();
        const b = Math.round((Number(c.replace(",", ".")) || 0) * 60);
        n.mutate({ userId: t.user_id, profile: { annexe: r, elsewhere_minutes: b, elsewhere_note: h } }, { onSuccess: a });
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: s("annexe"), children: (p) => /* @__PURE__ */ l("select", { ...p, className: le, value: r, onChange: (b) => i(Number(b.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: s("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: s("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(g, { label: s("elsewhere_hours"), children: (p) => /* @__PURE__ */ e(
            y,
            {
              ...p,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: c,
              onChange: (b) => o(b.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(g, { label: s("elsewhere_note"), children: (p) => /* @__PURE__ */ e("textarea", { ...p, className: O, maxLength: 500, value: h, onChange: (b) => d(b.target.value) }) }),
        /* @__PURE__ */ e(B, { mutation: n, onCancel: a })
      ]
    }
  );
}
const pe = {
  birth_date: "civil_birth_date",
  birth_place: "civil_birth_place",
  address: "civil_address"
};
function _e({ status: t, name: a, onDone: s }) {
  const { t: n } = _(), r = ie(), [i, c] = f(t.birth_name), [o, h] = f(t.birth_date ?? ""), [d, p] = f(t.birth_place), [b, R] = f(t.nationality), [m, x] = f(t.address);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": n("civil_status_of", { name: a }),
      className: "space-y-3",
      onSubmit: (u) => {
        u.preventDefault(), r.mutate(
          {
            userId: t.user_id,
            values: {
              birth_name: i,
              birth_date: o || null,
              birth_place: d,
              nationality: b,
              address: m
            }
          },
          { onSuccess: s }
        );
      },
      children: [
        /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("civil_status_hint") }),
        t.missing.length > 0 && /* @__PURE__ */ e("p", { className: "text-sm text-danger", children: n("civil_missing", { fields: t.missing.map((u) => n(pe[u] ?? "civil_status")).join(", ") }) }),
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: n("civil_birth_date"), children: (u) => /* @__PURE__ */ e(y, { ...u, type: "date", value: o, onChange: (v) => h(v.target.value) }) }),
          /* @__PURE__ */ e(g, { label: n("civil_birth_place"), children: (u) => /* @__PURE__ */ e(y, { ...u, maxLength: 120, value: d, onChange: (v) => p(v.target.value) }) }),
          /* @__PURE__ */ e(g, { label: n("civil_birth_name"), children: (u) => /* @__PURE__ */ e(y, { ...u, maxLength: 100, value: i, onChange: (v) => c(v.target.value) }) }),
          /* @__PURE__ */ e(g, { label: n("civil_nationality"), children: (u) => /* @__PURE__ */ e(y, { ...u, maxLength: 60, value: b, onChange: (v) => R(v.target.value) }) })
        ] }),
        /* @__PURE__ */ e(g, { label: n("civil_address"), children: (u) => /* @__PURE__ */ e("textarea", { ...u, className: O, maxLength: 300, value: m, onChange: (v) => x(v.target.value) }) }),
        /* @__PURE__ */ e(B, { mutation: r, onCancel: s })
      ]
    }
  );
}
function fe({ count: t, onDone: a }) {
  const { t: s } = _(), n = re(t.user_id);
  return n.isPending ? /* @__PURE__ */ e(S, { label: s("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(w, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(_e, { status: n.data, name: t.name, onDone: a });
}
function ge({ count: t }) {
  const { t: a, locale: s } = _(), n = (i) => a("hours_value", { hours: j(i, s) }), r = [
    ["col_here", n(t.worked_minutes)],
    ["col_cachets", a("cachets_value", { count: t.cachets, hours: j(t.cachet_minutes, s) })],
    ["col_elsewhere", n(t.elsewhere_minutes)],
    ["col_total", n(t.total_minutes)],
    ["col_missing", n(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: r.map(([i, c]) => /* @__PURE__ */ l("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: a(i) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, i)) });
}
function be({ count: t }) {
  const { t: a, locale: s } = _(), n = a("progress_of", { total: j(t.total_minutes, s), threshold: j(t.threshold_minutes, s) });
  return /* @__PURE__ */ l("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": n }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: n })
  ] });
}
function ve({ count: t, asOf: a, canEdit: s }) {
  const { t: n } = _(), [r, i] = f(null), c = (o) => i((h) => h === o ? null : o);
  return /* @__PURE__ */ l("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: n(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e($, { variant: "success", children: n("reached") }) : /* @__PURE__ */ e($, { variant: "warning", children: n("below") })
    ] }),
    /* @__PURE__ */ e(be, { count: t }),
    /* @__PURE__ */ e(ge, { count: t }),
    /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "detail", "aria-label": n("details_of", { name: t.name }), onClick: () => c("detail"), children: n("details") }),
      s && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "edit", "aria-label": n("profile_of", { name: t.name }), onClick: () => c("edit"), children: n("edit") }),
      s && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": r === "civil", "aria-label": n("civil_status_of", { name: t.name }), onClick: () => c("civil"), children: n("civil_status") })
    ] }),
    r === "detail" && /* @__PURE__ */ e(he, { count: t, asOf: a }),
    r === "edit" && /* @__PURE__ */ e(ue, { count: t, onDone: () => i(null) }),
    r === "civil" && /* @__PURE__ */ e(fe, { count: t, onDone: () => i(null) })
  ] });
}
function ye({ manager: t, asOf: a, shortOnly: s }) {
  const { t: n } = _(), { formatDate: r } = E(), i = U(a, s);
  if (i.isPending) return /* @__PURE__ */ e(S, { label: n("intermittents_loading") });
  if (i.isError) return /* @__PURE__ */ e(w, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  const c = i.data.items, o = c[0];
  return o === void 0 ? /* @__PURE__ */ e(L, { title: n(s ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ l("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("window", { from: r(o.from_day), to: r(o.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": n("intermittents_title"), children: c.map((h) => /* @__PURE__ */ e(ve, { count: h, asOf: a, canEdit: t }, h.user_id)) })
  ] });
}
const xe = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function Ne({ engagement: t }) {
  const { t: a } = _(), { formatDate: s, formatDateTime: n } = E(), { dpae: r } = t, i = r.status === "declared" ? s(r.declared_on ?? "") : r.status === "not_yet_open" ? n(r.opens_at) : n(r.due_at);
  return /* @__PURE__ */ e($, { variant: xe[r.status], children: a(`dpae_${r.status}`, { date: i }) });
}
function T() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function Ce({ engagement: t, onDone: a }) {
  const { t: s } = _(), n = ne(), [r, i] = f(""), [c, o] = f(T), h = s("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": h,
      className: "space-y-3",
      onSubmit: (d) => {
        d.preventDefault(), n.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: r, declared_on: c },
          { onSuccess: a }
        );
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: s("dpae_reference_field"), children: (d) => /* @__PURE__ */ e(y, { ...d, maxLength: 64, value: r, onChange: (p) => i(p.target.value) }) }),
          /* @__PURE__ */ e(g, { label: s("dpae_declared_on"), children: (d) => /* @__PURE__ */ e(y, { ...d, type: "date", required: !0, value: c, onChange: (p) => o(p.target.value) }) })
        ] }),
        /* @__PURE__ */ e(B, { mutation: n, onCancel: a })
      ]
    }
  );
}
function we({ engagement: t }) {
  const { t: a, tError: s } = _(), { formatDate: n } = E(), r = Y(), [i, c] = f(!1), [o, h] = f(!1), { dpae: d } = t, p = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ l("li", { className: `space-y-2 border-b border-border py-3 ${d.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(Ne, { engagement: t })
    ] }),
    /* @__PURE__ */ l("p", { className: "text-sm text-muted-foreground", children: [
      a("engagement_days", { first: n(t.first_day), last: n(t.last_day), count: t.missions }),
      d.reference ? ` \xB7 ${a("dpae_reference", { reference: d.reference })}` : ""
    ] }),
    /* @__PURE__ */ e(
      "a",
      {
        className: "inline-block text-sm text-primary underline",
        href: H(t),
        download: !0,
        "aria-label": a("contract_pdf_of", p),
        children: a("contract_pdf")
      }
    ),
    d.id === null ? !i && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-label": a("dpae_record_of", p), onClick: () => c(!0), children: a("dpae_record") }) : /* @__PURE__ */ e(N, { size: "sm", variant: "ghost", "aria-label": a("dpae_remove_of", p), onClick: () => h(!0), children: a("dpae_remove") }),
    i && /* @__PURE__ */ e(Ce, { engagement: t, onDone: () => c(!1) }),
    r.isError && /* @__PURE__ */ e(C, { variant: "danger", children: s(r.error) }),
    /* @__PURE__ */ e(
      W,
      {
        open: o,
        title: a("dpae_remove_of", p),
        description: a("dpae_remove_confirm"),
        confirmLabel: a("dpae_remove"),
        cancelLabel: a("cancel"),
        destructive: !0,
        loading: r.isPending,
        onConfirm: () => {
          d.id !== null && r.mutate(d.id, { onSettled: () => h(!1) });
        },
        onCancel: () => h(!1)
      }
    )
  ] });
}
function Se() {
  const { t } = _(), { formatDate: a } = E(), [s, n] = f(!1), r = q(s ? "overdue" : "");
  let i;
  if (r.isPending) i = /* @__PURE__ */ e(S, { label: t("engagements_loading") });
  else if (r.isError) i = /* @__PURE__ */ e(w, { error: r.error, onRetry: () => {
    r.refetch();
  } });
  else if (r.data.items.length === 0) i = /* @__PURE__ */ e(L, { title: t(s ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...r.data.items].sort((o, h) => +(h.dpae.status === "overdue") - +(o.dpae.status === "overdue"));
    i = /* @__PURE__ */ l("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: a(r.data.from_day), to: a(r.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((o) => /* @__PURE__ */ e(we, { engagement: o }, `${o.user_id}-${o.project_id}-${o.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ l(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("engagements_title") }),
    /* @__PURE__ */ e(P, { children: t("engagements_hint") }),
    /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: s, onChange: (c) => n(c.target.checked) }),
      t("overdue_only")
    ] }),
    i
  ] });
}
function je() {
  return T().slice(0, 7);
}
function F(t, a, s) {
  return new Intl.NumberFormat(s === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: a }).format(t / 100);
}
function Ee({ rows: t }) {
  const { t: a, locale: s } = _(), { formatDate: n } = E();
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
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: r.ongoing ? a("aem_ongoing", { first: n(r.contract_start) }) : a("aem_dates", { first: n(r.contract_start), last: n(r.contract_end) }) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: j(r.hours_minutes, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: r.cachets }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: r.days_worked }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: F(r.gross_cents, r.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: F(r.cs_base_cents, r.currency, s) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: F(r.cs_contribution_cents, r.currency, s) })
      ] }, `${r.user_id}-${r.project_id}-${r.contract_start}`)) })
    ] }) })
  );
}
function De() {
  const { t } = _(), [a, s] = f(je), n = J(a);
  let r;
  if (n.isPending) r = /* @__PURE__ */ e(S, { label: t("aem_loading") });
  else if (n.isError) r = /* @__PURE__ */ e(w, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else {
    const i = n.data.employer_missing;
    r = /* @__PURE__ */ l("div", { className: "space-y-3", children: [
      i.length > 0 ? /* @__PURE__ */ e(C, { variant: "warning", children: t("aem_missing", { fields: i.map((c) => t(`field_${c}`)).join(", ") }) }) : /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-4", children: [
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: M(a, "csv"), download: !0, children: t("aem_csv") }),
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: M(a, "pdf"), download: !0, children: t("aem_pdf") })
      ] }),
      n.data.rows.length === 0 ? /* @__PURE__ */ e(L, { title: t("aem_empty") }) : /* @__PURE__ */ e(Ee, { rows: n.data.rows })
    ] });
  }
  return /* @__PURE__ */ l(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("aem_title") }),
    /* @__PURE__ */ e(P, { children: t("aem_hint") }),
    /* @__PURE__ */ e(g, { label: t("aem_month"), children: (i) => /* @__PURE__ */ e(y, { ...i, type: "month", value: a, onChange: (c) => s(c.target.value) }) }),
    r
  ] });
}
function Ie({ project: t, numero: a }) {
  const { t: s, tError: n } = _(), r = Z(), [i, c] = f(a), o = s("objet_of", { project: t.name });
  return /* @__PURE__ */ l("li", { className: "py-2", children: [
    /* @__PURE__ */ l(
      "form",
      {
        "aria-label": o,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (h) => {
          h.preventDefault(), r.mutate({ projectId: t.id, numero: i }, { onSuccess: (d) => c(d.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(g, { label: o, className: "min-w-48 flex-1", children: (h) => /* @__PURE__ */ e(y, { ...h, maxLength: 64, value: i, onChange: (d) => c(d.target.value) }) }),
          /* @__PURE__ */ e(N, { type: "submit", size: "sm", variant: "secondary", loading: r.isPending, children: s("save") }),
          r.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: s("objet_saved") })
        ]
      }
    ),
    r.isError && /* @__PURE__ */ e(C, { variant: "danger", children: n(r.error) })
  ] });
}
function Pe() {
  const { t } = _(), a = K(!0), s = Q(!0);
  let n;
  return a.isPending || s.isPending ? n = /* @__PURE__ */ e(S, { label: t("objets_title") }) : a.isError ? n = /* @__PURE__ */ e(w, { error: a.error, onRetry: () => {
    a.refetch();
  } }) : s.isError ? n = /* @__PURE__ */ e(w, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : a.data.items.length === 0 ? n = /* @__PURE__ */ e(L, { title: t("objets_empty") }) : n = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: a.data.items.map((r) => /* @__PURE__ */ e(Ie, { project: r, numero: s.data.get(r.id) ?? "" }, r.id)) }), /* @__PURE__ */ l(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("objets_title") }),
    /* @__PURE__ */ e(P, { children: t("objets_hint") }),
    n
  ] });
}
function Re(t, a) {
  return t.licences.find((s) => s.category === a)?.number ?? "";
}
function ke({ identity: t, canEdit: a }) {
  const { t: s, tError: n } = _(), r = ee(), [i, c] = f({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [o, h] = f(A.map((m) => Re(t, m))), d = (m) => (x) => c((u) => ({ ...u, [m]: x.target.value })), p = r.isError ? oe[de(r.error)] : void 0, b = (m) => p === m ? n(r.error) : void 0, R = (r.data ?? t).missing;
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": s("identity_title"),
      className: "space-y-3",
      onSubmit: (m) => {
        m.preventDefault();
        const x = A.flatMap((u, v) => {
          const k = o[v]?.trim() ?? "";
          return k ? [{ category: u, number: k }] : [];
        });
        r.mutate(
          { ...i, siret: i.siret || null, ape: i.ape || null, idcc: i.idcc || null, licences: x },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (u) => c((v) => ({ ...v, siret: u.siret ?? "", ape: u.ape ?? "", idcc: u.idcc ?? "" }))
          }
        );
      },
      children: [
        R.length > 0 ? /* @__PURE__ */ e(C, { variant: "warning", children: s("identity_missing", { fields: R.map((m) => s(`field_${m}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_complete") }),
        /* @__PURE__ */ l("fieldset", { disabled: !a, className: "space-y-3", children: [
          /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(g, { label: s("field_legal_name"), children: (m) => /* @__PURE__ */ e(y, { ...m, maxLength: 200, value: i.legal_name, onChange: d("legal_name") }) }),
            /* @__PURE__ */ e(g, { label: s("field_siret"), error: b("siret"), children: (m) => /* @__PURE__ */ e(y, { ...m, inputMode: "numeric", autoComplete: "off", value: i.siret, onChange: d("siret") }) }),
            /* @__PURE__ */ e(g, { label: s("field_ape"), error: b("ape"), children: (m) => /* @__PURE__ */ e(y, { ...m, value: i.ape, onChange: d("ape") }) }),
            /* @__PURE__ */ e(g, { label: s("field_idcc"), error: b("idcc"), children: (m) => /* @__PURE__ */ e(y, { ...m, inputMode: "numeric", value: i.idcc, onChange: d("idcc") }) })
          ] }),
          /* @__PURE__ */ e(g, { label: s("field_address"), children: (m) => /* @__PURE__ */ e("textarea", { ...m, className: O, maxLength: 500, value: i.address, onChange: d("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: A.map((m, x) => /* @__PURE__ */ e(g, { label: s(`licence_${m}`), error: x === 0 ? b("licences") : void 0, children: (u) => /* @__PURE__ */ e(
            y,
            {
              ...u,
              maxLength: 64,
              value: o[x],
              onChange: (v) => h((k) => k.map((z, V) => V === x ? v.target.value : z))
            }
          ) }, m)) }),
          /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: i.guso, onChange: (m) => c((x) => ({ ...x, guso: m.target.checked })) }),
            s("field_guso")
          ] })
        ] }),
        r.isError && !p && /* @__PURE__ */ e(C, { variant: "danger", children: n(r.error) }),
        r.isSuccess && /* @__PURE__ */ e(C, { variant: "success", children: s("identity_saved") }),
        a ? /* @__PURE__ */ e(N, { type: "submit", loading: r.isPending, children: s("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("identity_read_only") })
      ]
    }
  );
}
function Le({ canEdit: t }) {
  const { t: a } = _(), s = X(!0);
  return /* @__PURE__ */ l(D, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: a("identity_title") }),
    /* @__PURE__ */ e(P, { children: a("identity_hint") }),
    s.isPending ? /* @__PURE__ */ e(S, { label: a("identity_title") }) : s.isError ? /* @__PURE__ */ e(w, { error: s.error, onRetry: () => {
      s.refetch();
    } }) : /* @__PURE__ */ e(ke, { identity: s.data, canEdit: t })
  ] });
}
function $e() {
  const { t } = _(), a = G(), [s, n] = f(""), [r, i] = f(!1);
  if (a.isPending) return /* @__PURE__ */ e(S, { label: t("intermittents_loading") });
  const c = a.data !== void 0 && a.data !== "tech";
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(C, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ l(D, { className: "space-y-3", children: [
      /* @__PURE__ */ e(I, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(P, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ l("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(g, { label: t("as_of"), children: (o) => /* @__PURE__ */ e(y, { ...o, type: "date", value: s, onChange: (h) => n(h.target.value) }) }),
        c && /* @__PURE__ */ l("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: r, onChange: (o) => i(o.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(ye, { manager: c, asOf: s, shortOnly: c && r })
    ] }),
    c && /* @__PURE__ */ e(Se, {}),
    c && /* @__PURE__ */ e(De, {}),
    c && /* @__PURE__ */ e(Pe, {}),
    c && /* @__PURE__ */ e(Le, { canEdit: ce.has(a.data ?? "") })
  ] });
}
export {
  $e as default
};
