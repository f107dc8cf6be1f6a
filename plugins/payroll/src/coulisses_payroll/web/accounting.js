import { u as f, a as y, b as te, c as ae, d as ne, e as re, f as se, t as w, j as o, F as x, g as e, B as k, h as ce, A as C, C as T, i as O, k as V, l as D, I as U, E as le, L as oe, S as R, m as L, n as Y, D as ie, H as de, o as pe, p as me, q as ue, r as he, s as K } from "./shared-Nh1hQyZl.js";
import { m as _, h as v, c as _e, d as ge, n as ye } from "./shared-BeTIlZ9I.js";
const I = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", fe = "/plugins/payroll/exports", q = [];
function xe(t, s, a) {
  return (t.projects ?? []).map((n) => `${n.name} ${_(n.gross_cents, s, a)}`).join(" ; ");
}
const P = [
  { key: "name", label: "col_person", value: (t) => t.name ?? "", kind: "text", optional: !1 },
  { key: "employment_type", label: "col_type", value: (t) => t.employment_type ?? "", kind: "text", optional: !0 },
  { key: "planned_minutes", label: "col_planned_hours", value: (t) => t.planned_minutes, kind: "hours", optional: !0 },
  { key: "confirmed_minutes", label: "col_confirmed_hours", value: (t) => t.confirmed_minutes, kind: "hours", optional: !0 },
  { key: "actual_minutes", label: "col_actual_hours", value: (t) => t.actual_minutes, kind: "hours", optional: !0 },
  { key: "cachets", label: "col_cachets_count", value: (t) => t.cachets, kind: "count", optional: !0 },
  ...de.map(
    (t) => ({ key: `${t}_minutes`, label: `col_${t}_hours`, value: (s) => s[`${t}_minutes`], kind: "hours", optional: !0 })
  ),
  ...pe.map(
    (t) => ({ key: `${t}_cents`, label: `line_${t}`, value: (s) => s[`${t}_cents`], kind: "money", optional: !0 })
  ),
  { key: "projects", label: "col_by_project", value: (t) => (t.projects ?? []).map((s) => s.name).join(" ; "), kind: "text", optional: !0 },
  { key: "gross_cents", label: "col_gross", value: (t) => t.gross_cents, kind: "money", optional: !1 }
], be = /* @__PURE__ */ new Set([
  "employment_type",
  "planned_minutes",
  "actual_minutes",
  "holiday_minutes",
  "overtime_minutes",
  "minimum_call_cents",
  "meal_cents",
  "projects"
]), Ne = [
  { label: "export_totals_csv", ask: { kind: "monthly_totals", format: "csv" } },
  { label: "export_totals_xlsx", ask: { kind: "monthly_totals", format: "xlsx" } },
  { label: "export_statements_pdf", ask: { kind: "statement", format: "pdf" } },
  { label: "export_office_csv", ask: { kind: "payroll_office", format: "csv" } }
];
function ve() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}`;
}
function H(t, s) {
  return s.replace(/[a-z][a-z0-9_]*/g, (a) => {
    const n = `value_${a}`, c = w(t, n);
    return c === n ? a : c;
  });
}
function A(t, s, a) {
  const n = w(t, s);
  return n === s ? a : n;
}
function B(t, s, a) {
  const n = t.value(s);
  return t.key === "projects" ? xe(s, s.currency, a) : t.kind === "money" ? _(Number(n), s.currency, a) : t.kind === "hours" ? v(Number(n), a) : t.kind === "count" ? _e(Number(n), a) : String(n);
}
function ke({ line: t, timezone: s }) {
  const { t: a, locale: n } = f(), { formatDate: c } = K();
  if (t.week_start) return /* @__PURE__ */ e(x, { children: a("accounting_week_of", { date: c(t.week_start) }) });
  const i = t.explanation.periods[0], r = t.explanation.times?.start ?? i?.start;
  return r ? /* @__PURE__ */ e(x, { children: new Date(r).toLocaleDateString(ye(n), { timeZone: i?.timezone ?? s, day: "numeric", month: "short", weekday: "short" }) }) : /* @__PURE__ */ e(x, { children: a("source_none") });
}
function we({ line: t }) {
  const { t: s, locale: a } = f(), { formatDate: n, formatDateTime: c } = K(), { explanation: i, rule_set: r } = t, m = i.times;
  return /* @__PURE__ */ o("div", { className: "space-y-2 rounded-md bg-muted/30 p-3 text-sm", children: [
    /* @__PURE__ */ o("p", { children: [
      /* @__PURE__ */ o("span", { className: "font-medium", children: [
        s("accounting_formula"),
        " : "
      ] }),
      /* @__PURE__ */ e("code", { children: H(a, i.formula) })
    ] }),
    /* @__PURE__ */ e("dl", { className: "grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2", children: Object.entries(i.values).map(([u, h]) => /* @__PURE__ */ o("div", { className: "flex justify-between gap-2", children: [
      /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: H(a, u) }),
      /* @__PURE__ */ e("dd", { className: "font-mono", children: h })
    ] }, u)) }),
    m && /* @__PURE__ */ o("p", { children: [
      m.source === "actual" ? s("accounting_times_actual", { breaks: m.break_minutes }) : s("accounting_times_planned"),
      " :",
      " ",
      c(m.start),
      " ",
      "\u2013",
      " ",
      c(m.end)
    ] }),
    /* @__PURE__ */ e("p", { children: s("accounting_rules", {
      profile: A(a, `profile_${r.profile}`, r.profile),
      employment: A(a, `employment_${r.employment_type}`, r.employment_type),
      date: n(r.effective_from)
    }) }),
    /* @__PURE__ */ e("p", { children: s("accounting_exact", { cents: i.exact_cents }) }),
    /* @__PURE__ */ e("p", { className: "text-muted-foreground", children: s("accounting_rounding") })
  ] });
}
function je({ line: t, timezone: s }) {
  const { t: a, locale: n } = f(), [c, i] = y(!1), r = a(`line_${t.kind}`), m = ge(Number(t.quantity), n);
  return /* @__PURE__ */ o(x, { children: [
    /* @__PURE__ */ o("tr", { className: "border-b border-border", children: [
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: /* @__PURE__ */ e(ke, { line: t, timezone: s }) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: a(`unit_${t.unit}`, { quantity: m }) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: _(t.rate_cents, t.currency, n) }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right", children: t.premium_pct ? `${t.premium_pct} %` : a("source_none") }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: t.source ? a(`source_${t.source}`) : a("source_none") }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 text-right font-medium whitespace-nowrap", children: _(t.amount_cents, t.currency, n) }),
      /* @__PURE__ */ e("td", { className: "py-1", children: /* @__PURE__ */ e(k, { size: "sm", variant: "link", "aria-expanded": c, onClick: () => i((u) => !u), children: a("accounting_how") }) })
    ] }),
    c && /* @__PURE__ */ e("tr", { children: /* @__PURE__ */ e("td", { colSpan: 8, className: "pb-3", children: /* @__PURE__ */ e(we, { line: t }) }) })
  ] });
}
function Se({ row: t, month: s, project: a, onClose: n }) {
  const { t: c, locale: i } = f(), r = me(t.user_id, s, a), m = c("accounting_detail_of", { name: t.name });
  return /* @__PURE__ */ o(T, { className: "space-y-3", "aria-label": m, role: "region", children: [
    /* @__PURE__ */ o("div", { className: "flex items-center justify-between gap-2", children: [
      /* @__PURE__ */ e(O, { children: m }),
      /* @__PURE__ */ e(k, { size: "sm", variant: "ghost", onClick: n, children: c("accounting_close") })
    ] }),
    r.isPending ? /* @__PURE__ */ e(R, { label: c("accounting_loading") }) : r.isError ? /* @__PURE__ */ e(L, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : /* @__PURE__ */ o(x, { children: [
      /* @__PURE__ */ e("p", { className: "text-sm", children: Object.entries(r.data.totals).map(([u, h]) => `${c("col_gross")} : ${_(h, u, i)}`).join(" \xB7 ") }),
      /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ o("table", { className: "w-full text-left text-sm", children: [
        /* @__PURE__ */ e("caption", { className: "sr-only", children: m }),
        /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ o("tr", { className: "border-b border-border text-muted-foreground", children: [
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: c("col_date") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: c("col_kind") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: c("col_quantity") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: c("col_rate") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: c("col_premium") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: c("col_times") }),
          /* @__PURE__ */ e("th", { className: "py-1 pr-3 text-right", children: c("col_amount") }),
          /* @__PURE__ */ e("th", { className: "py-1", children: /* @__PURE__ */ e("span", { className: "sr-only", children: c("accounting_how") }) })
        ] }) }),
        /* @__PURE__ */ e("tbody", { children: r.data.lines.map((u, h) => /* @__PURE__ */ e(je, { line: u, timezone: r.data.timezone }, `${u.kind}-${u.assignment_id ?? u.week_start}-${h}`)) })
      ] }) })
    ] })
  ] });
}
function $e(t) {
  const s = t.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (s === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [a, n = ""] = s.split(".");
  return Number(a) * 100 + Number(n.padEnd(2, "0"));
}
function Ee({ row: t }) {
  const { t: s, tError: a } = f(), n = he(), [c, i] = y(t.budget_cents === null ? "" : (t.budget_cents / 100).toFixed(2).replace(".", ",")), r = $e(c), m = Number.isNaN(r), u = s("recap_budget_of", { name: t.name, currency: t.currency });
  return /* @__PURE__ */ o(
    "form",
    {
      className: "flex items-center gap-1",
      onSubmit: (h) => {
        h.preventDefault(), m || n.mutate({ projectId: t.project_id, amountCents: r, currency: t.currency });
      },
      children: [
        /* @__PURE__ */ e(U, { "aria-label": u, "aria-invalid": m, className: "h-8 w-28 text-right", inputMode: "decimal", value: c, onChange: (h) => i(h.target.value) }),
        /* @__PURE__ */ e(k, { size: "sm", variant: "secondary", type: "submit", disabled: m || n.isPending, children: s("recap_save_budget") }),
        m && /* @__PURE__ */ e("span", { className: "text-xs text-danger", children: s("recap_budget_invalid") }),
        n.isError && /* @__PURE__ */ e("span", { className: "text-xs text-danger", children: a(n.error) }),
        n.isSuccess && /* @__PURE__ */ e("span", { className: "sr-only", role: "status", children: s("recap_budget_saved") })
      ]
    }
  );
}
function Ce({ month: t, canEdit: s }) {
  const { t: a, locale: n } = f(), c = ue(t), i = a("recap_title");
  return /* @__PURE__ */ o(T, { className: "space-y-3", children: [
    /* @__PURE__ */ e(O, { children: i }),
    /* @__PURE__ */ e(V, { children: a("recap_hint") }),
    c.isPending ? /* @__PURE__ */ e(R, { label: a("recap_loading") }) : c.isError ? /* @__PURE__ */ e(L, { error: c.error, onRetry: () => {
      c.refetch();
    } }) : c.data.items.length === 0 ? /* @__PURE__ */ e(Y, { title: a("recap_empty") }) : /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ o("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: i }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ o("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3", children: a("project") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: a("col_planned_hours") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: a("col_confirmed_hours") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: a("col_gross") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: a("col_forecast") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3", children: a("col_budget") }),
        /* @__PURE__ */ e("th", { scope: "col", className: "py-2 pr-3 text-right", children: a("col_margin") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: c.data.items.map((r) => /* @__PURE__ */ o("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ o("th", { scope: "row", className: "py-2 pr-3 text-left font-normal", children: [
          r.name,
          r.over_budget && /* @__PURE__ */ e("p", { className: "text-xs font-medium text-danger", role: "alert", children: a("recap_over_budget") })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: v(r.planned_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: v(r.confirmed_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: _(r.gross_cents, r.currency, n) }),
        /* @__PURE__ */ o("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: [
          _(r.forecast_cents, r.currency, n),
          r.forecast_from !== r.forecast_to && /* @__PURE__ */ e("p", { className: "text-xs text-muted-foreground", children: a("recap_forecast_months", { from: r.forecast_from, to: r.forecast_to }) })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 whitespace-nowrap", children: s ? /* @__PURE__ */ e(Ee, { row: r }) : r.budget_cents === null ? a("recap_no_budget") : _(r.budget_cents, r.currency, n) }),
        /* @__PURE__ */ e("td", { className: `py-2 pr-3 text-right whitespace-nowrap ${r.over_budget ? "font-medium text-danger" : ""}`, children: r.margin_cents === null ? a("source_none") : _(r.margin_cents, r.currency, n) })
      ] }, `${r.project_id}-${r.currency}`)) }),
      /* @__PURE__ */ e("tfoot", { children: c.data.totals.map((r) => /* @__PURE__ */ o("tr", { className: "font-semibold", children: [
        /* @__PURE__ */ e("th", { scope: "row", className: "py-2 pr-3 text-left", children: a("totals_row", { currency: r.currency }) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: v(r.planned_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: v(r.confirmed_minutes, n) }),
        /* @__PURE__ */ e("td", { className: "py-2 pr-3 text-right whitespace-nowrap", children: _(r.gross_cents, r.currency, n) }),
        /* @__PURE__ */ e("td", { colSpan: 3 })
      ] }, r.currency)) })
    ] }) })
  ] });
}
function De({ hidden: t, onToggle: s }) {
  const { t: a } = f();
  return /* @__PURE__ */ o("details", { className: "text-sm", children: [
    /* @__PURE__ */ e("summary", { className: "cursor-pointer", children: a("accounting_columns") }),
    /* @__PURE__ */ o("fieldset", { className: "mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4", children: [
      /* @__PURE__ */ e("legend", { className: "sr-only", children: a("accounting_columns") }),
      P.filter((n) => n.optional).map((n) => /* @__PURE__ */ o("label", { className: "flex items-center gap-2", children: [
        /* @__PURE__ */ e("input", { type: "checkbox", checked: !t.has(n.key), onChange: () => s(n.key) }),
        a(n.label)
      ] }, n.key))
    ] })
  ] });
}
function Oe() {
  const { t, tError: s, locale: a } = f(), [n, c] = y(ve), [i, r] = y(""), [m, u] = y(""), [h, X] = y(() => new Set(be)), [G, W] = y([{ id: "name", desc: !1 }]), [j, b] = y(null), Z = te(!0), g = ae(n, i, m), N = ne(), z = re(), J = z.data !== void 0 && z.data !== "tech", S = j?.user_id, Q = se(
    () => P.map((l) => {
      const p = {
        id: l.key,
        accessorFn: l.value,
        header: w(a, l.label),
        // Names and projects in the member's alphabet; numbers from the largest first.
        sortingFn: l.kind === "text" ? (d, E, F) => String(d.getValue(F)).localeCompare(String(E.getValue(F)), a) : "basic",
        sortDescFirst: l.kind !== "text"
      };
      return l.key === "name" ? {
        ...p,
        meta: { rowHeader: !0 },
        cell: ({ row: { original: d } }) => /* @__PURE__ */ o(x, { children: [
          /* @__PURE__ */ e(k, { size: "sm", variant: "link", "aria-expanded": S === d.user_id, onClick: () => b(d), children: d.name }),
          d.missing_rate > 0 && /* @__PURE__ */ e("p", { className: "text-xs text-danger", children: w(a, "accounting_missing_rate", { count: d.missing_rate }) })
        ] })
      } : {
        ...p,
        meta: { className: l.kind === "text" ? "whitespace-nowrap" : "whitespace-nowrap text-right" },
        cell: ({ row: { original: d } }) => B(l, d, a)
      };
    }),
    [a, S]
  ), M = ce({
    data: g.data?.items ?? q,
    columns: Q,
    state: { sorting: G, columnVisibility: Object.fromEntries([...h].map((l) => [l, !1])) },
    onSortingChange: W,
    getRowId: (l) => `${l.user_id}-${l.currency}`
  }), $ = g.data?.items ?? q, ee = (l) => X((p) => {
    const d = new Set(p);
    return d.has(l) ? d.delete(l) : d.add(l), d;
  });
  return /* @__PURE__ */ o("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("accounting_title") }),
    /* @__PURE__ */ e(C, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ o(T, { className: "space-y-3", children: [
      /* @__PURE__ */ e(O, { children: t("accounting_title") }),
      /* @__PURE__ */ e(V, { children: t("accounting_hint") }),
      /* @__PURE__ */ o("div", { className: "grid gap-3 sm:grid-cols-3", children: [
        /* @__PURE__ */ e(D, { label: t("exports_month"), children: (l) => /* @__PURE__ */ e(
          U,
          {
            ...l,
            type: "month",
            required: !0,
            value: n,
            onChange: (p) => {
              c(p.target.value), b(null);
            }
          }
        ) }),
        /* @__PURE__ */ e(D, { label: t("project"), children: (l) => /* @__PURE__ */ o(
          "select",
          {
            ...l,
            className: I,
            value: i,
            onChange: (p) => {
              r(p.target.value), b(null);
            },
            children: [
              /* @__PURE__ */ e("option", { value: "", children: t("all_projects") }),
              Z.data?.items.map((p) => /* @__PURE__ */ e("option", { value: p.id, children: p.name }, p.id))
            ]
          }
        ) }),
        /* @__PURE__ */ e(D, { label: t("employment_filter"), children: (l) => /* @__PURE__ */ o(
          "select",
          {
            ...l,
            className: I,
            value: m,
            onChange: (p) => {
              u(p.target.value), b(null);
            },
            children: [
              /* @__PURE__ */ e("option", { value: "", children: t("all_employment_types") }),
              le.map((p) => /* @__PURE__ */ e("option", { value: p, children: p }, p))
            ]
          }
        ) })
      ] }),
      /* @__PURE__ */ e(De, { hidden: h, onToggle: ee }),
      /* @__PURE__ */ o("div", { className: "flex flex-wrap items-center gap-2", children: [
        /* @__PURE__ */ e("span", { className: "text-sm text-muted-foreground", children: t("accounting_exports") }),
        Ne.map((l) => /* @__PURE__ */ e(
          k,
          {
            size: "sm",
            variant: "secondary",
            disabled: N.isPending || !n,
            onClick: () => N.mutate({ ...l.ask, month: n, ...i ? { project: Number(i) } : {} }),
            children: t(l.label)
          },
          l.label
        ))
      ] }),
      N.isError && /* @__PURE__ */ e(C, { variant: "danger", children: s(N.error) }),
      N.isSuccess && /* @__PURE__ */ o(C, { variant: "success", children: [
        t("accounting_export_queued"),
        " ",
        /* @__PURE__ */ e(oe, { to: fe, className: "underline", children: t("accounting_open_exports") })
      ] }),
      g.isPending ? /* @__PURE__ */ e(R, { label: t("accounting_loading") }) : g.isError ? /* @__PURE__ */ e(L, { error: g.error, onRetry: () => {
        g.refetch();
      } }) : $.length === 0 ? /* @__PURE__ */ e(Y, { title: t("accounting_empty") }) : /* @__PURE__ */ o("div", { className: "space-y-2", children: [
        /* @__PURE__ */ e(
          ie,
          {
            table: M,
            caption: t("accounting_title"),
            rowClassName: (l) => S === l.user_id ? "bg-muted/30" : void 0,
            footer: g.data.totals.map((l) => /* @__PURE__ */ e("tr", { className: "border-t border-border font-semibold", children: M.getVisibleLeafColumns().map((p) => {
              const d = P.find((E) => E.key === p.id);
              return d.key === "name" ? /* @__PURE__ */ e("th", { scope: "row", className: "px-4 py-3 text-left", children: t("totals_row", { currency: l.currency }) }, d.key) : /* @__PURE__ */ e("td", { className: `px-4 py-3 whitespace-nowrap ${d.kind === "text" ? "" : "text-right"}`, children: d.kind === "text" ? "" : B(d, l, a) }, d.key);
            }) }, l.currency))
          }
        ),
        g.data.total > $.length && /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("accounting_more", { shown: $.length, total: g.data.total }) })
      ] })
    ] }),
    j && /* @__PURE__ */ e(Se, { row: j, month: n, project: i, onClose: () => b(null) }),
    /* @__PURE__ */ e(Ce, { month: n, canEdit: J })
  ] });
}
export {
  Oe as default,
  H as formulaText,
  $e as parseCents
};
