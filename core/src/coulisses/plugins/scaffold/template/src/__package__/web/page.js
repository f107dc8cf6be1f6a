const c = "__coulisses_host__";
function o() {
  const e = globalThis[c];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: n, jsxs: d, Fragment: L } = o().jsxRuntime, a = o(), { api: m, useLocale: h } = a, { Link: b, useNavigate: w, useParams: p, useSearchParams: x } = a.router, { useQuery: g, useMutation: E, useQueryClient: N } = a.query, { Button: T, Card: y, CardHeader: v, CardTitle: P, CardDescription: S, Alert: f, Spinner: C, EmptyState: _, Input: j, Field: q } = a.ui;
function r(e, s) {
  return e[s] ?? e.fr;
}
const i = {
  loading: { fr: "Chargement\u2026", en: "Loading\u2026" },
  empty: { fr: "Aucune ligne pour le moment.", en: "No row yet." },
  title: { fr: "Lignes", en: "Rows" }
};
function A() {
  const { name: e = "" } = p(), { locale: s, tError: u } = h(), t = g({
    queryKey: [e, "items"],
    queryFn: () => m.get(`/api/v1/${e}/items?page_size=100`)
  });
  return /* @__PURE__ */ d("div", { className: "space-y-4", children: [
    /* @__PURE__ */ n("h1", { className: "text-2xl font-semibold", children: r(i.title, s) }),
    t.isPending ? /* @__PURE__ */ n(C, { label: r(i.loading, s) }) : null,
    t.isError ? /* @__PURE__ */ n(f, { variant: "danger", children: u(t.error) }) : null,
    t.data && t.data.items.length === 0 ? /* @__PURE__ */ n(_, { title: r(i.empty, s) }) : null,
    t.data && t.data.items.length > 0 ? /* @__PURE__ */ n(y, { children: /* @__PURE__ */ n("ul", { className: "space-y-1", children: t.data.items.map((l) => /* @__PURE__ */ n("li", { children: l.label }, l.id)) }) }) : null
  ] });
}
export {
  A as default
};
