const m = "__coulisses_host__";
function d() {
  const e = globalThis[m];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: t, jsxs: l, Fragment: M } = d().jsxRuntime, r = d(), { api: p, useLocale: g, useDates: b, useLiveEvents: x } = r, { Link: L, useNavigate: N, useParams: S, useSearchParams: T } = r.router, { useQuery: h, useMutation: q, useQueryClient: w } = r.query, {
  Button: P,
  Card: f,
  CardHeader: j,
  CardTitle: y,
  CardDescription: A,
  Alert: _,
  Spinner: C,
  EmptyState: E,
  Input: B,
  Field: D,
  Badge: F,
  ConfirmDialog: k,
  ErrorState: H
} = r.ui;
function a(e, n) {
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
function v(e) {
  const n = /* @__PURE__ */ new Map();
  for (const s of e) n.set(s.mission_id, [...n.get(s.mission_id) ?? [], s]);
  return [...n.entries()];
}
function O() {
  const { locale: e, tError: n } = g(), s = h({
    queryKey: ["catering", "meals"],
    queryFn: () => p.get("/api/v1/catering/meals?page_size=100&sort=mission_id")
  });
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: a(i.title, e) }),
    s.isPending ? /* @__PURE__ */ t(C, { label: a(i.loading, e) }) : null,
    s.isError ? /* @__PURE__ */ t(_, { variant: "danger", children: n(s.error) }) : null,
    s.data && s.data.items.length === 0 ? /* @__PURE__ */ t(E, { title: a(i.empty, e) }) : null,
    s.data ? v(s.data.items).map(([u, c]) => /* @__PURE__ */ l(f, { children: [
      /* @__PURE__ */ t(y, { children: c[0]?.mission_title || `${a(i.mission, e)} ${u}` }),
      /* @__PURE__ */ t("ul", { className: "mt-2 space-y-1", children: c.map((o) => /* @__PURE__ */ l("li", { children: [
        o.label,
        " : ",
        o.quantity,
        " ",
        a(i.meals, e)
      ] }, o.id)) })
    ] }, u)) : null
  ] });
}
export {
  O as default
};
