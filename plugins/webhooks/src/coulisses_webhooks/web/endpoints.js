const j = "__coulisses_host__";
function k() {
  const e = globalThis[j];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: t, jsxs: d, Fragment: xe } = k().jsxRuntime, D = /* @__PURE__ */ new Map();
function M(e, n) {
  const s = e === "en" ? "en" : "fr";
  let o = D.get(s);
  return o === void 0 && (o = new Intl.PluralRules(s), D.set(s, o)), o.select(n) === "one" ? "one" : "other";
}
function B(e) {
  const n = e, s = (a) => Object.hasOwn(n, a), o = (a, i, r = {}) => {
    let u = i;
    typeof r.count == "number" && s(`${i}_one`) && (u = `${i}_${M(a, r.count)}`);
    const m = s(u) ? n[u] : void 0;
    return (m === void 0 ? u : a === "en" ? m.en : m.fr).replace(
      /\{(\w+)\}/g,
      (p, l) => Object.hasOwn(r, l) ? String(r[l]) : p
    );
  };
  return { text: o, label: (a, i, r, u = r) => {
    const m = `${i}_${r.replace(/\./g, "_")}`;
    return s(m) ? o(a, m) : u;
  }, has: s };
}
const x = k(), { api: h, useLocale: H, useDates: K, useLiveEvents: be } = x, { Link: _e, useNavigate: Ee, useParams: Ne, useSearchParams: we } = x.router, { useQuery: A, useMutation: V, useQueryClient: Q } = x.query, { useDataTable: Se, DataTable: Ce, TablePagination: ke } = x.table, { z: y, useZodForm: W, useFormText: J, TIME_OF_DAY: Ae } = x.forms, {
  Button: v,
  Card: R,
  CardHeader: De,
  CardTitle: P,
  CardDescription: U,
  Alert: E,
  Spinner: z,
  EmptyState: X,
  Input: T,
  Field: $,
  Badge: q,
  ConfirmDialog: Y,
  ErrorState: F
} = x.ui;
function G(e) {
  const { locale: n, tError: s } = H();
  return { locale: n, tError: s, t: (o, c) => e.text(n, o, c) };
}
const Z = k().React, {
  Children: Te,
  Component: $e,
  Fragment: qe,
  StrictMode: Le,
  Suspense: Re,
  cloneElement: Pe,
  createContext: ze,
  createElement: Fe,
  forwardRef: Oe,
  isValidElement: Ie,
  lazy: je,
  memo: Me,
  startTransition: Be,
  use: He,
  useActionState: Ke,
  useCallback: Ve,
  useContext: Qe,
  useDeferredValue: We,
  useEffect: Je,
  useId: Ue,
  useImperativeHandle: Xe,
  useLayoutEffect: Ye,
  useMemo: Ge,
  useOptimistic: Ze,
  useReducer: et,
  useRef: tt,
  useState: S,
  useSyncExternalStore: nt,
  useTransition: rt
} = Z, f = "/api/v1/webhooks", ee = ["webhooks", "endpoints"], te = (e) => ["webhooks", "deliveries", e];
function ne() {
  return A({
    queryKey: ee,
    queryFn: () => h.get(`${f}/endpoints?page_size=100&sort=id`)
  });
}
function re() {
  return A({
    queryKey: ["webhooks", "event-types"],
    queryFn: () => h.get(`${f}/event_types`),
    staleTime: 1 / 0
  });
}
function se(e, n) {
  return A({
    queryKey: te(e),
    queryFn: () => h.get(`${f}/endpoints/${e}/deliveries?page_size=20`),
    enabled: n
  });
}
function b(e) {
  const n = Q();
  return V({
    mutationFn: e,
    onSuccess: () => n.invalidateQueries({ queryKey: ["webhooks"] })
  });
}
const ie = () => b((e) => h.post(`${f}/endpoints`, e)), ae = () => b(
  ({ id: e, active: n }) => h.patch(`${f}/endpoints/${e}`, { active: n })
), le = () => b((e) => h.post(`${f}/endpoints/${e}/rotate_secret`)), oe = () => b((e) => h.post(`${f}/endpoints/${e}/ping`)), ce = () => b((e) => h.delete(`${f}/endpoints/${e}`)), de = () => b(
  ({ endpoint: e, delivery: n }) => h.post(`${f}/endpoints/${e}/deliveries/${n}/redeliver`)
), ue = {
  title: { fr: "Webhooks", en: "Webhooks" },
  intro: {
    fr: "Chaque \xE9v\xE9nement de l'organisation (mission modifi\xE9e, invitation accept\xE9e\u2026) est envoy\xE9, sign\xE9, aux adresses ci-dessous, avec des reprises en cas d'\xE9chec.",
    en: "Every event of the organisation (a mission changed, an invitation accepted\u2026) is sent, signed, to the addresses below, with retries when they fail."
  },
  loading: { fr: "Chargement des webhooks\u2026", en: "Loading webhooks\u2026" },
  new_title: { fr: "Nouvelle adresse", en: "New endpoint" },
  url: { fr: "Adresse (https://)", en: "URL (https://)" },
  description: { fr: "Description", en: "Description" },
  events: { fr: "\xC9v\xE9nements envoy\xE9s", en: "Events sent" },
  all_events: { fr: "Tous les \xE9v\xE9nements", en: "All events" },
  events_required: { fr: "Choisissez au moins un \xE9v\xE9nement.", en: "Choose at least one event." },
  create: { fr: "Ajouter", en: "Add" },
  secret_title: { fr: "Secret de signature de {url}", en: "Signing secret of {url}" },
  secret_hint: {
    fr: "Copiez-le maintenant dans le r\xE9cepteur : il ne sera plus affich\xE9.",
    en: "Copy it to the receiver now: it will not be shown again."
  },
  signature_hint: {
    fr: "Chaque requ\xEAte porte l'en-t\xEAte Coulisses-Signature : t=<secondes>,v1=<HMAC-SHA256 du secret sur \xAB t.corps \xBB> ; le r\xE9cepteur la v\xE9rifie avant de croire le contenu.",
    en: 'Every request carries the Coulisses-Signature header: t=<seconds>,v1=<HMAC-SHA256 of the secret over "t.body">; the receiver checks it before trusting the content.'
  },
  hide_secret: { fr: "C'est fait", en: "Done" },
  endpoints_title: { fr: "Adresses", en: "Endpoints" },
  empty: { fr: "Aucune adresse pour le moment.", en: "No endpoint yet." },
  active: { fr: "Active", en: "Active" },
  inactive: { fr: "D\xE9sactiv\xE9e", en: "Disabled" },
  failures_one: { fr: "{count} \xE9chec de suite", en: "{count} failure in a row" },
  failures_other: { fr: "{count} \xE9checs de suite", en: "{count} failures in a row" },
  enable: { fr: "Activer", en: "Enable" },
  disable: { fr: "D\xE9sactiver", en: "Disable" },
  ping: { fr: "Tester", en: "Test" },
  ping_sent: {
    fr: "Requ\xEAte de test envoy\xE9e : suivez-la dans le journal.",
    en: "Test request queued: follow it in the log."
  },
  rotate: { fr: "Nouveau secret", en: "New secret" },
  rotate_title: { fr: "Changer le secret de {url} ?", en: "Change the secret of {url}?" },
  rotate_body: {
    fr: "L'ancien secret ne signera plus rien : mettez le nouveau dans le r\xE9cepteur.",
    en: "The old secret signs nothing any more: put the new one in the receiver."
  },
  delete: { fr: "Supprimer", en: "Delete" },
  delete_title: { fr: "Supprimer {url} ?", en: "Delete {url}?" },
  delete_body: {
    fr: "Son journal de livraisons est supprim\xE9 aussi.",
    en: "Its delivery log is deleted too."
  },
  cancel: { fr: "Annuler", en: "Cancel" },
  log: { fr: "Journal", en: "Log" },
  log_of: { fr: "Journal des livraisons de {url}", en: "Delivery log of {url}" },
  log_empty: { fr: "Aucune livraison.", en: "No delivery." },
  col_event: { fr: "\xC9v\xE9nement", en: "Event" },
  col_status: { fr: "Statut", en: "Status" },
  col_attempts: { fr: "Essais", en: "Attempts" },
  col_response: { fr: "R\xE9ponse", en: "Response" },
  col_date: { fr: "Date", en: "Date" },
  status_pending: { fr: "En attente", en: "Pending" },
  status_delivered: { fr: "Livr\xE9e", en: "Delivered" },
  status_failed: { fr: "\xC9chou\xE9e", en: "Failed" },
  status_notice: { fr: "Note", en: "Notice" },
  redeliver: { fr: "Renvoyer", en: "Send again" },
  redeliver_of: { fr: "Renvoyer {event}", en: "Send {event} again" },
  actions_of: { fr: "Actions pour {url}", en: "Actions for {url}" }
}, O = B(ue), { text: st, label: me } = O;
function pe(e, n) {
  return me(e, "status", n);
}
const N = () => G(O), C = "*", L = "size-4 rounded border-border accent-primary", he = y.object({
  url: y.string().trim().min(1, "form_required"),
  description: y.string().max(500, "form_invalid"),
  all: y.boolean(),
  events: y.array(y.string())
}).superRefine((e, n) => {
  !e.all && e.events.length === 0 && n.addIssue({ code: "custom", path: ["events"], message: "events_required" });
});
function fe({ shown: e, onDone: n }) {
  const { t: s } = N();
  return /* @__PURE__ */ d(E, { variant: "success", children: [
    /* @__PURE__ */ t("p", { className: "font-medium", children: s("secret_title", { url: e.url }) }),
    /* @__PURE__ */ t("p", { className: "mt-1 text-sm", children: s("secret_hint") }),
    /* @__PURE__ */ t("code", { className: "mt-2 block select-all break-all rounded bg-surface px-2 py-1 font-mono text-sm", children: e.secret }),
    /* @__PURE__ */ t(v, { className: "mt-3", variant: "secondary", onClick: n, children: s("hide_secret") })
  ] });
}
function ve({ onCreated: e }) {
  const { t: n, tError: s } = N(), o = re(), c = ie(), a = J((l) => l === "events_required" ? n("events_required") : void 0), i = W(he, { defaultValues: { url: "", description: "", all: !0, events: [] } }), { errors: r } = i.formState, [u, m] = i.watch(["all", "events"]), g = i.handleSubmit((l) => {
    c.mutate(
      { url: l.url, description: l.description, event_types: l.all ? [C] : l.events },
      {
        onSuccess: (_) => {
          i.reset(), e(_);
        }
      }
    );
  }), p = (l, _) => {
    const w = new Set(m);
    _ ? w.add(l) : w.delete(l), i.setValue("events", (o.data?.event_types ?? []).filter((I) => w.has(I)), { shouldValidate: i.formState.isSubmitted });
  };
  return /* @__PURE__ */ d(R, { className: "space-y-4", children: [
    /* @__PURE__ */ t(P, { children: n("new_title") }),
    /* @__PURE__ */ d("form", { className: "space-y-4", noValidate: !0, onSubmit: g, children: [
      /* @__PURE__ */ t($, { label: n("url"), error: a(r.url), children: (l) => /* @__PURE__ */ t(T, { ...l, type: "url", inputMode: "url", placeholder: "https://", ...i.register("url") }) }),
      /* @__PURE__ */ t($, { label: n("description"), error: a(r.description), children: (l) => /* @__PURE__ */ t(T, { ...l, maxLength: 500, ...i.register("description") }) }),
      /* @__PURE__ */ d("fieldset", { className: "min-w-0 space-y-2 rounded-md border border-border px-3 py-2", children: [
        /* @__PURE__ */ t("legend", { className: "px-1 text-sm font-medium", children: n("events") }),
        /* @__PURE__ */ d("label", { className: "flex items-center gap-2 text-sm", children: [
          /* @__PURE__ */ t("input", { type: "checkbox", className: L, ...i.register("all") }),
          n("all_events")
        ] }),
        u ? null : /* @__PURE__ */ t("div", { className: "grid gap-1 sm:grid-cols-2", children: (o.data?.event_types ?? []).filter((l) => l !== C).map((l) => /* @__PURE__ */ d("label", { className: "flex min-w-0 items-center gap-2 text-sm", children: [
          /* @__PURE__ */ t("input", { type: "checkbox", className: L, checked: m.includes(l), onChange: (_) => p(l, _.target.checked) }),
          /* @__PURE__ */ t("span", { className: "break-all font-mono text-xs", children: l })
        ] }, l)) }),
        r.events ? /* @__PURE__ */ t("p", { className: "text-sm text-danger", children: a(r.events) }) : null
      ] }),
      c.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: s(c.error) }) : null,
      /* @__PURE__ */ t(v, { type: "submit", loading: c.isPending, children: n("create") })
    ] })
  ] });
}
function ge({ endpoint: e }) {
  const { t: n, tError: s, locale: o } = N(), { formatDateTime: c } = K(), a = se(e.id, !0), i = de();
  return a.isPending ? /* @__PURE__ */ t(z, { label: n("loading") }) : a.isError ? /* @__PURE__ */ t(F, { error: a.error, onRetry: () => {
    a.refetch();
  } }) : a.data.items.length ? /* @__PURE__ */ d("div", { className: "space-y-2", children: [
    i.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: s(i.error) }) : null,
    /* @__PURE__ */ t("div", { className: "relative overflow-x-auto", role: "region", "aria-label": n("log_of", { url: e.url }), tabIndex: 0, children: /* @__PURE__ */ d("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "text-xs text-muted-foreground", children: /* @__PURE__ */ d("tr", { children: [
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_event") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_status") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_attempts") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_response") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_date") }),
        /* @__PURE__ */ t("th", { className: "py-1 font-medium", children: /* @__PURE__ */ t("span", { className: "sr-only", children: n("redeliver") }) })
      ] }) }),
      /* @__PURE__ */ t("tbody", { children: a.data.items.map((r) => /* @__PURE__ */ d("tr", { className: "border-t border-border align-top", children: [
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 font-mono text-xs", children: r.event_type }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3", children: pe(o, r.status) }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 tabular-nums", children: r.attempts }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 tabular-nums", children: r.last_http_status ?? "-" }),
        /* @__PURE__ */ t("td", { className: "whitespace-nowrap py-1 pr-3", children: c(r.delivered_at ?? r.created_at) }),
        /* @__PURE__ */ t("td", { className: "py-1", children: r.status !== "notice" ? /* @__PURE__ */ t(
          v,
          {
            size: "sm",
            variant: "secondary",
            "aria-label": n("redeliver_of", { event: r.event_type }),
            disabled: !e.active,
            loading: i.isPending && i.variables?.delivery === r.id,
            onClick: () => i.mutate({ endpoint: e.id, delivery: r.id }),
            children: n("redeliver")
          }
        ) : null })
      ] }, r.id)) })
    ] }) })
  ] }) : /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: n("log_empty") });
}
function ye({ endpoint: e, onAsk: n }) {
  const { t: s, tError: o } = N(), c = ae(), a = oe(), [i, r] = S(!1), u = e.event_types.includes(C), m = c.error ?? a.error;
  return /* @__PURE__ */ d("li", { className: "space-y-2 border-t border-border py-3 first:border-t-0", children: [
    /* @__PURE__ */ d("div", { className: "flex flex-wrap items-center gap-2", children: [
      /* @__PURE__ */ t("span", { className: "min-w-0 break-all font-mono text-sm", children: e.url }),
      /* @__PURE__ */ t(q, { variant: e.active ? "success" : "neutral", children: e.active ? s("active") : s("inactive") }),
      e.consecutive_failures ? /* @__PURE__ */ t(q, { variant: "danger", children: s("failures", { count: e.consecutive_failures }) }) : null
    ] }),
    e.description ? /* @__PURE__ */ t("p", { className: "text-sm", children: e.description }) : null,
    /* @__PURE__ */ t("p", { className: "break-words text-xs text-muted-foreground", children: u ? s("all_events") : e.event_types.join(", ") }),
    /* @__PURE__ */ d("div", { className: "flex flex-wrap gap-2", role: "group", "aria-label": s("actions_of", { url: e.url }), children: [
      /* @__PURE__ */ t(v, { size: "sm", variant: "secondary", loading: c.isPending, onClick: () => c.mutate({ id: e.id, active: !e.active }), children: e.active ? s("disable") : s("enable") }),
      /* @__PURE__ */ t(v, { size: "sm", variant: "secondary", disabled: !e.active, loading: a.isPending, onClick: () => a.mutate(e.id, { onSuccess: () => r(!0) }), children: s("ping") }),
      /* @__PURE__ */ t(v, { size: "sm", variant: "secondary", onClick: () => n({ kind: "rotate", endpoint: e }), children: s("rotate") }),
      /* @__PURE__ */ t(v, { size: "sm", variant: "danger", onClick: () => n({ kind: "delete", endpoint: e }), children: s("delete") }),
      /* @__PURE__ */ t(v, { size: "sm", variant: "ghost", "aria-expanded": i, onClick: () => r((g) => !g), children: s("log") })
    ] }),
    a.isSuccess ? /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", role: "status", children: s("ping_sent") }) : null,
    m ? /* @__PURE__ */ t(E, { variant: "danger", children: o(m) }) : null,
    i ? /* @__PURE__ */ t(ge, { endpoint: e }) : null
  ] });
}
function it() {
  const { t: e, tError: n } = N(), s = ne(), o = le(), c = ce(), [a, i] = S(null), [r, u] = S(null), m = () => {
    if (!r) return;
    const p = { onSettled: () => u(null) };
    r.kind === "rotate" ? o.mutate(r.endpoint.id, { ...p, onSuccess: (l) => i(l) }) : c.mutate(r.endpoint.id, p);
  }, g = o.error ?? c.error;
  return /* @__PURE__ */ d("div", { className: "space-y-6", children: [
    /* @__PURE__ */ d("header", { className: "space-y-2", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("intro") })
    ] }),
    a ? /* @__PURE__ */ t(fe, { shown: a, onDone: () => i(null) }) : null,
    /* @__PURE__ */ t(ve, { onCreated: i }),
    /* @__PURE__ */ d(R, { className: "space-y-3", children: [
      /* @__PURE__ */ t(P, { children: e("endpoints_title") }),
      g ? /* @__PURE__ */ t(E, { variant: "danger", children: n(g) }) : null,
      s.isPending ? /* @__PURE__ */ t(z, { label: e("loading") }) : s.isError ? /* @__PURE__ */ t(F, { error: s.error, onRetry: () => {
        s.refetch();
      } }) : s.data.items.length ? /* @__PURE__ */ t("ul", { children: s.data.items.map((p) => /* @__PURE__ */ t(ye, { endpoint: p, onAsk: u }, p.id)) }) : /* @__PURE__ */ t(X, { title: e("empty") }),
      /* @__PURE__ */ t(U, { children: e("signature_hint") })
    ] }),
    /* @__PURE__ */ t(
      Y,
      {
        open: r !== null,
        title: r ? e(r.kind === "rotate" ? "rotate_title" : "delete_title", { url: r.endpoint.url }) : "",
        description: r ? e(r.kind === "rotate" ? "rotate_body" : "delete_body") : "",
        confirmLabel: r?.kind === "delete" ? e("delete") : e("rotate"),
        cancelLabel: e("cancel"),
        destructive: r?.kind === "delete",
        loading: o.isPending || c.isPending,
        onConfirm: m,
        onCancel: () => u(null)
      }
    )
  ] });
}
export {
  it as default
};
