import { u as y, a as W, b as ee, c as te, d as ne, j as o, e, A as D, C as T, f as F, g as q, F as P, I as A, E as re, B as k, L as ae, S as R, h as I, i as H, H as se, k as ce, l as le, m as v, n as oe, t as U, o as ie, p as Y } from "./shared-HnWTwLGz.js";
import { u as g } from "./shared-CysmjTCZ.js";
const z = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", de = "/plugins/payroll/exports";
function me(t, s, n) {
  return (t.projects ?? []).map((r) => `${r.name} ${h(r.gross_cents, s, n)}`).join(" ; ");
}
const E = [
  { key: "name", label: "col_person", value: (t) => t.name ?? "", kind: "text", optional: !1 },
  { key: "employment_type", label: "col_type", value: (t) => t.employment_type ?? "", kind: "text", optional: !0 },
  { key: "planned_minutes", label: "col_planned_hours", value: (t) => t.planned_minutes, kind: "hours", optional: !0 },
  { key: "confirmed_minutes", label: "col_confirmed_hours", value: (t) => t.confirmed_minutes, kind: "hours", optional: !0 },
  { key: "actual_minutes", label: "col_actual_hours", value: (t) => t.actual_minutes, kind: "hours", optional: !0 },
  { key: "cachets", label: "col_cachets_count", value: (t) => t.cachets, kind: "count", optional: !0 },
  ...se.map(
    (t) => ({ key: `${t}_minutes`, label: `col_${t}_hours`, value: (s) => s[`${t}_minutes`], kind: "hours", optional: !0 })
  ),
  ...ce.map(
    (t) => ({ key: `${t}_cents`, label: `line_${t}`, value: (s) => s[`${t}_cents`], kind: "money", optional: !0 })
  ),
  { key: "projects", label: "col_by_project", value: (t) => (t.projects ?? []).map((s) => s.name).join(" ; "), kind: "text", optional: !0 },
  { key: "gross_cents", label: "col_gross", value: (t) => t.gross_cents, kind: "money", optional: !1 }
], pe = /* @__PURE__ */ new Set([
  "employment_type",
  "planned_minutes",
  "actual_minutes",
  "holiday_minutes",
  "overtime_minutes",
  "minimum_call_cents",
  "meal_cents",
  "projects"
]), ue = [
  { label: "export_totals_csv", ask: { kind: "monthly_totals", format: "csv" } },
  { label: "export_totals_xlsx", ask: { kind: "monthly_totals", format: "xlsx" } },
  { label: "export_statements_pdf", ask: { kind: "statement", format: "pdf" } },
  { label: "export_office_csv", ask: { kind: "payroll_office", format: "csv" } }
];
function he() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}`;
}
function w(t) {
  return t === "en" ? "en-GB" : "fr-FR";
}
function h(t, s, n) {
  return new Intl.NumberFormat(w(n), { style: "currency", currency: s }).format(t / 100);
}
function N(t, s) {
  return new Intl.NumberFormat(w(s), { maximumFractionDigits: 2 }).format(t / 60);
}
function O(t, s) {
  return s.replace(/[a-z][a-z0-9_]*/g, (n) => {
    const r = `value_${n}`, l = U(t, r);
    return l === r ? n : l;
  });
}
function M(t, s, n) {
  const r = U(t, s);
  return r === s ? n : r;
}
function B(t, s, n) {
  const r = t.value(s);
  return t.key === "projects" ? me(s, s.currency, n) : t.kind === "money" ? h(Number(r), s.currency, n) : t.kind === "hours" ? N(Number(r), n) : t.kind === "count" ? new Intl.NumberFormat(w(n)).format(Number(r)) : String(r);
}
function _e(t, s, n) {
  const r = t.value(s), l = t.value(n);
  return typeof r == "number" && typeof l == "number" ? r - l : String(r).localeCompare(String(l), "fr");
}
function ge({ line: t, timezone: s }) {
  const { t: n, locale: r } = y(), { formatDate: l } = Y();
  if (t.week_start) return /* @__PURE__ */ e(v, { children: n("accounting_week_of", { date: l(t.week_start) }) });
  const d = t.explanation.periods[0], a = t.explanation.times?.start ?? d?.start;
  return a ? /* @__PURE__ */ e(v, { children: new Date(a).toLocaleDateString(w(r), { timeZone: d?.timezone ?? s, day: "numeric", month: "short", weekday: "short" }) }) : /* @__PURE__ */ e(v, { children: n("source_none") });
}
function ye({ line: t }) {
  const { t: s, locale: n } = y(), { formatDate: r, formatDateTime: l } = Y(), { explanation: d, rule_set: a } = t, m = d.times;
  return /* @__PURE__ */ o("div", { className: "space-y-2 rounded-md bg-muted/30 p-3 text-sm", children: [
    /* @__PURE__ */ o("p", { children: [
      /* @__PURE__ */ o("span", { className: "font-medium", children: [
        s("accounting_formula"),
        " : "
      ] }),
      /* @__PURE__ */ e("code", { children: O(n, d.formula) })
    ] }),
    /* @__PURE__ */ e("dl", { className: "grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2", children: Object.entries(d.values).map(([p, u]) => /* @__PURE__ */ o("div", { className: "flex justify-between gap-2", children: [
      /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: O(n, p) }),
      /* @__PURE__ */ e("dd", { className: "font-mono", children: u })
    ] }, p)) }),
    m && /* @__PURE__ */ o("p", { children: [
      m.source === "actual" ? s("accounting_times_actual", { breaks: m.break_minutes }) : s("accounting_times_planned"),
      " :",
      " ",
      l(m.start),
      " ",
      "\u2013",
      " ",
      l(m.end)
    ] }),
    /* @__PURE__ */ e("p", { children: s("accounting_rules", {
      profile: M(n, `profile_${a.profile}`, a.profile),
      employment: M(n, `employment_${a.employment_type}`, a.employment_type),
      date: r(a.effective_from)
    }) }),
    /* @__PURE__ */ e("p", { children: s("accounting_exact", { cents: d.exact_cents }) }),
    /* @__PURE__ */ e("p", { className: "text-muted-foreground", children: s("accounting_rounding") })
  ] });
}
function fe({ line: t, timezone: s }) {
  const { t: n, locale: r } = y(), [l, d] = g(!1), a = n(`line_${t.kind}`), m = new Intl.NumberFormat(w(r), { maximumFractionDigits: 2 }).format(Number(t.quantity));
  return /* @__PURE__ */ o(v, { children: [
    /* @__PURE__ */ o("tr", { className: "border-b border-border", children: [
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: /* @__PURE__ */ e(ge, { line: t, timezone: s }) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: n(`unit_${t.unit}`, { quantity: m }) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: h(t.rate_cents, t.currency, r) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: t.premium_pct ? `${t.premium_pct} %` : n("source_none") }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: t.source ? n(`source_${t.source}`) : n("source_none") }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right font-medium whitespace-nowrap", children: h(t.amount_cents, t.currency, r) }),
      /* @__PURE__ */ e("td", { className: "py-1", children: /* @__PURE__ */ e(k, { size: "sm", variant: "link", "aria-expanded": l, onClick: () => d((p) => !p), children: n("accounting_how") }) })
    ] }),
    l && /* @__PURE__ */ e("tr", { children: /* @__PURE__ */ e("td", { colSpan: 8, className: "pb-3", children: /* @__PURE__ */ e(ye, { line: t }) }) })
  ] });
}
function be({ row: t, month: s, project: n, onClose: r }) {
  const { t: l, locale: d } = y(), a = le(t.user_id, s, n), m = l("accounting_detail_of", { name: t.name });
  return /* @__PURE__ */ o(T, { className: "space-y-3", "aria-label": m, role: "region", children: [
    /* @__PURE__ */ o("div", { className: "flex items-center justify-between gap-2", children: [
      /* @__PURE__ */ e(F, { children: m }),
      /* @__PURE__ */ e(k, { size: "sm", variant: "ghost", onClick: r, children: l("accounting_close") })
    ] }),
    a.isPending ? /* @__PURE__ */ e(R, { label: l("accounting_loading") }) : a.isError ? /* @__PURE__ */ e(I, { error: a.error, onRetry: () => {
      a.refetch();
    } }) : /* @__PURE__ */ o(v, { children: [
      /* @__PURE__ */ e("p", { className: "text-sm", children: Object.entries(a.data.totals).map(([p, u]) => `${l("col_gross")} : ${h(u, p, d)}`).join(" \xB7 ") }),
      /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ o("table", { className: "w-full text-left text-sm", children: [
        /* @__PURE__ */ e("caption", { className: "sr-only", children: m }),
        /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ o("tr", { className: "border-b border-border text-muted-foreground", children: [
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: l("col_date") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: l("col_kind") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: l("col_quantity") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: l("col_rate") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: l("col_premium") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: l("col_times") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: l("col_amount") }),
          /* @__PURE__ */ e("th", { className: "py-1", children: /* @__PURE__ */ e("span", { className: "sr-only", children: l("accounting_how") }) })
        ] }) }),
        /* @__PURE__ */ e("tbody", { children: a.data.lines.map((p, u) => /* @__PURE__ */ e(fe, { line: p, timezone: a.data.timezone }, `${p.kind}-${p.assignment_id ?? p.week_start}-${u}`)) })
      ] }) })
    ] })
  ] });
}
function xe(t) {
  const s = t.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (s === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [n, r = ""] = s.split(".");
  return Number(n) * 100 + Number(r.padEnd(2, "0"));
}
function Ne({ row: t }) {
  const { t: s, tError: n } = y(), r = ie(), [l, d] = g(t.budget_cents === null ? "" : (t.budget_cents / 100).toFixed(2).replace(".", ",")), a = xe(l), m = Number.isNaN(a), p = s("recap_budget_of", { name: t.name, currency: t.currency });
  return /* @__PURE__ */ o(
    "form",
    {
      className: "flex items-center gap-1",
      onSubmit: (u) => {
        u.preventDefault(), m || r.mutate({ projectId: t.project_id, amountCents: a, currency: t.currency });
      },
      children: [
        /* @__PURE__ */ e(A, { "aria-label": p, "aria-invalid": m, className: "h-8 w-28 text-right", inputMode: "decimal", value: l, onChange: (u) => d(u.target.value) }),
        /* @__PURE__ */ e(k, { size: "sm", variant: "secondary", type: "submit", disabled: m || r.isPending, children: s("recap_save_budget") }),
        m && /* @__PURE__ */ e("span", { className: "text-xs text-danger", children: s("recap_budget_invalid") }),
        r.isError && /* @__PURE__ */ e("span", { className: "text-xs text-danger", children: n(r.error) }),
        r.isSuccess && /* @__PURE__ */ e("span", { className: "sr-only", role: "status", children: s("recap_budget_saved") })
      ]
    }
  );
}
function ve({ month: t, canEdit: s }) {
  const { t: n, locale: r } = y(), l = oe(t), d = n("recap_title");
  return /* @__PURE__ */ o(T, { className: "space-y-3", children: [
    /* @__PURE__ */ e(F, { children: d }),
    /* @__PURE__ */ e(q, { children: n("recap_hint") }),
    l.isPending ? /* @__PURE__ */ e(R, { label: n("recap_loading") }) : l.isError ? /* @__PURE__ */ e(I, { error: l.error, onRetry: () => {
      l.refetch();
    } }) : l.data.items.length === 0 ? /* @__PURE__ */ e(H, { title: n("recap_empty") }) : /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ o("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: d }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ o("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3", children: n("project") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: n("col_planned_hours") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: n("col_confirmed_hours") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: n("col_gross") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: n("col_forecast") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3", children: n("col_budget") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: n("col_margin") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: l.data.items.map((a) => /* @__PURE__ */ o("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ o("th", { scope: "row", className: "py-2 pr-3 text-left font-normal", children: [
          a.name,
          a.over_budget && /* @__PURE__ */ e("p", { className: "text-xs font-medium text-danger", role: "alert", children: n("recap_over_budget") })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: N(a.planned_minutes, r) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: N(a.confirmed_minutes, r) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: h(a.gross_cents, a.currency, r) }),
        /* @__PURE__ */ o("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: [
          h(a.forecast_cents, a.currency, r),
          a.forecast_from !== a.forecast_to && /* @__PURE__ */ e("p", { className: "text-xs text-muted-foreground", children: n("recap_forecast_months", { from: a.forecast_from, to: a.forecast_to }) })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 whitespace-nowrap", children: s ? /* @__PURE__ */ e(Ne, { row: a }) : a.budget_cents === null ? n("recap_no_budget") : h(a.budget_cents, a.currency, r) }),
        /* @__PURE__ */ e("td", { className: `py-2 pr-3 text-right whitespace-nowrap ${a.over_budget ? "font-medium text-danger" : ""}`, children: a.margin_cents === null ? n("source_none") : h(a.margin_cents, a.currency, r) })
      ] }, `${a.project_id}-${a.currency}`)) }),
      /* @__PURE__ */ e("tfoot", { children: l.data.totals.map((a) => /* @__PURE__ */ o("tr", { className: "font-semibold", children: [
        /* @__PURE__ */ e("th", { scope: "row", className: "py-2 pr-3 text-left", children: n("totals_row", { currency: a.currency }) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: N(a.planned_minutes, r) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: N(a.confirmed_minutes, r) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: h(a.gross_cents, a.currency, r) }),
        /* @__PURE__ */ e("td", { colSpan: 3 })
      ] }, a.currency)) })
    ] }) })
  ] });
}
function ke({ hidden: t, onToggle: s }) {
  const { t: n } = y();
  return /* @__PURE__ */ o("details", { className: "text-sm", children: [
    /* @__PURE__ */ e("summary", { className: "cursor-pointer", children: n("accounting_columns") }),
    /* @__PURE__ */ o("fieldset", { className: "mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4", children: [
      /* @__PURE__ */ e("legend", { className: "sr-only", children: n("accounting_columns") }),
      E.filter((r) => r.optional).map((r) => /* @__PURE__ */ o("label", { className: "flex items-center gap-2", children: [
        /* @__PURE__ */ e("input", { type: "checkbox", checked: !t.has(r.key), onChange: () => s(r.key) }),
        n(r.label)
      ] }, r.key))
    ] })
  ] });
}
function je() {
  const { t, tError: s, locale: n } = y(), [r, l] = g(he), [d, a] = g(""), [m, p] = g(""), [u, G] = g(() => new Set(pe)), [f, K] = g({ key: "name", descending: !1 }), [$, b] = g(null), X = W(!0), _ = ee(r, d, m), x = te(), L = ne(), Z = L.data !== void 0 && L.data !== "tech", C = E.filter((c) => !u.has(c.key)), J = E.find((c) => c.key === f.key) ?? E[0], j = [..._.data?.items ?? []].sort((c, i) => (f.descending ? -1 : 1) * _e(J, c, i)), Q = (c) => G((i) => {
    const S = new Set(i);
    return S.has(c) ? S.delete(c) : S.add(c), S;
  }), V = (c) => K((i) => ({ key: c, descending: i.key === c ? !i.descending : c !== "name" }));
  return /* @__PURE__ */ o("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("accounting_title") }),
    /* @__PURE__ */ e(D, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ o(T, { className: "space-y-3", children: [
      /* @__PURE__ */ e(F, { children: t("accounting_title") }),
      /* @__PURE__ */ e(q, { children: t("accounting_hint") }),
      /* @__PURE__ */ o("div", { className: "grid gap-3 sm:grid-cols-3", children: [
        /* @__PURE__ */ e(P, { label: t("exports_month"), children: (c) => /* @__PURE__ */ e(
          A,
          {
            ...c,
            type: "month",
            required: !0,
            value: r,
            onChange: (i) => {
              l(i.target.value), b(null);
            }
          }
        ) }),
        /* @__PURE__ */ e(P, { label: t("project"), children: (c) => /* @__PURE__ */ o(
          "select",
          {
            ...c,
            className: z,
            value: d,
            onChange: (i) => {
              a(i.target.value), b(null);
            },
            children: [
              /* @__PURE__ */ e("option", { value: "", children: t("all_projects") }),
              X.data?.items.map((i) => /* @__PURE__ */ e("option", { value: i.id, children: i.name }, i.id))
            ]
          }
        ) }),
        /* @__PURE__ */ e(P, { label: t("employment_filter"), children: (c) => /* @__PURE__ */ o(
          "select",
          {
            ...c,
            className: z,
            value: m,
            onChange: (i) => {
              p(i.target.value), b(null);
            },
            children: [
              /* @__PURE__ */ e("option", { value: "", children: t("all_employment_types") }),
              re.map((i) => /* @__PURE__ */ e("option", { value: i, children: i }, i))
            ]
          }
        ) })
      ] }),
      /* @__PURE__ */ e(ke, { hidden: u, onToggle: Q }),
      /* @__PURE__ */ o("div", { className: "flex flex-wrap items-center gap-2", children: [
        /* @__PURE__ */ e("span", { className: "text-sm text-muted-foreground", children: t("accounting_exports") }),
        ue.map((c) => /* @__PURE__ */ e(
          k,
          {
            size: "sm",
            variant: "secondary",
            disabled: x.isPending || !r,
            onClick: () => x.mutate({ ...c.ask, month: r, ...d ? { project: Number(d) } : {} }),
            children: t(c.label)
          },
          c.label
        ))
      ] }),
      x.isError && /* @__PURE__ */ e(D, { variant: "danger", children: s(x.error) }),
      x.isSuccess && /* @__PURE__ */ o(D, { variant: "success", children: [
        t("accounting_export_queued"),
        " ",
        /* @__PURE__ */ e(ae, { to: de, className: "underline", children: t("accounting_open_exports") })
      ] }),
      _.isPending ? /* @__PURE__ */ e(R, { label: t("accounting_loading") }) : _.isError ? /* @__PURE__ */ e(I, { error: _.error, onRetry: () => {
        _.refetch();
      } }) : j.length === 0 ? /* @__PURE__ */ e(H, { title: t("accounting_empty") }) : /* @__PURE__ */ o("div", { className: "overflow-x-auto", children: [
        /* @__PURE__ */ o("table", { className: "w-full text-left text-sm", children: [
          /* @__PURE__ */ e("caption", { className: "sr-only", children: t("accounting_title") }),
          /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ e("tr", { className: "border-b border-border text-muted-foreground", children: C.map((c) => /* @__PURE__ */ e(
            "th",
            {
              scope: "col",
              className: `py-2 pr-3 ${c.kind === "text" ? "" : "text-right"}`,
              "aria-sort": f.key === c.key ? f.descending ? "descending" : "ascending" : "none",
              children: /* @__PURE__ */ o(
                "button",
                {
                  type: "button",
                  className: "font-medium underline-offset-4 hover:underline",
                  "aria-label": t("accounting_sort_by", { column: t(c.label) }),
                  onClick: () => V(c.key),
                  children: [
                    t(c.label),
                    f.key === c.key ? f.descending ? " \u2193" : " \u2191" : ""
                  ]
                }
              )
            },
            c.key
          )) }) }),
          /* @__PURE__ */ e("tbody", { children: j.map((c) => /* @__PURE__ */ e("tr", { className: `border-b border-border ${$?.user_id === c.user_id ? "bg-muted/30" : ""}`, children: C.map(
            (i) => i.key === "name" ? /* @__PURE__ */ o("th", { scope: "row", className: "py-2 pr-3 text-left font-normal", children: [
              /* @__PURE__ */ e(k, { size: "sm", variant: "link", "aria-expanded": $?.user_id === c.user_id, onClick: () => b(c), children: c.name }),
              c.missing_rate > 0 && /* @__PURE__ */ e("p", { className: "text-xs text-danger", children: t("accounting_missing_rate", { count: c.missing_rate }) })
            ] }, i.key) : /* @__PURE__ */ e("td", { className: `py-2 pr-3 whitespace-nowrap ${i.kind === "text" ? "" : "text-right"}`, children: B(i, c, n) }, i.key)
          ) }, `${c.user_id}-${c.currency}`)) }),
          /* @__PURE__ */ e("tfoot", { children: _.data.totals.map((c) => /* @__PURE__ */ e("tr", { className: "font-semibold", children: C.map(
            (i) => i.key === "name" ? /* @__PURE__ */ e("th", { scope: "row", className: "py-2 pr-3 text-left", children: t("totals_row", { currency: c.currency }) }, i.key) : /* @__PURE__ */ e("td", { className: `py-2 pr-3 whitespace-nowrap ${i.kind === "text" ? "" : "text-right"}`, children: i.kind === "text" ? "" : B(i, c, n) }, i.key)
          ) }, c.currency)) })
        ] }),
        _.data.total > j.length && /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("accounting_more", { shown: j.length, total: _.data.total }) })
      ] })
    ] }),
    $ && /* @__PURE__ */ e(be, { row: $, month: r, project: d, onClose: () => b(null) }),
    /* @__PURE__ */ e(ve, { month: r, canEdit: Z })
  ] });
}
export {
  je as default,
  O as formulaText,
  N as hoursOf,
  h as money,
  xe as parseCents
};
