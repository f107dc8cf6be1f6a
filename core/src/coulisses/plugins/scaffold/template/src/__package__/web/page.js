const c = "__coulisses_host__";
function l() {
  const e = globalThis[c];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: n, jsxs: d, Fragment: _ } = l().jsxRuntime, a = l(), { api: m, useLocale: g, useDates: C, useLiveEvents: E } = a, { Link: L, useNavigate: v, useParams: h, useSearchParams: x } = a.router, { useQuery: p, useMutation: D, useQueryClient: F } = a.query, { useDataTable: w, DataTable: N, TablePagination: P } = a.table, { z: S, useZodForm: A, useFormText: j, TIME_OF_DAY: q } = a.forms, {
  Button: B,
  Card: f,
  CardHeader: I,
  CardTitle: O,
  CardDescription: k,
  Alert: y,
  Spinner: T,
  EmptyState: b,
  Input: z,
  Field: H,
  Badge: M,
  ConfirmDialog: Q,
  ErrorState: R
} = a.ui;
function r(e, s) {
  return e[s] ?? e.fr;
}
const o = {
  loading: { fr: "Chargement\u2026", en: "Loading\u2026" },
  empty: { fr: "Aucune ligne pour le moment.", en: "No row yet." },
  title: { fr: "Lignes", en: "Rows" }
};
function G() {
  const { name: e = "" } = h(), { locale: s, tError: u } = g(), t = p({
    queryKey: [e, "items"],
    queryFn: () => m.get(`/api/v1/${e}/items?page_size=100`)
  });
  return /* @__PURE__ */ d("div", { className: "space-y-4", children: [
    /* @__PURE__ */ n("h1", { className: "text-2xl font-semibold", children: r(o.title, s) }),
    t.isPending ? /* @__PURE__ */ n(T, { label: r(o.loading, s) }) : null,
    t.isError ? /* @__PURE__ */ n(y, { variant: "danger", children: u(t.error) }) : null,
    t.data && t.data.items.length === 0 ? /* @__PURE__ */ n(b, { title: r(o.empty, s) }) : null,
    t.data && t.data.items.length > 0 ? /* @__PURE__ */ n(f, { children: /* @__PURE__ */ n("ul", { className: "space-y-1", children: t.data.items.map((i) => /* @__PURE__ */ n("li", { children: i.label }, i.id)) }) }) : null
  ] });
}
export {
  G as default
};
