import { u as d, o as S, a as w, c as j, d as t, S as b, j as s, A as u, C as x, e as f, f as T, F as _, I as A, B as P, p as R, E as F, g as I, l as q, q as B, n as g } from "./shared-D5-c4xzs.js";
import { u as h } from "./shared-C1wWJfjs.js";
const D = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", M = { queued: "neutral", running: "info", done: "success", failed: "danger" };
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
  const { t: r } = d();
  return e.expired ? /* @__PURE__ */ t(g, { variant: "neutral", children: r("export_expired") }) : /* @__PURE__ */ t(g, { variant: M[e.status], children: r(`export_status_${e.status}`, { progress: e.progress }) });
}
function L({ item: e }) {
  const { t: r, locale: n } = d(), { formatDateTime: l } = q();
  return /* @__PURE__ */ s("tr", { className: "border-b border-border", children: [
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      r(`kind_${e.kind}`),
      " ",
      /* @__PURE__ */ t("span", { className: "uppercase text-muted", children: e.format })
    ] }),
    /* @__PURE__ */ t("td", { className: "py-2 pr-3", children: e.month }),
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      /* @__PURE__ */ t(G, { item: e }),
      e.status === "running" && /* @__PURE__ */ t("progress", { className: "ml-2 align-middle", max: 100, value: e.progress, "aria-label": r("export_status_running", { progress: e.progress }) }),
      e.status === "failed" && /* @__PURE__ */ t("p", { className: "text-sm text-danger", children: B(n, e.error_code) })
    ] }),
    /* @__PURE__ */ t("td", { className: "py-2 pr-3 text-sm text-muted", children: l(e.created_at) }),
    /* @__PURE__ */ t("td", { className: "py-2", children: e.download_url ? /* @__PURE__ */ t("a", { className: "text-primary underline", href: e.download_url, download: e.filename, "aria-label": r("download_of", { file: e.filename }), children: r("download") }) : null })
  ] });
}
function U() {
  const { t: e } = d(), r = R();
  if (r.isPending) return /* @__PURE__ */ t(b, { label: e("exports_loading") });
  if (r.isError) return /* @__PURE__ */ t(F, { error: r.error, onRetry: () => {
    r.refetch();
  } });
  const n = r.data.items;
  return n.length === 0 ? /* @__PURE__ */ t(I, { title: e("exports_empty") }) : /* @__PURE__ */ s("table", { className: "w-full text-left", children: [
    /* @__PURE__ */ t("caption", { className: "sr-only", children: e("exports_recent") }),
    /* @__PURE__ */ t("thead", { children: /* @__PURE__ */ s("tr", { className: "border-b border-border text-sm text-muted", children: [
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_export") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_month") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_status") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("exports_asked_at") }),
      /* @__PURE__ */ t("th", { className: "py-2", children: e("col_file") })
    ] }) }),
    /* @__PURE__ */ t("tbody", { children: n.map((l) => /* @__PURE__ */ t(L, { item: l }, l.id)) })
  ] });
}
function z() {
  const { t: e, tError: r } = d(), n = S(), l = n.data !== void 0 && n.data !== "tech", N = w(l), c = j(), [i, y] = h($), [p, v] = h(""), [m, k] = h(!0);
  if (n.isPending) return /* @__PURE__ */ t(b, { label: e("exports_loading") });
  const E = l ? H : O, C = (a) => c.mutate({
    ...a.ask,
    month: i,
    ...p ? { project: Number(p) } : {},
    ...a.ask.format === "csv" ? { excel_fr: m } : {}
  });
  return /* @__PURE__ */ s("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("exports_title") }),
    /* @__PURE__ */ t(u, { variant: "info", children: e("disclaimer") }),
    /* @__PURE__ */ s(x, { className: "space-y-3", children: [
      /* @__PURE__ */ t(f, { children: e("exports_title") }),
      /* @__PURE__ */ t(T, { children: e(l ? "exports_hint" : "exports_tech_hint") }),
      /* @__PURE__ */ s("div", { className: "grid gap-3 sm:grid-cols-2", children: [
        /* @__PURE__ */ t(_, { label: e("exports_month"), children: (a) => /* @__PURE__ */ t(A, { ...a, type: "month", required: !0, value: i, onChange: (o) => y(o.target.value) }) }),
        l && /* @__PURE__ */ t(_, { label: e("project"), children: (a) => /* @__PURE__ */ s("select", { ...a, className: D, value: p, onChange: (o) => v(o.target.value), children: [
          /* @__PURE__ */ t("option", { value: "", children: e("all_projects") }),
          N.data?.items.map((o) => /* @__PURE__ */ t("option", { value: o.id, children: o.name }, o.id))
        ] }) })
      ] }),
      /* @__PURE__ */ s("label", { className: "flex items-center gap-2 text-sm", children: [
        /* @__PURE__ */ t("input", { type: "checkbox", checked: m, onChange: (a) => k(a.target.checked) }),
        e("exports_excel_fr")
      ] }),
      /* @__PURE__ */ t("div", { className: "flex flex-wrap gap-2", children: E.map((a) => /* @__PURE__ */ t(P, { variant: "secondary", disabled: !i || c.isPending, onClick: () => C(a), children: e(a.label) }, a.label)) }),
      c.isError && /* @__PURE__ */ t(u, { variant: "danger", children: r(c.error) }),
      c.isSuccess && /* @__PURE__ */ t(u, { variant: "success", children: e("export_queued_note") })
    ] }),
    /* @__PURE__ */ s(x, { className: "space-y-3", children: [
      /* @__PURE__ */ t(f, { children: e("exports_recent") }),
      /* @__PURE__ */ t(U, {})
    ] })
  ] });
}
export {
  z as default
};
