const ie = "__coulisses_host__";
function F() {
  const e = globalThis[ie];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: a, jsxs: i, Fragment: le } = F().jsxRuntime, P = F(), { api: b, useLocale: ce, useDates: G, useLiveEvents: ze } = P, { Link: Fe, useNavigate: Me, useParams: Ie, useSearchParams: Oe } = P.router, { useQuery: A, useMutation: de, useQueryClient: ue } = P.query, {
  Button: E,
  Card: me,
  CardHeader: Be,
  CardTitle: he,
  CardDescription: fe,
  Alert: $,
  Spinner: L,
  EmptyState: Z,
  Input: T,
  Field: N,
  Badge: pe,
  ConfirmDialog: ye,
  ErrorState: R
} = P.ui, ge = F().React, {
  Children: Ue,
  Component: He,
  Fragment: Ke,
  StrictMode: Qe,
  Suspense: Ge,
  cloneElement: Ze,
  createContext: Ye,
  createElement: Je,
  forwardRef: We,
  isValidElement: Xe,
  lazy: et,
  memo: tt,
  startTransition: nt,
  use: at,
  useActionState: rt,
  useCallback: st,
  useContext: ot,
  useDeferredValue: it,
  useEffect: lt,
  useId: ct,
  useImperativeHandle: dt,
  useLayoutEffect: ut,
  useMemo: mt,
  useOptimistic: ht,
  useReducer: ft,
  useRef: pt,
  useState: _,
  useSyncExternalStore: yt,
  useTransition: gt
} = ge, j = "/api/v1/payroll/timesheets", M = ["payroll-timesheets"];
function _e({ day: e, project: t }) {
  const n = new URLSearchParams({ page_size: "200" });
  return e && n.set("day", e), t && n.set("project", String(t)), `${j}/?${n.toString()}`;
}
function Y(e) {
  return A({
    queryKey: [...M, e],
    queryFn: () => b.get(_e(e)),
    staleTime: 15e3
  });
}
function xe(e, t) {
  return A({
    queryKey: [...M, "history", e],
    queryFn: () => b.get(`${j}/${e}/history?page_size=200`),
    enabled: t
  });
}
function ve() {
  return A({
    queryKey: ["payroll-me"],
    queryFn: async () => (await b.get("/api/v1/auth/me")).role ?? "tech",
    staleTime: 6e4
  });
}
function be(e) {
  return A({
    queryKey: ["payroll-projects"],
    queryFn: () => b.get("/api/v1/projects?page_size=200&sort=name"),
    enabled: e,
    staleTime: 6e4
  });
}
function V(e) {
  const t = ue();
  return de({
    mutationFn: e,
    onSettled: () => t.invalidateQueries({ queryKey: M })
  });
}
function Ne() {
  return V(
    ({ assignmentId: e, values: t }) => b.patch(`${j}/${e}`, t)
  );
}
function Ee() {
  return V((e) => b.post(`${j}/${e}/validate`));
}
function Se() {
  return V(
    ({ assignmentId: e, values: t, reason: n }) => b.post(`${j}/${e}/correct`, { ...t, reason: n })
  );
}
function Ce() {
  return V(
    (e) => b.post(`${j}/validate`, e)
  );
}
const we = {
  title: { fr: "Feuilles de temps", en: "Timesheets" },
  loading: { fr: "Chargement des feuilles de temps\u2026", en: "Loading timesheets\u2026" },
  disclaimer: {
    fr: "Des calculs et des rappels, pas un conseil juridique.",
    en: "Computations and reminders, not legal advice."
  },
  manager_hint: {
    fr: "Les heures pr\xE9vues viennent des missions. Une ligne valid\xE9e est verrouill\xE9e : corrigez-la avec une raison.",
    en: "Planned times come from the missions. A validated line is locked: correct it with a reason."
  },
  tech_hint: {
    fr: "Vos missions des 7 derniers jours : saisissez vos heures r\xE9elles et vos pauses.",
    en: "Your missions of the last 7 days: enter your actual times and breaks."
  },
  day: { fr: "Jour", en: "Day" },
  project: { fr: "Projet", en: "Project" },
  all_projects: { fr: "Tous les projets", en: "All projects" },
  empty: { fr: "Aucune ligne pour ce jour.", en: "No lines for this day." },
  empty_mine: { fr: "Aucune mission accept\xE9e ces 7 derniers jours.", en: "No accepted mission in the last 7 days." },
  col_person: { fr: "Personne", en: "Person" },
  col_mission: { fr: "Mission", en: "Mission" },
  col_planned: { fr: "Pr\xE9vu", en: "Planned" },
  col_actual: { fr: "R\xE9el", en: "Actual" },
  col_breaks: { fr: "Pauses", en: "Breaks" },
  col_worked: { fr: "Travaill\xE9", en: "Worked" },
  col_status: { fr: "Statut", en: "Status" },
  col_actions: { fr: "Actions", en: "Actions" },
  status_draft: { fr: "\xC0 saisir", en: "To enter" },
  status_submitted: { fr: "Saisie", en: "Submitted" },
  status_validated: { fr: "Valid\xE9e", en: "Validated" },
  not_entered: { fr: "non saisi", en: "not entered" },
  minutes_value: { fr: "{minutes} min", en: "{minutes} min" },
  edit: { fr: "Modifier", en: "Edit" },
  edit_of: { fr: "Modifier la ligne de {name}", en: "Edit the line of {name}" },
  validate: { fr: "Valider", en: "Validate" },
  validate_of: { fr: "Valider la ligne de {name}", en: "Validate the line of {name}" },
  correct: { fr: "Corriger", en: "Correct" },
  correct_of: { fr: "Corriger la ligne de {name}", en: "Correct the line of {name}" },
  history: { fr: "Historique", en: "History" },
  history_of: { fr: "Historique de la ligne de {name}", en: "History of the line of {name}" },
  history_empty: { fr: "Aucun changement.", en: "No change." },
  action_updated: { fr: "Modifi\xE9e", en: "Updated" },
  action_submitted: { fr: "Saisie", en: "Submitted" },
  action_validated: { fr: "Valid\xE9e", en: "Validated" },
  action_corrected: { fr: "Corrig\xE9e", en: "Corrected" },
  history_reason: { fr: "Raison : {reason}", en: "Reason: {reason}" },
  validate_day: { fr: "Valider la journ\xE9e", en: "Validate the day" },
  validate_day_confirm: {
    fr: "Valider toutes les lignes de ce jour ?",
    en: "Validate every line of this day?"
  },
  validate_day_hint: {
    fr: "Les lignes sans heures r\xE9elles sont valid\xE9es aux heures pr\xE9vues. Tout ou rien : une ligne en erreur bloque la journ\xE9e.",
    en: "Lines without actual times are validated at the planned times. All or nothing: a line in error stops the day."
  },
  validated_count_one: { fr: "{count} ligne valid\xE9e.", en: "{count} line validated." },
  validated_count_other: { fr: "{count} lignes valid\xE9es.", en: "{count} lines validated." },
  cancel: { fr: "Annuler", en: "Cancel" },
  save: { fr: "Enregistrer", en: "Save" },
  saved: { fr: "Heures enregistr\xE9es.", en: "Times saved." },
  start: { fr: "D\xE9but", en: "Start" },
  end: { fr: "Fin", en: "End" },
  breaks: { fr: "Pauses (minutes)", en: "Breaks (minutes)" },
  comment: { fr: "Commentaire", en: "Comment" },
  reason: { fr: "Raison de la correction", en: "Reason for the correction" },
  end_next_day: {
    fr: "Une fin plus t\xF4t que le d\xE9but tombe le lendemain.",
    en: "An end earlier than the start falls on the next day."
  },
  planned_line: { fr: "Pr\xE9vu : {start} \u2013 {end}", en: "Planned: {start} \u2013 {end}" },
  locked: {
    fr: "Valid\xE9e : pour la changer, demandez \xE0 un manager.",
    en: "Validated: ask a manager to change it."
  }
}, z = we;
function J(e, t, n = {}) {
  let r = t;
  if (typeof n.count == "number" && `${t}_one` in z) {
    const s = new Intl.PluralRules(e === "en" ? "en" : "fr").select(n.count);
    r = `${t}_${s === "one" ? "one" : "other"}`;
  }
  const o = z[r];
  return (o ? e === "en" ? o.en : o.fr : r).replace(/\{(\w+)\}/g, (s, c) => c in n ? String(n[c]) : s);
}
function W(e, t, n) {
  const r = `${t}_${n}`;
  return r in z ? J(e, r) : n;
}
function S() {
  const { locale: e, tError: t } = ce();
  return { locale: e, tError: t, t: (n, r) => J(e, n, r) };
}
function X(e, t) {
  const n = new Intl.DateTimeFormat("en-CA", {
    timeZone: t,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit"
  }), r = {};
  for (const o of n.formatToParts(e)) r[o.type] = Number(o.value);
  return { year: r.year ?? 1970, month: r.month ?? 1, day: r.day ?? 1, hour: r.hour ?? 0, minute: r.minute ?? 0 };
}
function I(e) {
  const [t = 1970, n = 1, r = 1] = e.split("-").map(Number);
  return [t, n, r];
}
function ee(e) {
  const [t = 0, n = 0] = e.split(":").map(Number);
  return [t, n];
}
const U = 864e5, D = (e) => String(e).padStart(2, "0");
function q(e, t) {
  const n = X(new Date(e), t);
  return { date: `${n.year}-${D(n.month)}-${D(n.day)}`, time: `${D(n.hour)}:${D(n.minute)}` };
}
function H(e, t) {
  const n = X(new Date(e), t), r = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute);
  return Math.round((r - Math.floor(e / 6e4) * 6e4) / 6e4);
}
function K(e, t, n) {
  const [r, o, l] = I(e), [s, c] = ee(t), h = Date.UTC(r, o - 1, l, s, c), C = H(h - U, n), v = H(h + U, n), k = [.../* @__PURE__ */ new Set([C, v])].map((p) => h - p * 6e4).filter((p) => {
    const d = q(new Date(p).toISOString(), n);
    return d.date === e && d.time === t;
  }).sort((p, d) => p - d);
  return new Date(k[0] ?? h - C * 6e4).toISOString();
}
function Q(e) {
  const [t, n, r] = I(e);
  return new Date(Date.UTC(t, n - 1, r + 1)).toISOString().slice(0, 10);
}
function Te(e, t, n, r) {
  const o = q(e, t);
  let l = o.date;
  w(n) - w(o.time) > 720 ? l = je(o.date) : w(o.time) - w(n) > 720 && (l = Q(o.date));
  const s = w(r) <= w(n) ? Q(l) : l;
  return { start: K(l, n, t), end: K(s, r, t) };
}
function je(e) {
  const [t, n, r] = I(e);
  return new Date(Date.UTC(t, n - 1, r - 1)).toISOString().slice(0, 10);
}
function w(e) {
  const [t, n] = ee(e);
  return t * 60 + n;
}
function ke(e) {
  const t = Math.floor(e / 60), n = e % 60;
  return n ? `${t} h ${D(n)}` : `${t} h`;
}
const De = { draft: "neutral", submitted: "info", validated: "success" }, $e = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm";
function x(e, t) {
  return q(e, t).time;
}
function Pe(e, t, n) {
  return new Date(e).toLocaleDateString(n === "en" ? "en-GB" : "fr-FR", {
    timeZone: t,
    weekday: "long",
    day: "numeric",
    month: "long"
  });
}
function te({ line: e }) {
  const { locale: t } = S();
  return /* @__PURE__ */ a(pe, { variant: De[e.status], children: W(t, "status", e.status) });
}
function Ae(e) {
  return `${x(e.planned_start, e.timezone)} \u2013 ${x(e.planned_end, e.timezone)}`;
}
function ne(e, t) {
  return !e.actual_start || !e.actual_end ? t : `${x(e.actual_start, e.timezone)} \u2013 ${x(e.actual_end, e.timezone)}`;
}
function ae({ line: e, correcting: t = !1, onDone: n }) {
  const { t: r, tError: o } = S(), l = Ne(), s = Se(), c = t ? s : l, [h, C] = _(x(e.actual_start ?? e.planned_start, e.timezone)), [v, k] = _(x(e.actual_end ?? e.planned_end, e.timezone)), [p, d] = _(String(e.break_minutes)), [y, m] = _(e.comment), [g, re] = _(""), [se, O] = _(!1), oe = () => {
    const u = Te(e.planned_start, e.timezone, h, v), f = {
      actual_start: u.start,
      actual_end: u.end,
      break_minutes: Number(p) || 0,
      comment: y
    }, B = {
      onSuccess: () => {
        O(!0), n?.();
      }
    };
    O(!1), t ? s.mutate({ assignmentId: e.assignment_id, values: f, reason: g }, B) : l.mutate({ assignmentId: e.assignment_id, values: f }, B);
  };
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": t ? r("correct_of", { name: e.user_name }) : r("edit_of", { name: e.user_name }),
      className: "space-y-3",
      onSubmit: (u) => {
        u.preventDefault(), oe();
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid grid-cols-2 gap-3", children: [
          /* @__PURE__ */ a(N, { label: r("start"), children: (u) => /* @__PURE__ */ a(T, { ...u, type: "time", required: !0, value: h, onChange: (f) => C(f.target.value) }) }),
          /* @__PURE__ */ a(N, { label: r("end"), children: (u) => /* @__PURE__ */ a(T, { ...u, type: "time", required: !0, value: v, onChange: (f) => k(f.target.value) }) })
        ] }),
        /* @__PURE__ */ a("p", { className: "text-xs text-muted-foreground", children: r("end_next_day") }),
        /* @__PURE__ */ a(N, { label: r("breaks"), children: (u) => /* @__PURE__ */ a(
          T,
          {
            ...u,
            type: "number",
            inputMode: "numeric",
            min: 0,
            max: 1440,
            step: 5,
            value: p,
            onChange: (f) => d(f.target.value)
          }
        ) }),
        /* @__PURE__ */ a(N, { label: r("comment"), children: (u) => /* @__PURE__ */ a(T, { ...u, maxLength: 2e3, value: y, onChange: (f) => m(f.target.value) }) }),
        t ? /* @__PURE__ */ a(N, { label: r("reason"), children: (u) => /* @__PURE__ */ a(T, { ...u, required: !0, maxLength: 500, value: g, onChange: (f) => re(f.target.value) }) }) : null,
        c.isError ? /* @__PURE__ */ a($, { variant: "danger", children: o(c.error) }) : null,
        se && !n ? /* @__PURE__ */ a($, { variant: "success", children: r("saved") }) : null,
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
          /* @__PURE__ */ a(E, { type: "submit", className: "min-h-11 flex-1 sm:flex-none", loading: c.isPending, children: r(t ? "correct" : "save") }),
          n ? /* @__PURE__ */ a(E, { type: "button", variant: "secondary", className: "min-h-11", onClick: n, children: r("cancel") }) : null
        ] })
      ]
    }
  );
}
function Le({ line: e }) {
  const { t, locale: n } = S(), { formatDateTime: r } = G(), o = xe(e.assignment_id, !0);
  if (o.isPending) return /* @__PURE__ */ a(L, { size: "sm", label: t("loading") });
  if (o.isError) return /* @__PURE__ */ a(R, { error: o.error, onRetry: () => {
    o.refetch();
  } });
  if (o.data.items.length === 0) return /* @__PURE__ */ a("p", { className: "text-sm text-muted-foreground", children: t("history_empty") });
  const l = (s) => typeof s == "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? x(s, e.timezone) : String(s ?? "\u2013");
  return /* @__PURE__ */ a("ol", { "aria-label": t("history_of", { name: e.user_name }), className: "space-y-2 text-sm", children: o.data.items.map((s) => /* @__PURE__ */ i("li", { className: "rounded-md border border-border px-3 py-2", children: [
    /* @__PURE__ */ i("p", { className: "font-medium", children: [
      W(n, "action", s.action),
      " ",
      /* @__PURE__ */ a("span", { className: "text-muted-foreground", children: r(s.at) })
    ] }),
    Object.keys(s.after).map((c) => /* @__PURE__ */ i("p", { className: "text-muted-foreground", children: [
      c,
      " : ",
      l(s.before[c]),
      " ",
      "\u2192",
      " ",
      l(s.after[c])
    ] }, c)),
    s.reason ? /* @__PURE__ */ a("p", { children: t("history_reason", { reason: s.reason }) }) : null
  ] }, s.id)) });
}
function Re({ line: e, panel: t, setPanel: n }) {
  const { t: r, tError: o } = S(), l = Ee(), s = t?.assignmentId === e.assignment_id ? t.kind : null, c = (h) => n(s === h ? null : { assignmentId: e.assignment_id, kind: h });
  return /* @__PURE__ */ i(le, { children: [
    /* @__PURE__ */ i("tr", { className: "border-t border-border align-top", children: [
      /* @__PURE__ */ a("td", { className: "px-3 py-2 font-medium", children: e.user_name }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        e.mission_title,
        /* @__PURE__ */ a("span", { className: "block text-xs text-muted-foreground", children: e.role_name })
      ] }),
      /* @__PURE__ */ a("td", { className: "px-3 py-2 whitespace-nowrap", children: Ae(e) }),
      /* @__PURE__ */ a("td", { className: "px-3 py-2 whitespace-nowrap", children: ne(e, r("not_entered")) }),
      /* @__PURE__ */ a("td", { className: "px-3 py-2 whitespace-nowrap", children: r("minutes_value", { minutes: e.break_minutes }) }),
      /* @__PURE__ */ a("td", { className: "px-3 py-2 whitespace-nowrap", children: ke(e.actual_minutes ?? e.planned_minutes) }),
      /* @__PURE__ */ a("td", { className: "px-3 py-2", children: /* @__PURE__ */ a(te, { line: e }) }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-1", children: [
          e.editable ? /* @__PURE__ */ a(E, { size: "sm", variant: "secondary", "aria-label": r("edit_of", { name: e.user_name }), onClick: () => c("edit"), children: r("edit") }) : null,
          e.status !== "validated" ? /* @__PURE__ */ a(
            E,
            {
              size: "sm",
              "aria-label": r("validate_of", { name: e.user_name }),
              loading: l.isPending,
              onClick: () => l.mutate(e.assignment_id),
              children: r("validate")
            }
          ) : /* @__PURE__ */ a(E, { size: "sm", variant: "secondary", "aria-label": r("correct_of", { name: e.user_name }), onClick: () => c("correct"), children: r("correct") }),
          /* @__PURE__ */ a(E, { size: "sm", variant: "ghost", "aria-label": r("history_of", { name: e.user_name }), onClick: () => c("history"), children: r("history") })
        ] }),
        l.isError ? /* @__PURE__ */ a("p", { className: "mt-1 text-xs text-danger", children: o(l.error) }) : null
      ] })
    ] }),
    s ? /* @__PURE__ */ a("tr", { children: /* @__PURE__ */ a("td", { colSpan: 8, className: "bg-muted/40 px-3 py-3", children: /* @__PURE__ */ a("div", { className: "max-w-xl", children: s === "history" ? /* @__PURE__ */ a(Le, { line: e }) : /* @__PURE__ */ a(ae, { line: e, correcting: s === "correct", onDone: () => n(null) }) }) }) }) : null
  ] });
}
function Ve({ today: e }) {
  const { t, tError: n } = S(), [r, o] = _(e), [l, s] = _(""), [c, h] = _(null), [C, v] = _(!1), k = be(!0), p = { day: r, project: l ? Number(l) : void 0 }, d = Y(p), y = Ce();
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ a("p", { className: "text-sm text-muted-foreground", children: t("manager_hint") }),
    /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end", children: [
      /* @__PURE__ */ a(N, { label: t("day"), children: (m) => /* @__PURE__ */ a(T, { ...m, type: "date", required: !0, value: r, onChange: (g) => o(g.target.value || e) }) }),
      /* @__PURE__ */ a(N, { label: t("project"), children: (m) => /* @__PURE__ */ i("select", { ...m, className: $e, value: l, onChange: (g) => s(g.target.value), children: [
        /* @__PURE__ */ a("option", { value: "", children: t("all_projects") }),
        (k.data?.items ?? []).map((g) => /* @__PURE__ */ a("option", { value: g.id, children: g.name }, g.id))
      ] }) }),
      /* @__PURE__ */ a("div", { className: "sm:justify-self-end", children: /* @__PURE__ */ a(
        E,
        {
          disabled: !d.data?.items.some((m) => m.status !== "validated"),
          onClick: () => {
            y.reset(), v(!0);
          },
          children: t("validate_day")
        }
      ) })
    ] }),
    /* @__PURE__ */ a(
      ye,
      {
        open: C,
        title: t("validate_day_confirm"),
        description: t("validate_day_hint"),
        confirmLabel: t("validate_day"),
        cancelLabel: t("cancel"),
        loading: y.isPending,
        onConfirm: () => y.mutate({ day: r, project: p.project }, { onSettled: () => v(!1) }),
        onCancel: () => v(!1)
      }
    ),
    y.isError ? /* @__PURE__ */ a($, { variant: "danger", children: n(y.error) }) : null,
    y.data ? /* @__PURE__ */ a($, { variant: "success", children: t("validated_count", { count: y.data.validated }) }) : null,
    d.isPending ? /* @__PURE__ */ a(L, { label: t("loading") }) : null,
    d.isError ? /* @__PURE__ */ a(R, { error: d.error, onRetry: () => {
      d.refetch();
    } }) : null,
    d.data && d.data.items.length === 0 ? /* @__PURE__ */ a(Z, { title: t("empty") }) : null,
    d.data && d.data.items.length > 0 ? /* @__PURE__ */ a("div", { className: "overflow-x-auto rounded-lg border border-border", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ a("thead", { className: "bg-muted/40 text-xs uppercase text-muted-foreground", children: /* @__PURE__ */ a("tr", { children: ["col_person", "col_mission", "col_planned", "col_actual", "col_breaks", "col_worked", "col_status", "col_actions"].map(
        (m) => /* @__PURE__ */ a("th", { scope: "col", className: "px-3 py-2 font-medium", children: t(m) }, m)
      ) }) }),
      /* @__PURE__ */ a("tbody", { children: d.data.items.map((m) => /* @__PURE__ */ a(Re, { line: m, panel: c, setPanel: h }, m.assignment_id)) })
    ] }) }) : null
  ] });
}
function qe() {
  const { t: e, locale: t } = S(), n = Y({});
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ a("p", { className: "text-sm text-muted-foreground", children: e("tech_hint") }),
    n.isPending ? /* @__PURE__ */ a(L, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ a(R, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data && n.data.items.length === 0 ? /* @__PURE__ */ a(Z, { title: e("empty_mine") }) : null,
    /* @__PURE__ */ a("ul", { className: "space-y-4", children: [...n.data?.items ?? []].reverse().map((r) => /* @__PURE__ */ a("li", { children: /* @__PURE__ */ i(me, { className: "space-y-3", children: [
      /* @__PURE__ */ i("div", { className: "flex items-start justify-between gap-2", children: [
        /* @__PURE__ */ i("div", { children: [
          /* @__PURE__ */ a(he, { children: r.mission_title }),
          /* @__PURE__ */ i(fe, { children: [
            Pe(r.planned_start, r.timezone, t),
            " ",
            "\xB7",
            " ",
            r.role_name
          ] })
        ] }),
        /* @__PURE__ */ a(te, { line: r })
      ] }),
      /* @__PURE__ */ a("p", { className: "text-sm", children: e("planned_line", { start: x(r.planned_start, r.timezone), end: x(r.planned_end, r.timezone) }) }),
      r.editable ? /* @__PURE__ */ a(ae, { line: r }) : /* @__PURE__ */ i("div", { className: "space-y-1 text-sm", children: [
        /* @__PURE__ */ i("p", { children: [
          e("col_actual"),
          " : ",
          ne(r, e("not_entered")),
          " ",
          "\xB7",
          " ",
          e("col_breaks"),
          " :",
          " ",
          e("minutes_value", { minutes: r.break_minutes })
        ] }),
        /* @__PURE__ */ a("p", { className: "text-muted-foreground", children: e("locked") })
      ] })
    ] }) }, r.assignment_id)) })
  ] });
}
function _t() {
  const { t: e } = S(), { timeZone: t } = G(), n = ve(), r = q((/* @__PURE__ */ new Date()).toISOString(), t).date;
  return /* @__PURE__ */ i("div", { className: "space-y-6", children: [
    /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ a("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ a("p", { className: "text-xs text-muted-foreground", children: e("disclaimer") })
    ] }),
    n.isPending ? /* @__PURE__ */ a(L, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ a(R, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data ? n.data === "tech" ? /* @__PURE__ */ a(qe, {}) : /* @__PURE__ */ a(Ve, { today: r }) : null
  ] });
}
export {
  _t as default
};
