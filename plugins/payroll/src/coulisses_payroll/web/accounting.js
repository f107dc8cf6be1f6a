import { u as g, a as G, b as U, c as X, j as l, d as t, A as D, C as L, e as z, f as K, F as E, I as Y, B as w, L as Z, S as T, E as I, g as J, h as Q, i as V, k as f, t as O, l as R } from "./shared-PJS2iotY.js";
import { u as _ } from "./shared-DhFASpEJ.js";
const W = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", ee = "/plugins/payroll/exports", v = [
  { key: "name", label: "col_person", value: (e) => e.name ?? "", kind: "text", optional: !1 },
  { key: "employment_type", label: "col_type", value: (e) => e.employment_type ?? "", kind: "text", optional: !0 },
  { key: "planned_minutes", label: "col_planned_hours", value: (e) => e.planned_minutes, kind: "hours", optional: !0 },
  { key: "confirmed_minutes", label: "col_confirmed_hours", value: (e) => e.confirmed_minutes, kind: "hours", optional: !0 },
  { key: "actual_minutes", label: "col_actual_hours", value: (e) => e.actual_minutes, kind: "hours", optional: !0 },
  ...Q.map(
    (e) => ({ key: `${e}_cents`, label: `line_${e}`, value: (s) => s[`${e}_cents`], kind: "money", optional: !0 })
  ),
  { key: "gross_cents", label: "col_gross", value: (e) => e.gross_cents, kind: "money", optional: !1 }
], te = /* @__PURE__ */ new Set(["employment_type", "planned_minutes", "actual_minutes", "minimum_call_cents", "meal_cents"]), ne = [
  { label: "export_totals_csv", ask: { kind: "monthly_totals", format: "csv" } },
  { label: "export_totals_xlsx", ask: { kind: "monthly_totals", format: "xlsx" } },
  { label: "export_statements_pdf", ask: { kind: "statement", format: "pdf" } },
  { label: "export_office_csv", ask: { kind: "payroll_office", format: "csv" } }
];
function ae() {
  const e = /* @__PURE__ */ new Date();
  return `${e.getFullYear()}-${String(e.getMonth() + 1).padStart(2, "0")}`;
}
function S(e) {
  return e === "en" ? "en-GB" : "fr-FR";
}
function $(e, s, r) {
  return new Intl.NumberFormat(S(r), { style: "currency", currency: s }).format(e / 100);
}
function re(e, s) {
  return new Intl.NumberFormat(S(s), { maximumFractionDigits: 2 }).format(e / 60);
}
function j(e, s) {
  return s.replace(/[a-z][a-z0-9_]*/g, (r) => {
    const a = `value_${r}`, c = O(e, a);
    return c === a ? r : c;
  });
}
function F(e, s, r) {
  const a = O(e, s);
  return a === s ? r : a;
}
function P(e, s, r) {
  const a = e.value(s);
  return e.kind === "money" ? $(Number(a), s.currency, r) : e.kind === "hours" ? re(Number(a), r) : String(a);
}
function se(e, s, r) {
  const a = e.value(s), c = e.value(r);
  return typeof a == "number" && typeof c == "number" ? a - c : String(a).localeCompare(String(c), "fr");
}
function ce({ line: e, timezone: s }) {
  const { t: r, locale: a } = g(), { formatDate: c } = R();
  if (e.week_start) return /* @__PURE__ */ t(f, { children: r("accounting_week_of", { date: c(e.week_start) }) });
  const d = e.explanation.periods[0], i = e.explanation.times?.start ?? d?.start;
  return i ? /* @__PURE__ */ t(f, { children: new Date(i).toLocaleDateString(S(a), { timeZone: d?.timezone ?? s, day: "numeric", month: "short", weekday: "short" }) }) : /* @__PURE__ */ t(f, { children: r("source_none") });
}
function oe({ line: e }) {
  const { t: s, locale: r } = g(), { formatDate: a, formatDateTime: c } = R(), { explanation: d, rule_set: i } = e, m = d.times;
  return /* @__PURE__ */ l("div", { className: "space-y-2 rounded-md bg-muted/30 p-3 text-sm", children: [
    /* @__PURE__ */ l("p", { children: [
      /* @__PURE__ */ l("span", { className: "font-medium", children: [
        s("accounting_formula"),
        " : "
      ] }),
      /* @__PURE__ */ t("code", { children: j(r, d.formula) })
    ] }),
    /* @__PURE__ */ t("dl", { className: "grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2", children: Object.entries(d.values).map(([u, p]) => /* @__PURE__ */ l("div", { className: "flex justify-between gap-2", children: [
      /* @__PURE__ */ t("dt", { className: "text-muted-foreground", children: j(r, u) }),
      /* @__PURE__ */ t("dd", { className: "font-mono", children: p })
    ] }, u)) }),
    m && /* @__PURE__ */ l("p", { children: [
      m.source === "actual" ? s("accounting_times_actual", { breaks: m.break_minutes }) : s("accounting_times_planned"),
      " :",
      " ",
      c(m.start),
      " ",
      "\u2013",
      " ",
      c(m.end)
    ] }),
    /* @__PURE__ */ t("p", { children: s("accounting_rules", {
      profile: F(r, `profile_${i.profile}`, i.profile),
      employment: F(r, `employment_${i.employment_type}`, i.employment_type),
      date: a(i.effective_from)
    }) }),
    /* @__PURE__ */ t("p", { children: s("accounting_exact", { cents: d.exact_cents }) }),
    /* @__PURE__ */ t("p", { className: "text-muted-foreground", children: s("accounting_rounding") })
  ] });
}
function le({ line: e, timezone: s }) {
  const { t: r, locale: a } = g(), [c, d] = _(!1), i = r(`line_${e.kind}`), m = new Intl.NumberFormat(S(a), { maximumFractionDigits: 2 }).format(Number(e.quantity));
  return /* @__PURE__ */ l(f, { children: [
    /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
      /* @__PURE__ */ t("td", { className: "py-1 pr-3 whitespace-nowrap", children: /* @__PURE__ */ t(ce, { line: e, timezone: s }) }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3", children: i }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3 whitespace-nowrap", children: r(`unit_${e.unit}`, { quantity: m }) }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3 text-right whitespace-nowrap", children: $(e.rate_cents, e.currency, a) }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3 text-right", children: e.premium_pct ? `${e.premium_pct} %` : r("source_none") }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3", children: e.source ? r(`source_${e.source}`) : r("source_none") }),
      /* @__PURE__ */ t("td", { className: "py-1 pr-3 text-right font-medium whitespace-nowrap", children: $(e.amount_cents, e.currency, a) }),
      /* @__PURE__ */ t("td", { className: "py-1", children: /* @__PURE__ */ t(w, { size: "sm", variant: "link", "aria-expanded": c, onClick: () => d((u) => !u), children: r("accounting_how") }) })
    ] }),
    c && /* @__PURE__ */ t("tr", { children: /* @__PURE__ */ t("td", { colSpan: 8, className: "pb-3", children: /* @__PURE__ */ t(oe, { line: e }) }) })
  ] });
}
function ie({ row: e, month: s, project: r, onClose: a }) {
  const { t: c, locale: d } = g(), i = V(e.user_id, s, r), m = c("accounting_detail_of", { name: e.name });
  return /* @__PURE__ */ l(L, { className: "space-y-3", "aria-label": m, role: "region", children: [
    /* @__PURE__ */ l("div", { className: "flex items-center justify-between gap-2", children: [
      /* @__PURE__ */ t(z, { children: m }),
      /* @__PURE__ */ t(w, { size: "sm", variant: "ghost", onClick: a, children: c("accounting_close") })
    ] }),
    i.isPending ? /* @__PURE__ */ t(T, { label: c("accounting_loading") }) : i.isError ? /* @__PURE__ */ t(I, { error: i.error, onRetry: () => {
      i.refetch();
    } }) : /* @__PURE__ */ l(f, { children: [
      /* @__PURE__ */ t("p", { className: "text-sm", children: Object.entries(i.data.totals).map(([u, p]) => `${c("col_gross")} : ${$(p, u, d)}`).join(" \xB7 ") }),
      /* @__PURE__ */ t("div", { className: "overflow-x-auto", children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
        /* @__PURE__ */ t("caption", { className: "sr-only", children: m }),
        /* @__PURE__ */ t("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
          /* @__PURE__ */ t("th", { className: "py-1 pr-3", children: c("col_date") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3", children: c("col_kind") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3", children: c("col_quantity") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3 text-right", children: c("col_rate") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3 text-right", children: c("col_premium") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3", children: c("col_times") }),
          /* @__PURE__ */ t("th", { className: "py-1 pr-3 text-right", children: c("col_amount") }),
          /* @__PURE__ */ t("th", { className: "py-1", children: /* @__PURE__ */ t("span", { className: "sr-only", children: c("accounting_how") }) })
        ] }) }),
        /* @__PURE__ */ t("tbody", { children: i.data.lines.map((u, p) => /* @__PURE__ */ t(le, { line: u, timezone: i.data.timezone }, `${u.kind}-${u.assignment_id ?? u.week_start}-${p}`)) })
      ] }) })
    ] })
  ] });
}
function de({ hidden: e, onToggle: s }) {
  const { t: r } = g();
  return /* @__PURE__ */ l("details", { className: "text-sm", children: [
    /* @__PURE__ */ t("summary", { className: "cursor-pointer", children: r("accounting_columns") }),
    /* @__PURE__ */ l("fieldset", { className: "mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4", children: [
      /* @__PURE__ */ t("legend", { className: "sr-only", children: r("accounting_columns") }),
      v.filter((a) => a.optional).map((a) => /* @__PURE__ */ l("label", { className: "flex items-center gap-2", children: [
        /* @__PURE__ */ t("input", { type: "checkbox", checked: !e.has(a.key), onChange: () => s(a.key) }),
        r(a.label)
      ] }, a.key))
    ] })
  ] });
}
function pe() {
  const { t: e, tError: s, locale: r } = g(), [a, c] = _(ae), [d, i] = _(""), [m, u] = _(() => new Set(te)), [p, M] = _({ key: "name", descending: !1 }), [x, b] = _(null), q = G(!0), h = U(a, d), y = X(), C = v.filter((n) => !m.has(n.key)), A = v.find((n) => n.key === p.key) ?? v[0], N = [...h.data?.items ?? []].sort((n, o) => (p.descending ? -1 : 1) * se(A, n, o)), B = (n) => u((o) => {
    const k = new Set(o);
    return k.has(n) ? k.delete(n) : k.add(n), k;
  }), H = (n) => M((o) => ({ key: n, descending: o.key === n ? !o.descending : n !== "name" }));
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("accounting_title") }),
    /* @__PURE__ */ t(D, { variant: "info", children: e("disclaimer") }),
    /* @__PURE__ */ l(L, { className: "space-y-3", children: [
      /* @__PURE__ */ t(z, { children: e("accounting_title") }),
      /* @__PURE__ */ t(K, { children: e("accounting_hint") }),
      /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
        /* @__PURE__ */ t(E, { label: e("exports_month"), children: (n) => /* @__PURE__ */ t(
          Y,
          {
            ...n,
            type: "month",
            required: !0,
            value: a,
            onChange: (o) => {
              c(o.target.value), b(null);
            }
          }
        ) }),
        /* @__PURE__ */ t(E, { label: e("project"), children: (n) => /* @__PURE__ */ l(
          "select",
          {
            ...n,
            className: W,
            value: d,
            onChange: (o) => {
              i(o.target.value), b(null);
            },
            children: [
              /* @__PURE__ */ t("option", { value: "", children: e("all_projects") }),
              q.data?.items.map((o) => /* @__PURE__ */ t("option", { value: o.id, children: o.name }, o.id))
            ]
          }
        ) })
      ] }),
      /* @__PURE__ */ t(de, { hidden: m, onToggle: B }),
      /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center gap-2", children: [
        /* @__PURE__ */ t("span", { className: "text-sm text-muted-foreground", children: e("accounting_exports") }),
        ne.map((n) => /* @__PURE__ */ t(
          w,
          {
            size: "sm",
            variant: "secondary",
            disabled: y.isPending || !a,
            onClick: () => y.mutate({ ...n.ask, month: a, ...d ? { project: Number(d) } : {} }),
            children: e(n.label)
          },
          n.label
        ))
      ] }),
      y.isError && /* @__PURE__ */ t(D, { variant: "danger", children: s(y.error) }),
      y.isSuccess && /* @__PURE__ */ l(D, { variant: "success", children: [
        e("accounting_export_queued"),
        " ",
        /* @__PURE__ */ t(Z, { to: ee, className: "underline", children: e("accounting_open_exports") })
      ] }),
      h.isPending ? /* @__PURE__ */ t(T, { label: e("accounting_loading") }) : h.isError ? /* @__PURE__ */ t(I, { error: h.error, onRetry: () => {
        h.refetch();
      } }) : N.length === 0 ? /* @__PURE__ */ t(J, { title: e("accounting_empty") }) : /* @__PURE__ */ l("div", { className: "overflow-x-auto", children: [
        /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
          /* @__PURE__ */ t("caption", { className: "sr-only", children: e("accounting_title") }),
          /* @__PURE__ */ t("thead", { children: /* @__PURE__ */ t("tr", { className: "border-b border-border text-muted-foreground", children: C.map((n) => /* @__PURE__ */ t(
            "th",
            {
              scope: "col",
              className: `py-2 pr-3 ${n.kind === "text" ? "" : "text-right"}`,
              "aria-sort": p.key === n.key ? p.descending ? "descending" : "ascending" : "none",
              children: /* @__PURE__ */ l(
                "button",
                {
                  type: "button",
                  className: "font-medium underline-offset-4 hover:underline",
                  "aria-label": e("accounting_sort_by", { column: e(n.label) }),
                  onClick: () => H(n.key),
                  children: [
                    e(n.label),
                    p.key === n.key ? p.descending ? " \u2193" : " \u2191" : ""
                  ]
                }
              )
            },
            n.key
          )) }) }),
          /* @__PURE__ */ t("tbody", { children: N.map((n) => /* @__PURE__ */ t("tr", { className: `border-b border-border ${x?.user_id === n.user_id ? "bg-muted/30" : ""}`, children: C.map(
            (o) => o.key === "name" ? /* @__PURE__ */ l("th", { scope: "row", className: "py-2 pr-3 text-left font-normal", children: [
              /* @__PURE__ */ t(w, { size: "sm", variant: "link", "aria-expanded": x?.user_id === n.user_id, onClick: () => b(n), children: n.name }),
              n.missing_rate > 0 && /* @__PURE__ */ t("p", { className: "text-xs text-danger", children: e("accounting_missing_rate", { count: n.missing_rate }) })
            ] }, o.key) : /* @__PURE__ */ t("td", { className: `py-2 pr-3 whitespace-nowrap ${o.kind === "text" ? "" : "text-right"}`, children: P(o, n, r) }, o.key)
          ) }, `${n.user_id}-${n.currency}`)) }),
          /* @__PURE__ */ t("tfoot", { children: h.data.totals.map((n) => /* @__PURE__ */ t("tr", { className: "font-semibold", children: C.map(
            (o) => o.key === "name" ? /* @__PURE__ */ t("th", { scope: "row", className: "py-2 pr-3 text-left", children: e("totals_row", { currency: n.currency }) }, o.key) : /* @__PURE__ */ t("td", { className: `py-2 pr-3 whitespace-nowrap ${o.kind === "text" ? "" : "text-right"}`, children: o.kind === "text" ? "" : P(o, n, r) }, o.key)
          ) }, n.currency)) })
        ] }),
        h.data.total > N.length && /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("accounting_more", { shown: N.length, total: h.data.total }) })
      ] })
    ] }),
    x && /* @__PURE__ */ t(ie, { row: x, month: a, project: d, onClose: () => b(null) })
  ] });
}
export {
  pe as default,
  j as formulaText,
  re as hoursOf,
  $ as money
};
