const m = "__coulisses_host__";
function d() {
  const e = globalThis[m];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: a, jsxs: l, Fragment: C } = d().jsxRuntime, t = d(), { api: p, useLocale: g, useDates: M, useLiveEvents: v } = t, { Link: x, useNavigate: D, useParams: F, useSearchParams: L } = t.router, { useQuery: f, useMutation: N, useQueryClient: P } = t.query, { useDataTable: S, DataTable: q, TablePagination: w } = t.table, { z: A, useZodForm: j, useFormText: B, TIME_OF_DAY: O } = t.forms, {
  Button: k,
  Card: h,
  CardHeader: z,
  CardTitle: y,
  CardDescription: H,
  Alert: _,
  Spinner: b,
  EmptyState: T,
  Input: Q,
  Field: R,
  Badge: $,
  ConfirmDialog: G,
  ErrorState: I
} = t.ui;
function i(e, n) {
  return e[n] ?? e.fr;
}
const r = {
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
function K() {
  const { locale: e, tError: n } = g(), s = f({
    queryKey: ["catering", "meals"],
    queryFn: () => p.get("/api/v1/catering/meals?page_size=100&sort=mission_id")
  });
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ a("h1", { className: "text-2xl font-semibold", children: i(r.title, e) }),
    s.isPending ? /* @__PURE__ */ a(b, { label: i(r.loading, e) }) : null,
    s.isError ? /* @__PURE__ */ a(_, { variant: "danger", children: n(s.error) }) : null,
    s.data && s.data.items.length === 0 ? /* @__PURE__ */ a(T, { title: i(r.empty, e) }) : null,
    s.data ? E(s.data.items).map(([u, c]) => /* @__PURE__ */ l(h, { children: [
      /* @__PURE__ */ a(y, { children: c[0]?.mission_title || `${i(r.mission, e)} ${u}` }),
      /* @__PURE__ */ a("ul", { className: "mt-2 space-y-1", children: c.map((o) => /* @__PURE__ */ l("li", { children: [
        o.label,
        " : ",
        o.quantity,
        " ",
        i(r.meals, e)
      ] }, o.id)) })
    ] }, u)) : null
  ] });
}
export {
  K as default
};
