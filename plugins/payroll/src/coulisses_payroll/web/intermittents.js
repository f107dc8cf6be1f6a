import { u, d as G, e, S as E, j as i, A as w, C as R, f as I, g as P, F as g, I as b, p as S, w as U, h as C, i as $, q as V, x as q, y as L, a as J, z as K, D as Q, r as F, B as v, G as X, J as Y, K as H, M as W, N as Z, O as ee, P as te, Q as re } from "./shared-2F3LgnBb.js";
import { u as f } from "./shared-Bxd5_tSg.js";
const ae = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", M = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", ne = /* @__PURE__ */ new Set(["admin", "owner"]), O = [1, 2, 3], se = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function j(t, r) {
  return new Intl.NumberFormat(r === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function le(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function ie({ count: t }) {
  const { t: r, locale: n } = u(), { formatDateTime: s } = S(), a = t.counted ?? [];
  return a.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("details_of", { name: t.name }), children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ i("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: a.map((l) => /* @__PURE__ */ i("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: s(l.starts_at) }),
        /* @__PURE__ */ i("td", { className: "py-1 pr-3", children: [
          l.mission_title,
          " ",
          /* @__PURE__ */ i("span", { className: "text-muted-foreground", children: [
            "(",
            l.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r(`source_${l.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: r("hours_value", { hours: j(l.minutes, n) }) })
      ] }, l.assignment_id)) })
    ] }) })
  );
}
function ce({ count: t, asOf: r }) {
  const { t: n } = u(), s = ee(t.user_id, r, !0);
  return s.isPending ? /* @__PURE__ */ e(E, { label: n("intermittents_loading"), size: "sm" }) : s.isError ? /* @__PURE__ */ e(C, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : /* @__PURE__ */ e(ie, { count: s.data });
}
function oe({ count: t, onDone: r }) {
  const { t: n, tError: s } = u(), a = te(), [l, c] = f(t.annexe), [o, m] = f(String(t.elsewhere_minutes / 60)), [h, _] = f(t.elsewhere_note);
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": n("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (p) => {
        p.preventDefault();
        const y = Math.round((Number(o.replace(",", ".")) || 0) * 60);
        a.mutate({ userId: t.user_id, profile: { annexe: l, elsewhere_minutes: y, elsewhere_note: h } }, { onSuccess: r });
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: n("annexe"), children: (p) => /* @__PURE__ */ i("select", { ...p, className: ae, value: l, onChange: (y) => c(Number(y.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: n("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: n("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(g, { label: n("elsewhere_hours"), children: (p) => /* @__PURE__ */ e(
            b,
            {
              ...p,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: o,
              onChange: (y) => m(y.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(g, { label: n("elsewhere_note"), children: (p) => /* @__PURE__ */ e("textarea", { ...p, className: M, maxLength: 500, value: h, onChange: (y) => _(y.target.value) }) }),
        a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(a.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(v, { type: "submit", loading: a.isPending, children: n("save") }),
          /* @__PURE__ */ e(v, { type: "button", variant: "ghost", onClick: r, children: n("cancel") })
        ] })
      ]
    }
  );
}
function de({ count: t }) {
  const { t: r, locale: n } = u(), s = (l) => r("hours_value", { hours: j(l, n) }), a = [
    ["col_here", s(t.worked_minutes)],
    ["col_cachets", r("cachets_value", { count: t.cachets, hours: j(t.cachet_minutes, n) })],
    ["col_elsewhere", s(t.elsewhere_minutes)],
    ["col_total", s(t.total_minutes)],
    ["col_missing", s(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: a.map(([l, c]) => /* @__PURE__ */ i("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: r(l) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, l)) });
}
function me({ count: t }) {
  const { t: r, locale: n } = u(), s = r("progress_of", { total: j(t.total_minutes, n), threshold: j(t.threshold_minutes, n) });
  return /* @__PURE__ */ i("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": s }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: s })
  ] });
}
function he({ count: t, asOf: r, canEdit: n }) {
  const { t: s } = u(), [a, l] = f(null), c = (o) => l((m) => m === o ? null : o);
  return /* @__PURE__ */ i("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: s(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(F, { variant: "success", children: s("reached") }) : /* @__PURE__ */ e(F, { variant: "warning", children: s("below") })
    ] }),
    /* @__PURE__ */ e(me, { count: t }),
    /* @__PURE__ */ e(de, { count: t }),
    /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(v, { size: "sm", variant: "secondary", "aria-expanded": a === "detail", "aria-label": s("details_of", { name: t.name }), onClick: () => c("detail"), children: s("details") }),
      n && /* @__PURE__ */ e(v, { size: "sm", variant: "secondary", "aria-expanded": a === "edit", "aria-label": s("profile_of", { name: t.name }), onClick: () => c("edit"), children: s("edit") })
    ] }),
    a === "detail" && /* @__PURE__ */ e(ce, { count: t, asOf: r }),
    a === "edit" && /* @__PURE__ */ e(oe, { count: t, onDone: () => l(null) })
  ] });
}
function ue({ manager: t, asOf: r, shortOnly: n }) {
  const { t: s } = u(), { formatDate: a } = S(), l = U(r, n);
  if (l.isPending) return /* @__PURE__ */ e(E, { label: s("intermittents_loading") });
  if (l.isError) return /* @__PURE__ */ e(C, { error: l.error, onRetry: () => {
    l.refetch();
  } });
  const c = l.data.items, o = c[0];
  return o === void 0 ? /* @__PURE__ */ e($, { title: s(n ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ i("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("window", { from: a(o.from_day), to: a(o.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": s("intermittents_title"), children: c.map((m) => /* @__PURE__ */ e(he, { count: m, asOf: r, canEdit: t }, m.user_id)) })
  ] });
}
const pe = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function _e({ engagement: t }) {
  const { t: r } = u(), { formatDate: n, formatDateTime: s } = S(), { dpae: a } = t, l = a.status === "declared" ? n(a.declared_on ?? "") : a.status === "not_yet_open" ? s(a.opens_at) : s(a.due_at);
  return /* @__PURE__ */ e(F, { variant: pe[a.status], children: r(`dpae_${a.status}`, { date: l }) });
}
function T() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function fe({ engagement: t, onDone: r }) {
  const { t: n, tError: s } = u(), a = re(), [l, c] = f(""), [o, m] = f(T), h = n("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": h,
      className: "space-y-3",
      onSubmit: (_) => {
        _.preventDefault(), a.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: l, declared_on: o },
          { onSuccess: r }
        );
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: n("dpae_reference_field"), children: (_) => /* @__PURE__ */ e(b, { ..._, maxLength: 64, value: l, onChange: (p) => c(p.target.value) }) }),
          /* @__PURE__ */ e(g, { label: n("dpae_declared_on"), children: (_) => /* @__PURE__ */ e(b, { ..._, type: "date", required: !0, value: o, onChange: (p) => m(p.target.value) }) })
        ] }),
        a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(a.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(v, { type: "submit", loading: a.isPending, children: n("save") }),
          /* @__PURE__ */ e(v, { type: "button", variant: "ghost", onClick: r, children: n("cancel") })
        ] })
      ]
    }
  );
}
function ge({ engagement: t }) {
  const { t: r, tError: n } = u(), { formatDate: s } = S(), a = X(), [l, c] = f(!1), [o, m] = f(!1), { dpae: h } = t, _ = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ i("li", { className: `space-y-2 border-b border-border py-3 ${h.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(_e, { engagement: t })
    ] }),
    /* @__PURE__ */ i("p", { className: "text-sm text-muted-foreground", children: [
      r("engagement_days", { first: s(t.first_day), last: s(t.last_day), count: t.missions }),
      h.reference ? ` \xB7 ${r("dpae_reference", { reference: h.reference })}` : ""
    ] }),
    /* @__PURE__ */ e(
      "a",
      {
        className: "inline-block text-sm text-primary underline",
        href: Y(t),
        download: !0,
        "aria-label": r("contract_pdf_of", _),
        children: r("contract_pdf")
      }
    ),
    h.id === null ? !l && /* @__PURE__ */ e(v, { size: "sm", variant: "secondary", "aria-label": r("dpae_record_of", _), onClick: () => c(!0), children: r("dpae_record") }) : /* @__PURE__ */ e(v, { size: "sm", variant: "ghost", "aria-label": r("dpae_remove_of", _), onClick: () => m(!0), children: r("dpae_remove") }),
    l && /* @__PURE__ */ e(fe, { engagement: t, onDone: () => c(!1) }),
    a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: n(a.error) }),
    /* @__PURE__ */ e(
      H,
      {
        open: o,
        title: r("dpae_remove_of", _),
        description: r("dpae_remove_confirm"),
        confirmLabel: r("dpae_remove"),
        cancelLabel: r("cancel"),
        destructive: !0,
        loading: a.isPending,
        onConfirm: () => {
          h.id !== null && a.mutate(h.id, { onSettled: () => m(!1) });
        },
        onCancel: () => m(!1)
      }
    )
  ] });
}
function be() {
  const { t } = u(), { formatDate: r } = S(), [n, s] = f(!1), a = V(n ? "overdue" : "");
  let l;
  if (a.isPending) l = /* @__PURE__ */ e(E, { label: t("engagements_loading") });
  else if (a.isError) l = /* @__PURE__ */ e(C, { error: a.error, onRetry: () => {
    a.refetch();
  } });
  else if (a.data.items.length === 0) l = /* @__PURE__ */ e($, { title: t(n ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...a.data.items].sort((o, m) => +(m.dpae.status === "overdue") - +(o.dpae.status === "overdue"));
    l = /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: r(a.data.from_day), to: r(a.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((o) => /* @__PURE__ */ e(ge, { engagement: o }, `${o.user_id}-${o.project_id}-${o.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ i(R, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("engagements_title") }),
    /* @__PURE__ */ e(P, { children: t("engagements_hint") }),
    /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: n, onChange: (c) => s(c.target.checked) }),
      t("overdue_only")
    ] }),
    l
  ] });
}
function ye() {
  return T().slice(0, 7);
}
function A(t, r, n) {
  return new Intl.NumberFormat(n === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: r }).format(t / 100);
}
function ve({ rows: t }) {
  const { t: r, locale: n } = u(), { formatDate: s } = S();
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": r("aem_table"), children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: r("aem_table") }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ i("tr", { className: "border-b border-border text-muted-foreground", children: [
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
      /* @__PURE__ */ e("tbody", { children: t.map((a) => /* @__PURE__ */ i("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ i("td", { className: "py-1 pr-3", children: [
          a.name,
          a.nir ? null : /* @__PURE__ */ e("span", { className: "block text-xs text-danger", children: r("aem_nir_missing") })
        ] }),
        /* @__PURE__ */ i("td", { className: "py-1 pr-3", children: [
          a.project_name,
          " ",
          /* @__PURE__ */ i("span", { className: "text-muted-foreground", children: [
            "(",
            a.numero_objet ?? "-",
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a.annexe }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: a.ongoing ? r("aem_ongoing", { first: s(a.contract_start) }) : r("aem_dates", { first: s(a.contract_start), last: s(a.contract_end) }) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: j(a.hours_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.cachets }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: a.days_worked }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(a.gross_cents, a.currency, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: A(a.cs_base_cents, a.currency, n) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: A(a.cs_contribution_cents, a.currency, n) })
      ] }, `${a.user_id}-${a.project_id}-${a.contract_start}`)) })
    ] }) })
  );
}
function xe() {
  const { t } = u(), [r, n] = f(ye), s = q(r);
  let a;
  if (s.isPending) a = /* @__PURE__ */ e(E, { label: t("aem_loading") });
  else if (s.isError) a = /* @__PURE__ */ e(C, { error: s.error, onRetry: () => {
    s.refetch();
  } });
  else {
    const l = s.data.employer_missing;
    a = /* @__PURE__ */ i("div", { className: "space-y-3", children: [
      l.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: t("aem_missing", { fields: l.map((c) => t(`field_${c}`)).join(", ") }) }) : /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-4", children: [
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: L(r, "csv"), download: !0, children: t("aem_csv") }),
        /* @__PURE__ */ e("a", { className: "text-sm text-primary underline", href: L(r, "pdf"), download: !0, children: t("aem_pdf") })
      ] }),
      s.data.rows.length === 0 ? /* @__PURE__ */ e($, { title: t("aem_empty") }) : /* @__PURE__ */ e(ve, { rows: s.data.rows })
    ] });
  }
  return /* @__PURE__ */ i(R, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("aem_title") }),
    /* @__PURE__ */ e(P, { children: t("aem_hint") }),
    /* @__PURE__ */ e(g, { label: t("aem_month"), children: (l) => /* @__PURE__ */ e(b, { ...l, type: "month", value: r, onChange: (c) => n(c.target.value) }) }),
    a
  ] });
}
function Ne({ project: t, numero: r }) {
  const { t: n, tError: s } = u(), a = W(), [l, c] = f(r), o = n("objet_of", { project: t.name });
  return /* @__PURE__ */ i("li", { className: "py-2", children: [
    /* @__PURE__ */ i(
      "form",
      {
        "aria-label": o,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (m) => {
          m.preventDefault(), a.mutate({ projectId: t.id, numero: l }, { onSuccess: (h) => c(h.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(g, { label: o, className: "min-w-48 flex-1", children: (m) => /* @__PURE__ */ e(b, { ...m, maxLength: 64, value: l, onChange: (h) => c(h.target.value) }) }),
          /* @__PURE__ */ e(v, { type: "submit", size: "sm", variant: "secondary", loading: a.isPending, children: n("save") }),
          a.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: n("objet_saved") })
        ]
      }
    ),
    a.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(a.error) })
  ] });
}
function we() {
  const { t } = u(), r = J(!0), n = K(!0);
  let s;
  return r.isPending || n.isPending ? s = /* @__PURE__ */ e(E, { label: t("objets_title") }) : r.isError ? s = /* @__PURE__ */ e(C, { error: r.error, onRetry: () => {
    r.refetch();
  } }) : n.isError ? s = /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : r.data.items.length === 0 ? s = /* @__PURE__ */ e($, { title: t("objets_empty") }) : s = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: r.data.items.map((a) => /* @__PURE__ */ e(Ne, { project: a, numero: n.data.get(a.id) ?? "" }, a.id)) }), /* @__PURE__ */ i(R, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: t("objets_title") }),
    /* @__PURE__ */ e(P, { children: t("objets_hint") }),
    s
  ] });
}
function Ce(t, r) {
  return t.licences.find((n) => n.category === r)?.number ?? "";
}
function Ee({ identity: t, canEdit: r }) {
  const { t: n, tError: s } = u(), a = Z(), [l, c] = f({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [o, m] = f(O.map((d) => Ce(t, d))), h = (d) => (x) => c((N) => ({ ...N, [d]: x.target.value })), _ = a.isError ? se[le(a.error)] : void 0, p = (d) => _ === d ? s(a.error) : void 0, y = (a.data ?? t).missing;
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": n("identity_title"),
      className: "space-y-3",
      onSubmit: (d) => {
        d.preventDefault();
        const x = O.flatMap((N, D) => {
          const k = o[D]?.trim() ?? "";
          return k ? [{ category: N, number: k }] : [];
        });
        a.mutate(
          { ...l, siret: l.siret || null, ape: l.ape || null, idcc: l.idcc || null, licences: x },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (N) => c((D) => ({ ...D, siret: N.siret ?? "", ape: N.ape ?? "", idcc: N.idcc ?? "" }))
          }
        );
      },
      children: [
        y.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: n("identity_missing", { fields: y.map((d) => n(`field_${d}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("identity_complete") }),
        /* @__PURE__ */ i("fieldset", { disabled: !r, className: "space-y-3", children: [
          /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(g, { label: n("field_legal_name"), children: (d) => /* @__PURE__ */ e(b, { ...d, maxLength: 200, value: l.legal_name, onChange: h("legal_name") }) }),
            /* @__PURE__ */ e(g, { label: n("field_siret"), error: p("siret"), children: (d) => /* @__PURE__ */ e(b, { ...d, inputMode: "numeric", autoComplete: "off", value: l.siret, onChange: h("siret") }) }),
            /* @__PURE__ */ e(g, { label: n("field_ape"), error: p("ape"), children: (d) => /* @__PURE__ */ e(b, { ...d, value: l.ape, onChange: h("ape") }) }),
            /* @__PURE__ */ e(g, { label: n("field_idcc"), error: p("idcc"), children: (d) => /* @__PURE__ */ e(b, { ...d, inputMode: "numeric", value: l.idcc, onChange: h("idcc") }) })
          ] }),
          /* @__PURE__ */ e(g, { label: n("field_address"), children: (d) => /* @__PURE__ */ e("textarea", { ...d, className: M, maxLength: 500, value: l.address, onChange: h("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: O.map((d, x) => /* @__PURE__ */ e(g, { label: n(`licence_${d}`), error: x === 0 ? p("licences") : void 0, children: (N) => /* @__PURE__ */ e(
            b,
            {
              ...N,
              maxLength: 64,
              value: o[x],
              onChange: (D) => m((k) => k.map((z, B) => B === x ? D.target.value : z))
            }
          ) }, d)) }),
          /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: l.guso, onChange: (d) => c((x) => ({ ...x, guso: d.target.checked })) }),
            n("field_guso")
          ] })
        ] }),
        a.isError && !_ && /* @__PURE__ */ e(w, { variant: "danger", children: s(a.error) }),
        a.isSuccess && /* @__PURE__ */ e(w, { variant: "success", children: n("identity_saved") }),
        r ? /* @__PURE__ */ e(v, { type: "submit", loading: a.isPending, children: n("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: n("identity_read_only") })
      ]
    }
  );
}
function je({ canEdit: t }) {
  const { t: r } = u(), n = Q(!0);
  return /* @__PURE__ */ i(R, { className: "space-y-3", children: [
    /* @__PURE__ */ e(I, { children: r("identity_title") }),
    /* @__PURE__ */ e(P, { children: r("identity_hint") }),
    n.isPending ? /* @__PURE__ */ e(E, { label: r("identity_title") }) : n.isError ? /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : /* @__PURE__ */ e(Ee, { identity: n.data, canEdit: t })
  ] });
}
function Re() {
  const { t } = u(), r = G(), [n, s] = f(""), [a, l] = f(!1);
  if (r.isPending) return /* @__PURE__ */ e(E, { label: t("intermittents_loading") });
  const c = r.data !== void 0 && r.data !== "tech";
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(w, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ i(R, { className: "space-y-3", children: [
      /* @__PURE__ */ e(I, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(P, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ i("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(g, { label: t("as_of"), children: (o) => /* @__PURE__ */ e(b, { ...o, type: "date", value: n, onChange: (m) => s(m.target.value) }) }),
        c && /* @__PURE__ */ i("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: a, onChange: (o) => l(o.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(ue, { manager: c, asOf: n, shortOnly: c && a })
    ] }),
    c && /* @__PURE__ */ e(be, {}),
    c && /* @__PURE__ */ e(xe, {}),
    c && /* @__PURE__ */ e(we, {}),
    c && /* @__PURE__ */ e(je, { canEdit: ne.has(r.data ?? "") })
  ] });
}
export {
  Re as default
};
