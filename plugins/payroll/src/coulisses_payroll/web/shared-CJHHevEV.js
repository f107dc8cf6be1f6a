const g = "__coulisses_host__";
function p() {
  const e = globalThis[g];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: b, jsxs: A, Fragment: F } = p().jsxRuntime, l = p(), { api: r, useLocale: v, useDates: L, useLiveEvents: j } = l, { Link: k, useNavigate: R, useParams: $, useSearchParams: M } = l.router, { useQuery: o, useMutation: _, useQueryClient: h } = l.query, {
  Button: w,
  Card: D,
  CardHeader: z,
  CardTitle: X,
  CardDescription: H,
  Alert: K,
  Spinner: B,
  EmptyState: O,
  Input: Q,
  Field: N,
  Badge: U,
  ConfirmDialog: I,
  ErrorState: G
} = l.ui, S = p().React, {
  Children: J,
  Component: W,
  Fragment: Y,
  StrictMode: Z,
  Suspense: ee,
  cloneElement: te,
  createContext: ne,
  createElement: re,
  forwardRef: se,
  isValidElement: ae,
  lazy: oe,
  memo: ie,
  startTransition: ue,
  use: le,
  useActionState: de,
  useCallback: ce,
  useContext: fe,
  useDeferredValue: pe,
  useEffect: me,
  useId: xe,
  useImperativeHandle: _e,
  useLayoutEffect: he,
  useMemo: ye,
  useOptimistic: Ee,
  useReducer: ge,
  useRef: ve,
  useState: Se,
  useSyncExternalStore: Ce,
  useTransition: Te
} = S, a = "/api/v1/payroll/timesheets", m = ["payroll-timesheets"];
function C({ day: e, project: t }) {
  const n = new URLSearchParams({ page_size: "200" });
  return e && n.set("day", e), t && n.set("project", String(t)), `${a}/?${n.toString()}`;
}
function Pe(e) {
  return o({
    queryKey: [...m, e],
    queryFn: () => r.get(C(e)),
    staleTime: 15e3
  });
}
function Ve(e, t) {
  return o({
    queryKey: [...m, "history", e],
    queryFn: () => r.get(`${a}/${e}/history?page_size=200`),
    enabled: t
  });
}
function qe() {
  return o({
    queryKey: ["payroll-me"],
    queryFn: async () => (await r.get("/api/v1/auth/me")).role ?? "tech",
    staleTime: 6e4
  });
}
function be(e) {
  return o({
    queryKey: ["payroll-projects"],
    queryFn: () => r.get("/api/v1/projects?page_size=200&sort=name"),
    enabled: e,
    staleTime: 6e4
  });
}
function d(e) {
  const t = h();
  return _({
    mutationFn: e,
    onSettled: () => t.invalidateQueries({ queryKey: m })
  });
}
function Ae() {
  return d(
    ({ assignmentId: e, values: t }) => r.patch(`${a}/${e}`, t)
  );
}
function Fe() {
  return d((e) => r.post(`${a}/${e}/validate`));
}
function Le() {
  return d(
    ({ assignmentId: e, values: t, reason: n }) => r.post(`${a}/${e}/correct`, { ...t, reason: n })
  );
}
function je() {
  return d(
    (e) => r.post(`${a}/validate`, e)
  );
}
const y = "/api/v1/payroll/exports", E = ["payroll-exports"], T = 2e3;
function P(e) {
  return e.status === "queued" || e.status === "running";
}
function ke() {
  return o({
    queryKey: E,
    queryFn: () => r.get(`${y}/?page_size=20&sort=-created_at`),
    refetchInterval: (e) => e.state.data?.items.some(P) ? T : !1
  });
}
function Re() {
  const e = h();
  return _({
    mutationFn: (t) => r.post(`${y}/`, t),
    onSettled: () => e.invalidateQueries({ queryKey: E })
  });
}
const V = {
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
  },
  exports_title: { fr: "Exports de paie", en: "Payroll exports" },
  exports_hint: {
    fr: "Les fichiers sont pr\xE9par\xE9s en arri\xE8re-plan puis gard\xE9s 7 jours.",
    en: "Files are made in the background, then kept for 7 days."
  },
  exports_tech_hint: {
    fr: "Exportez votre relev\xE9 du mois : vos lignes de paie, vos heures, votre brut.",
    en: "Export your statement of the month: your pay lines, hours and gross."
  },
  exports_month: { fr: "Mois", en: "Month" },
  exports_excel_fr: { fr: "CSV pour Excel (point-virgule, virgule d\xE9cimale)", en: "CSV for French Excel (semicolons, decimal comma)" },
  export_totals_csv: { fr: "Totaux CSV", en: "Totals CSV" },
  export_totals_xlsx: { fr: "Totaux XLSX", en: "Totals XLSX" },
  export_statements_pdf: { fr: "Relev\xE9s PDF", en: "Statements PDF" },
  export_office_csv: { fr: "Cabinet de paie CSV", en: "Payroll office CSV" },
  export_office_xlsx: { fr: "Cabinet de paie XLSX", en: "Payroll office XLSX" },
  export_mine_pdf: { fr: "Mon relev\xE9 PDF", en: "My statement PDF" },
  export_mine_csv: { fr: "Mon relev\xE9 CSV", en: "My statement CSV" },
  export_queued_note: { fr: "Export demand\xE9 : il appara\xEEt ci-dessous.", en: "Export requested: it appears below." },
  exports_recent: { fr: "Exports r\xE9cents", en: "Recent exports" },
  exports_empty: { fr: "Aucun export pour l\u2019instant.", en: "No export yet." },
  exports_loading: { fr: "Chargement des exports\u2026", en: "Loading exports\u2026" },
  col_export: { fr: "Export", en: "Export" },
  exports_asked_at: { fr: "Demand\xE9 le", en: "Asked on" },
  col_month: { fr: "Mois", en: "Month" },
  col_file: { fr: "Fichier", en: "File" },
  kind_monthly_totals: { fr: "Totaux du mois", en: "Monthly totals" },
  kind_payroll_office: { fr: "Cabinet de paie", en: "Payroll office" },
  kind_statement: { fr: "Relev\xE9", en: "Statement" },
  export_status_queued: { fr: "En file", en: "Queued" },
  export_status_running: { fr: "En cours ({progress} %)", en: "Running ({progress} %)" },
  export_status_done: { fr: "Pr\xEAt", en: "Ready" },
  export_status_failed: { fr: "\xC9chec", en: "Failed" },
  export_expired: { fr: "Expir\xE9", en: "Expired" },
  download: { fr: "T\xE9l\xE9charger", en: "Download" },
  download_of: { fr: "T\xE9l\xE9charger {file}", en: "Download {file}" },
  failure_payroll_no_rule_set: {
    fr: "Aucune r\xE8gle de paie en vigueur pour ce mois : ajoutez une version.",
    en: "No pay rules in force for this month: add a version."
  },
  failure_payroll_invalid_work_item: {
    fr: "Une affectation du mois ne peut pas \xEAtre pay\xE9e : v\xE9rifiez son tarif.",
    en: "An assignment of the month cannot be paid: check its rate."
  },
  failure_payroll_export_failed: {
    fr: "L\u2019export a \xE9chou\xE9 : r\xE9essayez ou pr\xE9venez un administrateur.",
    en: "The export failed: try again or tell an administrator."
  },
  failure_other: { fr: "L\u2019export a \xE9chou\xE9 ({code}).", en: "The export failed ({code})." }
}, i = V;
function u(e, t, n = {}) {
  let s = t;
  if (typeof n.count == "number" && `${t}_one` in i) {
    const f = new Intl.PluralRules(e === "en" ? "en" : "fr").select(n.count);
    s = `${t}_${f === "one" ? "one" : "other"}`;
  }
  const c = i[s];
  return (c ? e === "en" ? c.en : c.fr : s).replace(/\{(\w+)\}/g, (f, x) => x in n ? String(n[x]) : f);
}
function $e(e, t) {
  const n = `failure_${(t ?? "").replace(/\./g, "_")}`;
  return n in i ? u(e, n) : u(e, "failure_other", { code: t ?? "" });
}
function Me(e, t, n) {
  const s = `${t}_${n}`;
  return s in i ? u(e, s) : n;
}
function we() {
  const { locale: e, tError: t } = v();
  return { locale: e, tError: t, t: (n, s) => u(e, n, s) };
}
export {
  K as A,
  w as B,
  D as C,
  G as E,
  N as F,
  Q as I,
  B as S,
  qe as a,
  be as b,
  Re as c,
  Se as d,
  A as e,
  X as f,
  H as g,
  ke as h,
  O as i,
  b as j,
  L as k,
  $e as l,
  U as m,
  Pe as n,
  je as o,
  I as p,
  Me as q,
  Ae as r,
  Le as s,
  Fe as t,
  we as u,
  F as v,
  Ve as w
};
