const m = "__coulisses_host__";
function d() {
  const e = globalThis[m];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: a, jsxs: o, Fragment: T } = d().jsxRuntime, r = d(), { api: p, useLocale: g, useDates: v, useLiveEvents: M } = r, { Link: x, useNavigate: L, useParams: D, useSearchParams: N } = r.router, { useQuery: h, useMutation: P, useQueryClient: S } = r.query, { useDataTable: q, DataTable: w, TablePagination: j } = r.table, {
  Button: A,
  Card: f,
  CardHeader: B,
  CardTitle: y,
  CardDescription: F,
  Alert: _,
  Spinner: b,
  EmptyState: C,
  Input: k,
  Field: H,
  Badge: O,
  ConfirmDialog: Q,
  ErrorState: R
} = r.ui;
function t(e, n) {
  return e[n] ?? e.fr;
}
const i = {
  title: { fr: "Repas", en: "Meals" },
  loading: { fr: "Chargement des repas\u2026", en: "Loading meals\u2026" },
  // Repository text is ASCII: accents as escapes.
  empty: { fr: "Aucun repas pr\xE9vu.", en: "No meal planned." },
  mission: { fr: "Mission", en: "Mission" },
  meals: { fr: "repas", en: "meals" }
};
function E(e) {
  const n = /* @__PURE__ */ new Map();
  for (const s of e) n.set(s.mission_id, [...n.get(s.mission_id) ?? [], s]);
  return [...n.entries()];
}
function $() {
  const { locale: e, tError: n } = g(), s = h({
    queryKey: ["catering", "meals"],
    queryFn: () => p.get("/api/v1/catering/meals?page_size=100&sort=mission_id")
  });
  return /* @__PURE__ */ o("div", { className: "space-y-4", children: [
    /* @__PURE__ */ a("h1", { className: "text-2xl font-semibold", children: t(i.title, e) }),
    s.isPending ? /* @__PURE__ */ a(b, { label: t(i.loading, e) }) : null,
    s.isError ? /* @__PURE__ */ a(_, { variant: "danger", children: n(s.error) }) : null,
    s.data && s.data.items.length === 0 ? /* @__PURE__ */ a(C, { title: t(i.empty, e) }) : null,
    s.data ? E(s.data.items).map(([u, c]) => /* @__PURE__ */ o(f, { children: [
      /* @__PURE__ */ a(y, { children: c[0]?.mission_title || `${t(i.mission, e)} ${u}` }),
      /* @__PURE__ */ a("ul", { className: "mt-2 space-y-1", children: c.map((l) => /* @__PURE__ */ o("li", { children: [
        l.label,
        " : ",
        l.quantity,
        " ",
        t(i.meals, e)
      ] }, l.id)) })
    ] }, u)) : null
  ] });
}
export {
  $ as default
};
