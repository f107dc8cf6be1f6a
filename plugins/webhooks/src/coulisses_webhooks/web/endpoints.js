const j = "__coulisses_host__";
function A() {
  const e = globalThis[j];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: t, jsxs: d, Fragment: fe } = A().jsxRuntime, x = A(), { api: u, useLocale: B, useDates: H, useLiveEvents: ve } = x, { Link: ge, useNavigate: ye, useParams: xe, useSearchParams: _e } = x.router, { useQuery: D, useMutation: M, useQueryClient: K } = x.query, { useDataTable: be, DataTable: Ee, TablePagination: Ne } = x.table, { z: y, useZodForm: V, useFormText: Q, TIME_OF_DAY: Ce } = x.forms, {
  Button: p,
  Card: R,
  CardHeader: Se,
  CardTitle: P,
  CardDescription: W,
  Alert: E,
  Spinner: z,
  EmptyState: G,
  Input: T,
  Field: q,
  Badge: $,
  ConfirmDialog: J,
  ErrorState: F
} = x.ui, X = A().React, {
  Children: we,
  Component: ke,
  Fragment: Ae,
  StrictMode: De,
  Suspense: Te,
  cloneElement: qe,
  createContext: $e,
  createElement: Le,
  forwardRef: Re,
  isValidElement: Pe,
  lazy: ze,
  memo: Fe,
  startTransition: Ie,
  use: Oe,
  useActionState: je,
  useCallback: Be,
  useContext: He,
  useDeferredValue: Me,
  useEffect: Ke,
  useId: Ve,
  useImperativeHandle: Qe,
  useLayoutEffect: We,
  useMemo: Ge,
  useOptimistic: Je,
  useReducer: Xe,
  useRef: Ye,
  useState: S,
  useSyncExternalStore: Ue,
  useTransition: Ze
} = X, m = "/api/v1/webhooks", Y = ["webhooks", "endpoints"], U = (e) => ["webhooks", "deliveries", e];
function Z() {
  return D({
    queryKey: Y,
    queryFn: () => u.get(`${m}/endpoints?page_size=100&sort=id`)
  });
}
function ee() {
  return D({
    queryKey: ["webhooks", "event-types"],
    queryFn: () => u.get(`${m}/event_types`),
    staleTime: 1 / 0
  });
}
function te(e, n) {
  return D({
    queryKey: U(e),
    queryFn: () => u.get(`${m}/endpoints/${e}/deliveries?page_size=20`),
    enabled: n
  });
}
function _(e) {
  const n = K();
  return M({
    mutationFn: e,
    onSuccess: () => n.invalidateQueries({ queryKey: ["webhooks"] })
  });
}
const ne = () => _((e) => u.post(`${m}/endpoints`, e)), re = () => _(
  ({ id: e, active: n }) => u.patch(`${m}/endpoints/${e}`, { active: n })
), se = () => _((e) => u.post(`${m}/endpoints/${e}/rotate_secret`)), ie = () => _((e) => u.post(`${m}/endpoints/${e}/ping`)), ae = () => _((e) => u.delete(`${m}/endpoints/${e}`)), le = () => _(
  ({ endpoint: e, delivery: n }) => u.post(`${m}/endpoints/${e}/deliveries/${n}/redeliver`)
), oe = {
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
}, w = oe;
function I(e, n, r = {}) {
  let c = n;
  if (typeof r.count == "number" && `${n}_one` in w) {
    const i = new Intl.PluralRules(e === "en" ? "en" : "fr").select(r.count);
    c = `${n}_${i === "one" ? "one" : "other"}`;
  }
  const o = w[c];
  return (o ? e === "en" ? o.en : o.fr : c).replace(/\{(\w+)\}/g, (i, s) => s in r ? String(r[s]) : i);
}
function ce(e, n) {
  const r = `status_${n}`;
  return r in w ? I(e, r) : n;
}
function N() {
  const { locale: e, tError: n } = B();
  return { locale: e, tError: n, t: (r, c) => I(e, r, c) };
}
const k = "*", L = "size-4 rounded border-border accent-primary", de = y.object({
  url: y.string().trim().min(1, "form_required"),
  description: y.string().max(500, "form_invalid"),
  all: y.boolean(),
  events: y.array(y.string())
}).superRefine((e, n) => {
  !e.all && e.events.length === 0 && n.addIssue({ code: "custom", path: ["events"], message: "events_required" });
});
function ue({ shown: e, onDone: n }) {
  const { t: r } = N();
  return /* @__PURE__ */ d(E, { variant: "success", children: [
    /* @__PURE__ */ t("p", { className: "font-medium", children: r("secret_title", { url: e.url }) }),
    /* @__PURE__ */ t("p", { className: "mt-1 text-sm", children: r("secret_hint") }),
    /* @__PURE__ */ t("code", { className: "mt-2 block select-all break-all rounded bg-surface px-2 py-1 font-mono text-sm", children: e.secret }),
    /* @__PURE__ */ t(p, { className: "mt-3", variant: "secondary", onClick: n, children: r("hide_secret") })
  ] });
}
function me({ onCreated: e }) {
  const { t: n, tError: r } = N(), c = ee(), o = ne(), l = Q((a) => a === "events_required" ? n("events_required") : void 0), i = V(de, { defaultValues: { url: "", description: "", all: !0, events: [] } }), { errors: s } = i.formState, [h, f] = i.watch(["all", "events"]), g = i.handleSubmit((a) => {
    o.mutate(
      { url: a.url, description: a.description, event_types: a.all ? [k] : a.events },
      {
        onSuccess: (b) => {
          i.reset(), e(b);
        }
      }
    );
  }), v = (a, b) => {
    const C = new Set(f);
    b ? C.add(a) : C.delete(a), i.setValue("events", (c.data?.event_types ?? []).filter((O) => C.has(O)), { shouldValidate: i.formState.isSubmitted });
  };
  return /* @__PURE__ */ d(R, { className: "space-y-4", children: [
    /* @__PURE__ */ t(P, { children: n("new_title") }),
    /* @__PURE__ */ d("form", { className: "space-y-4", noValidate: !0, onSubmit: g, children: [
      /* @__PURE__ */ t(q, { label: n("url"), error: l(s.url), children: (a) => /* @__PURE__ */ t(T, { ...a, type: "url", inputMode: "url", placeholder: "https://", ...i.register("url") }) }),
      /* @__PURE__ */ t(q, { label: n("description"), error: l(s.description), children: (a) => /* @__PURE__ */ t(T, { ...a, maxLength: 500, ...i.register("description") }) }),
      /* @__PURE__ */ d("fieldset", { className: "min-w-0 space-y-2 rounded-md border border-border px-3 py-2", children: [
        /* @__PURE__ */ t("legend", { className: "px-1 text-sm font-medium", children: n("events") }),
        /* @__PURE__ */ d("label", { className: "flex items-center gap-2 text-sm", children: [
          /* @__PURE__ */ t("input", { type: "checkbox", className: L, ...i.register("all") }),
          n("all_events")
        ] }),
        h ? null : /* @__PURE__ */ t("div", { className: "grid gap-1 sm:grid-cols-2", children: (c.data?.event_types ?? []).filter((a) => a !== k).map((a) => /* @__PURE__ */ d("label", { className: "flex min-w-0 items-center gap-2 text-sm", children: [
          /* @__PURE__ */ t("input", { type: "checkbox", className: L, checked: f.includes(a), onChange: (b) => v(a, b.target.checked) }),
          /* @__PURE__ */ t("span", { className: "break-all font-mono text-xs", children: a })
        ] }, a)) }),
        s.events ? /* @__PURE__ */ t("p", { className: "text-sm text-danger", children: l(s.events) }) : null
      ] }),
      o.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: r(o.error) }) : null,
      /* @__PURE__ */ t(p, { type: "submit", loading: o.isPending, children: n("create") })
    ] })
  ] });
}
function pe({ endpoint: e }) {
  const { t: n, tError: r, locale: c } = N(), { formatDateTime: o } = H(), l = te(e.id, !0), i = le();
  return l.isPending ? /* @__PURE__ */ t(z, { label: n("loading") }) : l.isError ? /* @__PURE__ */ t(F, { error: l.error, onRetry: () => {
    l.refetch();
  } }) : l.data.items.length ? /* @__PURE__ */ d("div", { className: "space-y-2", children: [
    i.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: r(i.error) }) : null,
    /* @__PURE__ */ t("div", { className: "relative overflow-x-auto", role: "region", "aria-label": n("log_of", { url: e.url }), tabIndex: 0, children: /* @__PURE__ */ d("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "text-xs text-muted-foreground", children: /* @__PURE__ */ d("tr", { children: [
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_event") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_status") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_attempts") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_response") }),
        /* @__PURE__ */ t("th", { className: "py-1 pr-3 font-medium", children: n("col_date") }),
        /* @__PURE__ */ t("th", { className: "py-1 font-medium", children: /* @__PURE__ */ t("span", { className: "sr-only", children: n("redeliver") }) })
      ] }) }),
      /* @__PURE__ */ t("tbody", { children: l.data.items.map((s) => /* @__PURE__ */ d("tr", { className: "border-t border-border align-top", children: [
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 font-mono text-xs", children: s.event_type }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3", children: ce(c, s.status) }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 tabular-nums", children: s.attempts }),
        /* @__PURE__ */ t("td", { className: "py-1 pr-3 tabular-nums", children: s.last_http_status ?? "-" }),
        /* @__PURE__ */ t("td", { className: "whitespace-nowrap py-1 pr-3", children: o(s.delivered_at ?? s.created_at) }),
        /* @__PURE__ */ t("td", { className: "py-1", children: s.status !== "notice" ? /* @__PURE__ */ t(
          p,
          {
            size: "sm",
            variant: "secondary",
            "aria-label": n("redeliver_of", { event: s.event_type }),
            disabled: !e.active,
            loading: i.isPending && i.variables?.delivery === s.id,
            onClick: () => i.mutate({ endpoint: e.id, delivery: s.id }),
            children: n("redeliver")
          }
        ) : null })
      ] }, s.id)) })
    ] }) })
  ] }) : /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: n("log_empty") });
}
function he({ endpoint: e, onAsk: n }) {
  const { t: r, tError: c } = N(), o = re(), l = ie(), [i, s] = S(!1), h = e.event_types.includes(k), f = o.error ?? l.error;
  return /* @__PURE__ */ d("li", { className: "space-y-2 border-t border-border py-3 first:border-t-0", children: [
    /* @__PURE__ */ d("div", { className: "flex flex-wrap items-center gap-2", children: [
      /* @__PURE__ */ t("span", { className: "min-w-0 break-all font-mono text-sm", children: e.url }),
      /* @__PURE__ */ t($, { variant: e.active ? "success" : "neutral", children: e.active ? r("active") : r("inactive") }),
      e.consecutive_failures ? /* @__PURE__ */ t($, { variant: "danger", children: r("failures", { count: e.consecutive_failures }) }) : null
    ] }),
    e.description ? /* @__PURE__ */ t("p", { className: "text-sm", children: e.description }) : null,
    /* @__PURE__ */ t("p", { className: "break-words text-xs text-muted-foreground", children: h ? r("all_events") : e.event_types.join(", ") }),
    /* @__PURE__ */ d("div", { className: "flex flex-wrap gap-2", role: "group", "aria-label": r("actions_of", { url: e.url }), children: [
      /* @__PURE__ */ t(p, { size: "sm", variant: "secondary", loading: o.isPending, onClick: () => o.mutate({ id: e.id, active: !e.active }), children: e.active ? r("disable") : r("enable") }),
      /* @__PURE__ */ t(p, { size: "sm", variant: "secondary", disabled: !e.active, loading: l.isPending, onClick: () => l.mutate(e.id, { onSuccess: () => s(!0) }), children: r("ping") }),
      /* @__PURE__ */ t(p, { size: "sm", variant: "secondary", onClick: () => n({ kind: "rotate", endpoint: e }), children: r("rotate") }),
      /* @__PURE__ */ t(p, { size: "sm", variant: "danger", onClick: () => n({ kind: "delete", endpoint: e }), children: r("delete") }),
      /* @__PURE__ */ t(p, { size: "sm", variant: "ghost", "aria-expanded": i, onClick: () => s((g) => !g), children: r("log") })
    ] }),
    l.isSuccess ? /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", role: "status", children: r("ping_sent") }) : null,
    f ? /* @__PURE__ */ t(E, { variant: "danger", children: c(f) }) : null,
    i ? /* @__PURE__ */ t(pe, { endpoint: e }) : null
  ] });
}
function et() {
  const { t: e, tError: n } = N(), r = Z(), c = se(), o = ae(), [l, i] = S(null), [s, h] = S(null), f = () => {
    if (!s) return;
    const v = { onSettled: () => h(null) };
    s.kind === "rotate" ? c.mutate(s.endpoint.id, { ...v, onSuccess: (a) => i(a) }) : o.mutate(s.endpoint.id, v);
  }, g = c.error ?? o.error;
  return /* @__PURE__ */ d("div", { className: "space-y-6", children: [
    /* @__PURE__ */ d("header", { className: "space-y-2", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("intro") })
    ] }),
    l ? /* @__PURE__ */ t(ue, { shown: l, onDone: () => i(null) }) : null,
    /* @__PURE__ */ t(me, { onCreated: i }),
    /* @__PURE__ */ d(R, { className: "space-y-3", children: [
      /* @__PURE__ */ t(P, { children: e("endpoints_title") }),
      g ? /* @__PURE__ */ t(E, { variant: "danger", children: n(g) }) : null,
      r.isPending ? /* @__PURE__ */ t(z, { label: e("loading") }) : r.isError ? /* @__PURE__ */ t(F, { error: r.error, onRetry: () => {
        r.refetch();
      } }) : r.data.items.length ? /* @__PURE__ */ t("ul", { children: r.data.items.map((v) => /* @__PURE__ */ t(he, { endpoint: v, onAsk: h }, v.id)) }) : /* @__PURE__ */ t(G, { title: e("empty") }),
      /* @__PURE__ */ t(W, { children: e("signature_hint") })
    ] }),
    /* @__PURE__ */ t(
      J,
      {
        open: s !== null,
        title: s ? e(s.kind === "rotate" ? "rotate_title" : "delete_title", { url: s.endpoint.url }) : "",
        description: s ? e(s.kind === "rotate" ? "rotate_body" : "delete_body") : "",
        confirmLabel: s?.kind === "delete" ? e("delete") : e("rotate"),
        cancelLabel: e("cancel"),
        destructive: s?.kind === "delete",
        loading: c.isPending || o.isPending,
        onConfirm: f,
        onCancel: () => h(null)
      }
    )
  ] });
}
export {
  et as default
};
