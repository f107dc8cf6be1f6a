import { u as d, e as S, b as w, d as j, a as u, g as t, S as b, j as s, A as h, C as m, i as f, k as T, l as _, I as A, B as P, x as R, m as I, n as B, s as D, y as F, w as g } from "./shared-Nh1hQyZl.js";
const M = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", $ = { queued: "neutral", running: "info", done: "success", failed: "danger" };
function q() {
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
  return e.expired ? /* @__PURE__ */ t(g, { variant: "neutral", children: r("export_expired") }) : /* @__PURE__ */ t(g, { variant: $[e.status], children: r(`export_status_${e.status}`, { progress: e.progress }) });
}
function L({ item: e }) {
  const { t: r, locale: l } = d(), { formatDateTime: n } = D();
  return /* @__PURE__ */ s("tr", { className: "border-b border-border", children: [
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      r(`kind_${e.kind}`),
      " ",
      /* @__PURE__ */ t("span", { className: "uppercase text-muted-foreground", children: e.format })
    ] }),
    /* @__PURE__ */ t("td", { className: "py-2 pr-3", children: e.month }),
    /* @__PURE__ */ s("td", { className: "py-2 pr-3", children: [
      /* @__PURE__ */ t(G, { item: e }),
      e.status === "running" && /* @__PURE__ */ t("progress", { className: "ml-2 align-middle", max: 100, value: e.progress, "aria-label": r("export_status_running", { progress: e.progress }) }),
      e.status === "failed" && /* @__PURE__ */ t("p", { className: "text-sm text-danger", children: F(l, e.error_code) })
    ] }),
    /* @__PURE__ */ t("td", { className: "py-2 pr-3 text-sm text-muted-foreground", children: n(e.created_at) }),
    /* @__PURE__ */ t("td", { className: "py-2", children: e.download_url ? /* @__PURE__ */ t("a", { className: "text-primary underline", href: e.download_url, download: e.filename, "aria-label": r("download_of", { file: e.filename }), children: r("download") }) : null })
  ] });
}
function U() {
  const { t: e } = d(), r = R();
  if (r.isPending) return /* @__PURE__ */ t(b, { label: e("exports_loading") });
  if (r.isError) return /* @__PURE__ */ t(I, { error: r.error, onRetry: () => {
    r.refetch();
  } });
  const l = r.data.items;
  return l.length === 0 ? /* @__PURE__ */ t(B, { title: e("exports_empty") }) : /* @__PURE__ */ s("table", { className: "w-full text-left", children: [
    /* @__PURE__ */ t("caption", { className: "sr-only", children: e("exports_recent") }),
    /* @__PURE__ */ t("thead", { children: /* @__PURE__ */ s("tr", { className: "border-b border-border text-sm text-muted-foreground", children: [
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_export") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_month") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("col_status") }),
      /* @__PURE__ */ t("th", { className: "py-2 pr-3", children: e("exports_asked_at") }),
      /* @__PURE__ */ t("th", { className: "py-2", children: e("col_file") })
    ] }) }),
    /* @__PURE__ */ t("tbody", { children: l.map((n) => /* @__PURE__ */ t(L, { item: n }, n.id)) })
  ] });
}
function Y() {
  const { t: e, tError: r } = d(), l = S(), n = l.data !== void 0 && l.data !== "tech", N = w(n), c = j(), [i, y] = u(q), [p, k] = u(""), [x, v] = u(!0);
  if (l.isPending) return /* @__PURE__ */ t(b, { label: e("exports_loading") });
  const E = n ? H : O, C = (a) => c.mutate({
    ...a.ask,
    month: i,
    ...p ? { project: Number(p) } : {},
    ...a.ask.format === "csv" ? { excel_fr: x } : {}
  });
  return /* @__PURE__ */ s("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("exports_title") }),
    /* @__PURE__ */ t(h, { variant: "info", children: e("disclaimer") }),
    /* @__PURE__ */ s(m, { className: "space-y-3", children: [
      /* @__PURE__ */ t(f, { children: e("exports_title") }),
      /* @__PURE__ */ t(T, { children: e(n ? "exports_hint" : "exports_tech_hint") }),
      /* @__PURE__ */ s("div", { className: "grid gap-3 sm:grid-cols-2", children: [
        /* @__PURE__ */ t(_, { label: e("exports_month"), children: (a) => /* @__PURE__ */ t(A, { ...a, type: "month", required: !0, value: i, onChange: (o) => y(o.target.value) }) }),
        n && /* @__PURE__ */ t(_, { label: e("project"), children: (a) => /* @__PURE__ */ s("select", { ...a, className: M, value: p, onChange: (o) => k(o.target.value), children: [
          /* @__PURE__ */ t("option", { value: "", children: e("all_projects") }),
          N.data?.items.map((o) => /* @__PURE__ */ t("option", { value: o.id, children: o.name }, o.id))
        ] }) })
      ] }),
      /* @__PURE__ */ s("label", { className: "flex items-center gap-2 text-sm", children: [
        /* @__PURE__ */ t("input", { type: "checkbox", checked: x, onChange: (a) => v(a.target.checked) }),
        e("exports_excel_fr")
      ] }),
      /* @__PURE__ */ t("div", { className: "flex flex-wrap gap-2", children: E.map((a) => /* @__PURE__ */ t(P, { variant: "secondary", disabled: !i || c.isPending, onClick: () => C(a), children: e(a.label) }, a.label)) }),
      c.isError && /* @__PURE__ */ t(h, { variant: "danger", children: r(c.error) }),
      c.isSuccess && /* @__PURE__ */ t(h, { variant: "success", children: e("export_queued_note") })
    ] }),
    /* @__PURE__ */ s(m, { className: "space-y-3", children: [
      /* @__PURE__ */ t(f, { children: e("exports_recent") }),
      /* @__PURE__ */ t(U, {})
    ] })
  ] });
}
export {
  Y as default
};
