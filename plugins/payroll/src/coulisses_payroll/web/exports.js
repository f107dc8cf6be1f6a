import { u as d, d as S, a as w, c as j, e as r, S as b, j as s, A as u, C as x, g as f, h as T, i as _, I as A, B as P, v as R, k as I, l as q, q as B, w as D, s as g } from "./shared-I8XOHv-_.js";
import { u as h } from "./shared-DyYnghZQ.js";
const F = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", M = { queued: "neutral", running: "info", done: "success", failed: "danger" };
function $() {
  const e = /* @__PURE__ */ new Date();
  return `${e.getFullYear()}-${String(e.getMonth() + 1).padStart(2, "0")}`;
}
const H = [
  { label: "export_totals_csv", ask: { kind: "monthly_totals", format: "csv" } },
  { label: "export_totals_xlsx", ask: { kind: "monthly_totals", format: "xlsx" } },
  { label: "export_statements_pdf", ask: { kind: "statement", format: "pdf" } },
  { label: "export_office_csv", ask: { kind: "payroll_office", format: "csv" } },
  { label: "export_office_xlsx", ask: { kind: "payroll_office", format: "xlsx" } }
], O = [
  { label: "export_mine_pdf", ask: { kind: "statement", format: "pdf" } },
  { label: "export_mine_csv", ask: { kind: "statement", format: "csv" } }
];
function G({ item: e }) {
  const { t } = d();
  return e.expired ? /* @__PURE__ */ r(g, { variant: "neutral", children: t("export_expired") }) : /* @__PURE__ */ r(g, { variant: M[e.status], children: t(`export_status_${e.status}`, { progress: e.progress }) });
}
function L({ item: e }) {
  const { t, locale: l } = d(), { formatDateTime: n } = B();
  return /* @__PURE__ */ s("tr", { className: "border-b border-border", children: [
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      t(`kind_${e.kind}`),
      " ",
      /* @__PURE__ */ r("span", { className: "uppercase text-muted-foreground", children: e.format })
    ] }),
    /* @__PURE__ */ r("td", { className: "py-2 pr-3", children: e.month }),
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      /* @__PURE__ */ r(G, { item: e }),
      e.status === "running" && /* @__PURE__ */ r("progress", { className: "ml-2 align-middle", max: 100, value: e.progress, "aria-label": t("export_status_running", { progress: e.progress }) }),
      e.status === "failed" && /* @__PURE__ */ r("p", { className: "text-sm text-danger", children: D(l, e.error_code) })
    ] }),
    /* @__PURE__ */ r("td", { className: "py-2 pr-3 text-sm text-muted-foreground", children: n(e.created_at) }),
    /* @__PURE__ */ r("td", { className: "py-2", children: e.download_url ? /* @__PURE__ */ r("a", { className: "text-primary underline", href: e.download_url, download: e.filename, "aria-label": t("download_of", { file: e.filename }), children: t("download") }) : null })
  ] });
}
function U() {
  const { t: e } = d(), t = R();
  if (t.isPending) return /* @__PURE__ */ r(b, { label: e("exports_loading") });
  if (t.isError) return /* @__PURE__ */ r(I, { error: t.error, onRetry: () => {
    t.refetch();
  } });
  const l = t.data.items;
  return l.length === 0 ? /* @__PURE__ */ r(q, { title: e("exports_empty") }) : /* @__PURE__ */ s("table", { className: "w-full text-left", children: [
    /* @__PURE__ */ r("caption", { className: "sr-only", children: e("exports_recent") }),
    /* @__PURE__ */ r("thead", { children: /* @__PURE__ */ s("tr", { className: "border-b border-border text-sm text-muted-foreground", children: [
      /* @__PURE__ */ r("th", { className: "py-2 pr-3", children: e("col_export") }),
      /* @__PURE__ */ r("th", { className: "py-2 pr-3", children: e("col_month") }),
      /* @__PURE__ */ r("th", { className: "py-2 pr-3", children: e("col_status") }),
      /* @__PURE__ */ r("th", { className: "py-2 pr-3", children: e("exports_asked_at") }),
      /* @__PURE__ */ r("th", { className: "py-2", children: e("col_file") })
    ] }) }),
    /* @__PURE__ */ r("tbody", { children: l.map((n) => /* @__PURE__ */ r(L, { item: n }, n.id)) })
  ] });
}
function z() {
  const { t: e, tError: t } = d(), l = S(), n = l.data !== void 0 && l.data !== "tech", N = w(n), c = j(), [i, v] = h($), [p, y] = h(""), [m, k] = h(!0);
  if (l.isPending) return /* @__PURE__ */ r(b, { label: e("exports_loading") });
  const E = n ? H : O, C = (a) => c.mutate({
    ...a.ask,
    month: i,
    ...p ? { project: Number(p) } : {},
    ...a.ask.format === "csv" ? { excel_fr: m } : {}
  });
  return /* @__PURE__ */ s("div", { className: "space-y-4", children: [
    /* @__PURE__ */ r("h1", { className: "text-2xl font-semibold", children: e("exports_title") }),
    /* @__PURE__ */ r(u, { variant: "info", children: e("disclaimer") }),
    /* @__PURE__ */ s(x, { className: "space-y-3", children: [
      /* @__PURE__ */ r(f, { children: e("exports_title") }),
      /* @__PURE__ */ r(T, { children: e(n ? "exports_hint" : "exports_tech_hint") }),
      /* @__PURE__ */ s("div", { className: "grid gap-3 sm:grid-cols-2", children: [
        /* @__PURE__ */ r(_, { label: e("exports_month"), children: (a) => /* @__PURE__ */ r(A, { ...a, type: "month", required: !0, value: i, onChange: (o) => v(o.target.value) }) }),
        n && /* @__PURE__ */ r(_, { label: e("project"), children: (a) => /* @__PURE__ */ s("select", { ...a, className: F, value: p, onChange: (o) => y(o.target.value), children: [
          /* @__PURE__ */ r("option", { value: "", children: e("all_projects") }),
          N.data?.items.map((o) => /* @__PURE__ */ r("option", { value: o.id, children: o.name }, o.id))
        ] }) })
      ] }),
      /* @__PURE__ */ s("label", { className: "flex items-center gap-2 text-sm", children: [
        /* @__PURE__ */ r("input", { type: "checkbox", checked: m, onChange: (a) => k(a.target.checked) }),
        e("exports_excel_fr")
      ] }),
      /* @__PURE__ */ r("div", { className: "flex flex-wrap gap-2", children: E.map((a) => /* @__PURE__ */ r(P, { variant: "secondary", disabled: !i || c.isPending, onClick: () => C(a), children: e(a.label) }, a.label)) }),
      c.isError && /* @__PURE__ */ r(u, { variant: "danger", children: t(c.error) }),
      c.isSuccess && /* @__PURE__ */ r(u, { variant: "success", children: e("export_queued_note") })
    ] }),
    /* @__PURE__ */ s(x, { className: "space-y-3", children: [
      /* @__PURE__ */ r(f, { children: e("exports_recent") }),
      /* @__PURE__ */ r(U, {})
    ] })
  ] });
}
export {
  z as default
};
