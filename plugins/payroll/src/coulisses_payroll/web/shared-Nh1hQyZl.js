const $ = "__coulisses_host__";
function y() {
  const e = globalThis[$];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: W, jsxs: Y, Fragment: J } = y().jsxRuntime, A = /* @__PURE__ */ new Map();
function k(e, t) {
  const n = e === "en" ? "en" : "fr";
  let a = A.get(n);
  return a === void 0 && (a = new Intl.PluralRules(n), A.set(n, a)), a.select(t) === "one" ? "one" : "other";
}
function H(e) {
  const t = e, n = (l) => Object.hasOwn(t, l), a = (l, p, u = {}) => {
    let c = p;
    typeof u.count == "number" && n(`${p}_one`) && (c = `${p}_${k(l, u.count)}`);
    const d = n(c) ? t[c] : void 0;
    return (d === void 0 ? c : l === "en" ? d.en : d.fr).replace(
      /\{(\w+)\}/g,
      (L, C) => Object.hasOwn(u, C) ? String(u[C]) : L
    );
  };
  return { text: a, label: (l, p, u, c = u) => {
    const d = `${p}_${u.replace(/\./g, "_")}`;
    return n(d) ? a(l, d) : c;
  }, has: n };
}
const f = y(), { api: r, useLocale: b, useDates: Z, useLiveEvents: ee } = f, { Link: te, useNavigate: ne, useParams: re, useSearchParams: ae } = f.router, { useQuery: s, useMutation: o, useQueryClient: i } = f.query, { useDataTable: se, DataTable: oe, TablePagination: ie } = f.table, { z: ue, useZodForm: le, useFormText: N, TIME_OF_DAY: ce } = f.forms, {
  Button: de,
  Card: fe,
  CardHeader: me,
  CardTitle: pe,
  CardDescription: _e,
  Alert: he,
  Spinner: xe,
  EmptyState: ye,
  Input: Ee,
  Field: ge,
  Badge: ve,
  ConfirmDialog: Ce,
  ErrorState: Ae
} = f.ui;
function K(e) {
  const { locale: t, tError: n } = b();
  return { locale: t, tError: n, t: (a, v) => e.text(t, a, v) };
}
const V = y().React, {
  Children: be,
  Component: De,
  Fragment: Se,
  StrictMode: Pe,
  Suspense: je,
  cloneElement: we,
  createContext: Me,
  createElement: qe,
  forwardRef: Te,
  isValidElement: Fe,
  lazy: Re,
  memo: Ie,
  startTransition: Le,
  use: $e,
  useActionState: ke,
  useCallback: B,
  useContext: He,
  useDeferredValue: Ne,
  useEffect: Ke,
  useId: Ve,
  useImperativeHandle: Be,
  useLayoutEffect: Ue,
  useMemo: ze,
  useOptimistic: Oe,
  useReducer: Qe,
  useRef: Xe,
  useState: Ge,
  useSyncExternalStore: We,
  useTransition: Ye
} = V, m = "/api/v1/payroll/timesheets", E = ["payroll-timesheets"];
function U({ day: e, project: t }) {
  const n = new URLSearchParams({ page_size: "200" });
  return e && n.set("day", e), t && n.set("project", String(t)), `${m}/?${n.toString()}`;
}
function Je(e) {
  return s({
    queryKey: [...E, e],
    queryFn: () => r.get(U(e)),
    staleTime: 15e3
  });
}
function Ze(e, t) {
  return s({
    queryKey: [...E, "history", e],
    queryFn: () => r.get(`${m}/${e}/history?page_size=200`),
    enabled: t
  });
}
function et() {
  return s({
    queryKey: ["payroll-me"],
    queryFn: async () => (await r.get("/api/v1/auth/me")).role ?? "tech",
    staleTime: 6e4
  });
}
function tt(e) {
  return s({
    queryKey: ["payroll-projects"],
    queryFn: () => r.get("/api/v1/projects?page_size=200&sort=name"),
    enabled: e,
    staleTime: 6e4
  });
}
function x(e) {
  const t = i();
  return o({
    mutationFn: e,
    onSettled: () => t.invalidateQueries({ queryKey: E })
  });
}
function nt() {
  return x(
    ({ assignmentId: e, values: t }) => r.patch(`${m}/${e}`, t)
  );
}
function rt() {
  return x((e) => r.post(`${m}/${e}/validate`));
}
function at() {
  return x(
    ({ assignmentId: e, values: t, reason: n }) => r.post(`${m}/${e}/correct`, { ...t, reason: n })
  );
}
function st() {
  return x(
    (e) => r.post(`${m}/validate`, e)
  );
}
const D = "/api/v1/payroll/exports", S = ["payroll-exports"], z = 2e3;
function O(e) {
  return e.status === "queued" || e.status === "running";
}
function ot() {
  return s({
    queryKey: S,
    queryFn: () => r.get(`${D}/?page_size=20&sort=-created_at`),
    refetchInterval: (e) => e.state.data?.items.some(O) ? z : !1
  });
}
function it() {
  const e = i();
  return o({
    mutationFn: (t) => r.post(`${D}/`, t),
    onSettled: () => e.invalidateQueries({ queryKey: S })
  });
}
const _ = "/api/v1/payroll/intermittents", P = "/api/v1/payroll/identity", h = ["payroll-intermittents"], j = ["payroll-identity"];
function ut(e, t) {
  return s({
    queryKey: [...h, e, t],
    queryFn: () => {
      const n = new URLSearchParams({ page_size: "200" });
      return e && n.set("as_of", e), t && n.set("short", "true"), r.get(`${_}/?${n.toString()}`);
    },
    staleTime: 15e3
  });
}
function lt(e, t, n) {
  return s({
    queryKey: [...h, "one", e, t],
    queryFn: () => r.get(`${_}/${e}${t ? `?as_of=${t}` : ""}`),
    enabled: n
  });
}
function ct() {
  const e = i();
  return o({
    mutationFn: ({ userId: t, profile: n }) => r.put(`${_}/${t}`, n),
    onSettled: () => e.invalidateQueries({ queryKey: h })
  });
}
function dt(e) {
  return s({
    queryKey: [...h, "civil", e],
    queryFn: () => r.get(`${_}/${e}/civil-status`)
  });
}
function ft() {
  const e = i();
  return o({
    mutationFn: ({ userId: t, values: n }) => r.put(`${_}/${t}/civil-status`, n),
    onSettled: () => {
      e.invalidateQueries({ queryKey: h }), e.invalidateQueries({ queryKey: ["payroll-aem"] });
    }
  });
}
function mt(e) {
  return s({
    queryKey: j,
    queryFn: () => r.get(P),
    enabled: e
  });
}
function pt() {
  const e = i();
  return o({
    mutationFn: (t) => r.put(P, t),
    onSuccess: (t) => e.setQueryData(j, t)
  });
}
const w = "/api/v1/payroll/aem";
function _t(e) {
  return `/api/v1/payroll/engagements/contract.pdf?${new URLSearchParams({
    user: String(e.user_id),
    project: String(e.project_id),
    first_day: e.first_day
  }).toString()}`;
}
function ht(e, t) {
  return `${w}/file?${new URLSearchParams({ month: e, format: t }).toString()}`;
}
function xt(e, t) {
  return s({
    queryKey: ["payroll-aem", e],
    queryFn: () => r.get(`${w}?month=${e}`),
    enabled: /^\d{4}-\d{2}$/.test(e)
  });
}
const M = ["payroll-engagements"];
function yt(e, t = !0) {
  return s({
    queryKey: [...M, e],
    queryFn: () => r.get(
      `/api/v1/payroll/engagements?page_size=200${e ? `&dpae=${e}` : ""}`
    ),
    enabled: t,
    staleTime: 15e3
  });
}
function q(e) {
  const t = i();
  return o({
    mutationFn: e,
    onSettled: () => t.invalidateQueries({ queryKey: M })
  });
}
function Et() {
  return q((e) => r.post("/api/v1/payroll/dpae", e));
}
function gt() {
  return q((e) => r.delete(`/api/v1/payroll/dpae/${e}`));
}
const vt = ["base", "night", "sunday", "holiday", "may_1", "minimum_call", "meal", "overtime"], Ct = ["night", "sunday", "holiday", "overtime"], At = ["CDI", "CDD", "Intermittent", "Freelance"], T = ["payroll-report"];
function bt(e, t, n = "") {
  return s({
    queryKey: [...T, e, t, n],
    queryFn: () => {
      const a = new URLSearchParams({ month: e, page_size: "200" });
      return t && a.set("project", t), n && a.set("employment_type", n), r.get(`/api/v1/payroll/reports/monthly?${a.toString()}`);
    },
    enabled: /^\d{4}-\d{2}$/.test(e)
  });
}
function Dt(e, t, n) {
  return s({
    queryKey: [...T, "person", e, t, n],
    queryFn: () => {
      const a = new URLSearchParams({ month: t });
      return n && a.set("project", n), r.get(`/api/v1/payroll/reports/monthly/${e}?${a.toString()}`);
    },
    enabled: e !== null
  });
}
const F = ["payroll-project-identities"];
function St(e) {
  return s({
    queryKey: F,
    queryFn: async () => {
      const t = await r.get("/api/v1/payroll/projects/identity?page_size=200");
      return new Map(t.items.map((n) => [n.project_id, n.numero_objet ?? ""]));
    },
    enabled: e
  });
}
function Pt() {
  const e = i();
  return o({
    mutationFn: ({ projectId: t, numero: n }) => r.put(`/api/v1/payroll/projects/${t}/identity`, { numero_objet: n.trim() || null }),
    onSettled: () => e.invalidateQueries({ queryKey: F })
  });
}
const R = ["payroll-project-recap"];
function jt(e) {
  return s({
    queryKey: [...R, e],
    queryFn: () => r.get(`/api/v1/payroll/reports/projects?${new URLSearchParams({ month: e, page_size: "200" }).toString()}`),
    enabled: /^\d{4}-\d{2}$/.test(e)
  });
}
function wt() {
  const e = i();
  return o({
    mutationFn: ({ projectId: t, amountCents: n, currency: a }) => r.put(`/api/v1/payroll/projects/${t}/budget`, { amount_cents: n, currency: a }),
    onSettled: () => e.invalidateQueries({ queryKey: R })
  });
}
const Q = {
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
  breaks_range: { fr: "Entre 0 et 1440 minutes.", en: "Between 0 and 1440 minutes." },
  elsewhere_range: { fr: "Entre 0 et 10000 heures.", en: "Between 0 and 10,000 hours." },
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
  intermittents_title: { fr: "Intermittents", en: "Intermittents" },
  intermittents_loading: { fr: "Chargement du suivi des 507 h\u2026", en: "Loading the 507 h tracker\u2026" },
  intermittents_hint: {
    fr: "Heures des 365 jours qui finissent \xE0 la date choisie : missions accept\xE9es (r\xE9el valid\xE9, sinon pr\xE9vu), 12 h par cachet d\u2019un artiste, plus les heures d\xE9clar\xE9es ailleurs.",
    en: "Hours of the 365 days ending on the chosen date: accepted missions (validated actual, else planned), 12 h per cachet of an artist, plus the hours declared elsewhere."
  },
  intermittents_tech_hint: {
    fr: "Vos heures pour les 507 h : missions accept\xE9es ici et heures d\xE9clar\xE9es ailleurs. France Travail d\xE9cide.",
    en: "Your hours towards the 507 h: missions accepted here and hours declared elsewhere. France Travail decides."
  },
  intermittents_empty: { fr: "Aucun intermittent dans cette organisation.", en: "No intermittent in this organisation." },
  intermittents_all_reached: { fr: "Tout le monde a atteint le seuil.", en: "Everyone has reached the threshold." },
  as_of: { fr: "Au", en: "As of" },
  short_only: { fr: "Seulement ceux sous le seuil", en: "Only those below the threshold" },
  window: { fr: "Du {from} au {to}", en: "From {from} to {to}" },
  col_annexe: { fr: "Annexe", en: "Annex" },
  col_here: { fr: "Ici", en: "Here" },
  col_cachets: { fr: "Cachets", en: "Cachets" },
  col_elsewhere: { fr: "Ailleurs", en: "Elsewhere" },
  col_total: { fr: "Total", en: "Total" },
  col_missing: { fr: "Manque", en: "Missing" },
  annexe_8: { fr: "Annexe 8 (technicien)", en: "Annex 8 (technician)" },
  annexe_10: { fr: "Annexe 10 (artiste)", en: "Annex 10 (artist)" },
  hours_value: { fr: "{hours} h", en: "{hours} h" },
  cachets_value: { fr: "{count} ({hours} h)", en: "{count} ({hours} h)" },
  reached: { fr: "Atteint", en: "Reached" },
  below: { fr: "Sous le seuil", en: "Below the threshold" },
  progress_of: { fr: "{total} h sur {threshold} h", en: "{total} h of {threshold} h" },
  details: { fr: "D\xE9tail", en: "Details" },
  details_of: { fr: "D\xE9tail des heures de {name}", en: "Hours of {name} in detail" },
  profile_of: { fr: "Modifier le profil de {name}", en: "Edit the profile of {name}" },
  counted_empty: { fr: "Aucune mission compt\xE9e sur la p\xE9riode.", en: "No mission counted in the period." },
  source_actual: { fr: "R\xE9el valid\xE9", en: "Validated actual" },
  source_planned: { fr: "Pr\xE9vu", en: "Planned" },
  source_cachet: { fr: "Cachet", en: "Cachet" },
  annexe: { fr: "Annexe", en: "Annex" },
  elsewhere_hours: { fr: "Heures d\xE9clar\xE9es ailleurs", en: "Hours declared elsewhere" },
  elsewhere_note: { fr: "D\u2019o\xF9 viennent ces heures (employeurs, dates)", en: "Where these hours come from (employers, dates)" },
  profile_saved: { fr: "Profil enregistr\xE9.", en: "Profile saved." },
  engagements_title: { fr: "Engagements et DPAE", en: "Engagements and DPAE" },
  engagements_hint: {
    fr: "Missions accept\xE9es cons\xE9cutives d\u2019un intermittent sur un projet : un CDDU, une DPAE \xE0 d\xE9poser au plus tard au premier jour.",
    en: "An intermittent\u2019s consecutive accepted missions on a project: one CDDU, one DPAE to file by the first day at the latest."
  },
  engagements_loading: { fr: "Chargement des engagements\u2026", en: "Loading engagements\u2026" },
  engagements_empty: { fr: "Aucun engagement sur la p\xE9riode.", en: "No engagement in the period." },
  engagements_none_overdue: { fr: "Aucune DPAE en retard.", en: "No overdue DPAE." },
  overdue_only: { fr: "Seulement les DPAE en retard", en: "Only overdue DPAE" },
  engagement_days_one: { fr: "Du {first} au {last} \xB7 {count} mission", en: "From {first} to {last} \xB7 {count} mission" },
  engagement_days_other: { fr: "Du {first} au {last} \xB7 {count} missions", en: "From {first} to {last} \xB7 {count} missions" },
  dpae_not_yet_open: { fr: "\xC0 d\xE9poser \xE0 partir du {date}", en: "To file from {date}" },
  dpae_to_declare: { fr: "\xC0 d\xE9poser avant le {date}", en: "To file before {date}" },
  dpae_overdue: { fr: "DPAE en retard (d\xFBe le {date})", en: "DPAE overdue (due {date})" },
  dpae_declared: { fr: "DPAE d\xE9pos\xE9e le {date}", en: "DPAE filed on {date}" },
  dpae_reference: { fr: "R\xE9f. {reference}", en: "Ref. {reference}" },
  dpae_record: { fr: "Noter la DPAE", en: "Record the DPAE" },
  dpae_record_of: { fr: "Noter la DPAE de {name} ({project})", en: "Record the DPAE of {name} ({project})" },
  dpae_remove: { fr: "Retirer", en: "Remove" },
  dpae_remove_of: { fr: "Retirer la DPAE de {name} ({project})", en: "Remove the DPAE of {name} ({project})" },
  dpae_remove_confirm: { fr: "Retirer cette DPAE ? L\u2019engagement redevient \xE0 d\xE9clarer.", en: "Remove this DPAE? The engagement is to declare again." },
  dpae_reference_field: { fr: "Num\xE9ro d\u2019accus\xE9 URSSAF", en: "URSSAF acknowledgement number" },
  dpae_declared_on: { fr: "D\xE9pos\xE9e le", en: "Filed on" },
  dashboard_dpae_title: { fr: "DPAE des intermittents", en: "Intermittents\u2019 DPAE" },
  dashboard_dpae_overdue_one: { fr: "{count} DPAE en retard : le travail a commenc\xE9.", en: "{count} DPAE overdue: work has started." },
  dashboard_dpae_overdue_other: { fr: "{count} DPAE en retard : le travail a commenc\xE9.", en: "{count} DPAE overdue: work has started." },
  dashboard_dpae_due_one: { fr: "{count} DPAE \xE0 d\xE9poser maintenant.", en: "{count} DPAE to file now." },
  dashboard_dpae_due_other: { fr: "{count} DPAE \xE0 d\xE9poser maintenant.", en: "{count} DPAE to file now." },
  dashboard_dpae_more: { fr: "et {count} de plus", en: "and {count} more" },
  dashboard_dpae_open: { fr: "Ouvrir les engagements", en: "Open the engagements" },
  accounting_title: { fr: "Comptabilit\xE9", en: "Accounting" },
  accounting_hint: {
    fr: "Heures et brut du mois par personne, calcul\xE9s par les r\xE8gles de paie de l\u2019organisation. Cliquez une personne pour voir chaque ligne et son calcul.",
    en: "Hours and gross pay of the month per person, from the organisation\u2019s pay rules. Click a person to see each line and how it was computed."
  },
  accounting_loading: { fr: "Calcul du mois\u2026", en: "Computing the month\u2026" },
  accounting_empty: { fr: "Aucune heure ce mois-ci.", en: "No hours this month." },
  accounting_more: { fr: "Seules les {shown} premi\xE8res personnes sur {total} sont affich\xE9es : filtrez par projet.", en: "Only the first {shown} people of {total} are shown: filter by project." },
  accounting_columns: { fr: "Colonnes", en: "Columns" },
  accounting_exports: { fr: "Exporter ce mois", en: "Export this month" },
  accounting_export_queued: { fr: "Export demand\xE9 : suivez-le dans les exports de paie.", en: "Export requested: follow it in the payroll exports." },
  accounting_open_exports: { fr: "Ouvrir les exports de paie", en: "Open the payroll exports" },
  accounting_missing_rate: { fr: "{count} affectations sans tarif (non pay\xE9es)", en: "{count} assignments without a rate (not paid)" },
  accounting_detail_of: { fr: "Lignes de paie de {name}", en: "Pay lines of {name}" },
  accounting_close: { fr: "Fermer", en: "Close" },
  accounting_how: { fr: "Comment c\u2019est calcul\xE9", en: "How this was computed" },
  accounting_how_of: { fr: "Comment la ligne {kind} du {date} est calcul\xE9e", en: "How the {kind} line of {date} was computed" },
  accounting_formula: { fr: "Formule", en: "Formula" },
  accounting_rounding: {
    fr: "Arrondi au centime le plus proche (demi vers le haut) ligne par ligne ; les totaux sont la somme des lignes arrondies.",
    en: "Rounded half-up to the cent, line by line; totals are sums of the rounded lines."
  },
  accounting_rules: { fr: "R\xE8gles : {profile}, {employment}, en vigueur depuis le {date}", en: "Rules: {profile}, {employment}, in force since {date}" },
  accounting_times_actual: { fr: "Heures r\xE9elles valid\xE9es ({breaks} min de pause d\xE9duites)", en: "Validated actual times ({breaks} break minutes taken off)" },
  accounting_times_planned: { fr: "Heures pr\xE9vues de la mission (pas de feuille de temps valid\xE9e)", en: "Planned times of the mission (no validated timesheet)" },
  accounting_exact: { fr: "Montant exact : {cents} centimes", en: "Exact amount: {cents} cents" },
  accounting_week_of: { fr: "Semaine du {date}", en: "Week of {date}" },
  col_type: { fr: "Contrat", en: "Contract" },
  col_cachets_count: { fr: "Cachets", en: "Cachets" },
  col_night_hours: { fr: "Heures de nuit", en: "Night hours" },
  col_sunday_hours: { fr: "Heures du dimanche", en: "Sunday hours" },
  col_holiday_hours: { fr: "Heures f\xE9ri\xE9es", en: "Holiday hours" },
  col_overtime_hours: { fr: "Heures sup. (h)", en: "Overtime hours" },
  col_by_project: { fr: "Brut par projet", en: "Gross by project" },
  employment_filter: { fr: "Type de contrat", en: "Contract type" },
  all_employment_types: { fr: "Tous les contrats", en: "All contracts" },
  recap_title: { fr: "Par projet", en: "By project" },
  recap_hint: {
    fr: "Heures et brut du mois par projet ; le pr\xE9visionnel compte aussi les invitations en attente, sur les dates du projet (sinon ce mois), face \xE0 son budget.",
    en: "Hours and gross pay of the month per project; the forecast also counts pending invitations, over the project\u2019s dates (else this month), against its budget."
  },
  recap_loading: { fr: "Calcul des projets\u2026", en: "Computing the projects\u2026" },
  recap_empty: { fr: "Aucun projet avec des heures ce mois-ci.", en: "No project with hours this month." },
  col_forecast: { fr: "Pr\xE9visionnel", en: "Forecast" },
  col_budget: { fr: "Budget", en: "Budget" },
  col_margin: { fr: "Marge", en: "Margin" },
  recap_forecast_months: { fr: "de {from} \xE0 {to}", en: "from {from} to {to}" },
  recap_over_budget: { fr: "D\xE9passement du budget", en: "Over budget" },
  recap_no_budget: { fr: "Aucun", en: "None" },
  recap_budget_of: { fr: "Budget de {name} ({currency})", en: "Budget of {name} ({currency})" },
  recap_save_budget: { fr: "Enregistrer", en: "Save" },
  recap_budget_saved: { fr: "Budget enregistr\xE9.", en: "Budget saved." },
  recap_budget_invalid: { fr: "Un montant positif, par exemple 12000,50 (vide : pas de budget).", en: "A positive amount, for example 12000.50 (empty: no budget)." },
  profile_ccneac_1285: { fr: "CCNEAC (IDCC 1285)", en: "CCNEAC (IDCC 1285)" },
  profile_svp_3090: { fr: "Spectacle vivant priv\xE9 (IDCC 3090)", en: "Private live shows (IDCC 3090)" },
  profile_prestataires_2717: { fr: "Prestataires techniques (IDCC 2717)", en: "Technical service providers (IDCC 2717)" },
  profile_custom: { fr: "Personnalis\xE9", en: "Custom" },
  employment_cdi: { fr: "CDI", en: "Permanent (CDI)" },
  employment_cdd: { fr: "CDD", en: "Fixed-term (CDD)" },
  employment_intermittent_a8: { fr: "Intermittent (annexe 8)", en: "Intermittent (annex 8)" },
  employment_intermittent_a10: { fr: "Intermittent (annexe 10)", en: "Intermittent (annex 10)" },
  employment_freelance: { fr: "Freelance", en: "Freelance" },
  col_planned_hours: { fr: "Heures pr\xE9vues", en: "Planned hours" },
  col_confirmed_hours: { fr: "Heures confirm\xE9es", en: "Confirmed hours" },
  col_actual_hours: { fr: "Heures r\xE9elles", en: "Actual hours" },
  col_gross: { fr: "Brut", en: "Gross" },
  col_kind: { fr: "Ligne", en: "Line" },
  col_quantity: { fr: "Quantit\xE9", en: "Quantity" },
  col_rate: { fr: "Taux", en: "Rate" },
  col_premium: { fr: "Majoration", en: "Premium" },
  col_amount: { fr: "Montant", en: "Amount" },
  col_date: { fr: "Date", en: "Date" },
  col_times: { fr: "Heures pay\xE9es", en: "Times paid" },
  totals_row: { fr: "Total ({currency})", en: "Total ({currency})" },
  line_base: { fr: "Base", en: "Base" },
  line_night: { fr: "Nuit", en: "Night" },
  line_sunday: { fr: "Dimanche", en: "Sunday" },
  line_holiday: { fr: "Jour f\xE9ri\xE9", en: "Public holiday" },
  line_may_1: { fr: "1er mai", en: "1 May" },
  line_minimum_call: { fr: "Minimum d\u2019appel", en: "Minimum call" },
  line_meal: { fr: "Repas", en: "Meal" },
  line_overtime: { fr: "Heures suppl\xE9mentaires", en: "Overtime" },
  unit_hour: { fr: "{quantity} h", en: "{quantity} h" },
  unit_cachet: { fr: "{quantity} cachet(s)", en: "{quantity} cachet(s)" },
  unit_day: { fr: "{quantity} jour(s)", en: "{quantity} day(s)" },
  unit_meal: { fr: "{quantity} repas", en: "{quantity} meal(s)" },
  source_none: { fr: "\u2014", en: "\u2014" },
  value_minutes: { fr: "Minutes", en: "Minutes" },
  value_rate_cents_per_hour: { fr: "Taux horaire (centimes)", en: "Hourly rate (cents)" },
  value_premium_pct: { fr: "Majoration (%)", en: "Premium (%)" },
  value_exact_cents: { fr: "Montant exact (centimes)", en: "Exact amount (cents)" },
  value_cachets: { fr: "Cachets", en: "Cachets" },
  value_fee_cents: { fr: "Forfait (centimes)", en: "Fee (cents)" },
  value_days: { fr: "Jours", en: "Days" },
  value_meals: { fr: "Repas", en: "Meals" },
  value_meal_allowance_cents: { fr: "Indemnit\xE9 repas (centimes)", en: "Meal allowance (cents)" },
  value_worked_minutes: { fr: "Minutes travaill\xE9es", en: "Worked minutes" },
  value_meal_windows: { fr: "Fen\xEAtres de repas", en: "Meal windows" },
  value_above_minutes: { fr: "Au-del\xE0 de (minutes par semaine)", en: "Above (minutes a week)" },
  value_week_start: { fr: "D\xE9but de semaine", en: "Week start" },
  value_week_minutes: { fr: "Minutes de la semaine", en: "Minutes of the week" },
  value_hours_for_unemployment_insurance: { fr: "Heures pour l\u2019assurance ch\xF4mage", en: "Hours for unemployment insurance" },
  objets_title: { fr: "Num\xE9ros d\u2019objet des projets", en: "Projects\u2019 numero d\u2019objet" },
  objets_hint: {
    fr: "Le num\xE9ro d\u2019objet France Travail de chaque projet, imprim\xE9 sur les contrats et les AEM.",
    en: "Each project\u2019s France Travail numero d\u2019objet, printed on contracts and AEMs."
  },
  objets_empty: { fr: "Aucun projet.", en: "No project." },
  objet_of: { fr: "Num\xE9ro d\u2019objet de {project}", en: "Numero d\u2019objet of {project}" },
  objet_saved: { fr: "Enregistr\xE9.", en: "Saved." },
  identity_title: { fr: "Identit\xE9 de l\u2019employeur", en: "Employer identity" },
  identity_hint: {
    fr: "Ce qu\u2019impriment les AEM et les contrats. Le SIRET est v\xE9rifi\xE9 par sa cl\xE9.",
    en: "What AEMs and contracts print. The SIRET is checked by its key."
  },
  identity_read_only: { fr: "Seul un administrateur peut la modifier.", en: "Only an administrator can change it." },
  identity_missing: { fr: "\xC0 compl\xE9ter : {fields}", en: "To fill in: {fields}" },
  identity_complete: { fr: "Identit\xE9 compl\xE8te.", en: "Identity complete." },
  identity_saved: { fr: "Identit\xE9 enregistr\xE9e.", en: "Identity saved." },
  field_legal_name: { fr: "Raison sociale", en: "Legal name" },
  field_address: { fr: "Adresse", en: "Address" },
  field_siret: { fr: "SIRET", en: "SIRET" },
  field_ape: { fr: "Code APE", en: "APE code" },
  field_idcc: { fr: "IDCC", en: "IDCC" },
  field_guso: { fr: "Embauche par le GUSO", en: "Hires through the GUSO" },
  licence_1: { fr: "Licence cat\xE9gorie 1 (exploitant de lieu)", en: "Licence category 1 (venue)" },
  licence_2: { fr: "Licence cat\xE9gorie 2 (producteur)", en: "Licence category 2 (producer)" },
  licence_3: { fr: "Licence cat\xE9gorie 3 (diffuseur)", en: "Licence category 3 (presenter)" },
  contract_pdf: { fr: "Contrat CDDU (PDF)", en: "CDDU contract (PDF)" },
  contract_pdf_of: { fr: "Contrat CDDU de {name} ({project}), PDF", en: "CDDU contract of {name} ({project}), PDF" },
  aem_title: { fr: "AEM et Cong\xE9s Spectacles", en: "AEM and Cong\xE9s Spectacles" },
  aem_hint: {
    fr: "Une attestation employeur mensuelle par intermittent, contrat et mois, avec la base d\xE9clarable aux Cong\xE9s Spectacles (taux et plafond dans les r\xE8gles de paie).",
    en: "One monthly employer certificate per intermittent, contract and month, with the base declarable to Cong\xE9s Spectacles (rate and ceiling in the pay rules)."
  },
  aem_month: { fr: "Mois", en: "Month" },
  aem_loading: { fr: "Chargement des AEM\u2026", en: "Loading AEMs\u2026" },
  aem_empty: { fr: "Aucune AEM ce mois-ci.", en: "No AEM this month." },
  aem_csv: { fr: "Exporter les AEM (CSV)", en: "Export the AEMs (CSV)" },
  aem_pdf: { fr: "R\xE9capitulatif des AEM (PDF)", en: "AEM summary (PDF)" },
  aem_missing: { fr: "Pour exporter les AEM, compl\xE9tez l\u2019identit\xE9 de l\u2019employeur : {fields}", en: "To export the AEMs, fill in the employer\u2019s identity: {fields}" },
  aem_col_person: { fr: "Salari\xE9", en: "Employee" },
  aem_civil_missing: { fr: "\xC9tat civil incomplet (Intermittents)", en: "Civil status incomplete (Intermittents)" },
  civil_status: { fr: "\xC9tat civil", en: "Civil status" },
  civil_status_of: { fr: "\xC9tat civil de {name}", en: "Civil status of {name}" },
  civil_status_hint: {
    fr: "Imprim\xE9 sur les AEM et les contrats CDDU. Le NIR se saisit sur la fiche de la personne.",
    en: "Printed on AEMs and CDDU contracts. The social security number is set on the person\u2019s profile."
  },
  civil_birth_name: { fr: "Nom de naissance (s\u2019il diff\xE8re)", en: "Birth name (if different)" },
  civil_birth_date: { fr: "Date de naissance", en: "Birth date" },
  civil_birth_place: { fr: "Lieu de naissance (commune et d\xE9partement)", en: "Place of birth (town and department)" },
  civil_nationality: { fr: "Nationalit\xE9", en: "Nationality" },
  civil_address: { fr: "Adresse", en: "Address" },
  civil_missing: { fr: "Manque pour l\u2019AEM : {fields}", en: "Missing for the AEM: {fields}" },
  civil_saved: { fr: "\xC9tat civil enregistr\xE9.", en: "Civil status saved." },
  aem_nir_missing: { fr: "NIR manquant (fiche de la personne)", en: "Social security number missing (person\u2019s profile)" },
  aem_col_project: { fr: "Projet (n\xB0 d\u2019objet)", en: "Project (numero d\u2019objet)" },
  aem_col_contract: { fr: "Contrat", en: "Contract" },
  aem_col_hours: { fr: "Heures", en: "Hours" },
  aem_col_cachets: { fr: "Cachets", en: "Cachets" },
  aem_col_days: { fr: "Jours", en: "Days" },
  aem_col_gross: { fr: "Brut", en: "Gross" },
  aem_col_cs_base: { fr: "Base Cong\xE9s Spectacles", en: "Cong\xE9s Spectacles base" },
  aem_col_cs_contribution: { fr: "Cotisation CS ({rate} %)", en: "CS contribution ({rate} %)" },
  aem_ongoing: { fr: "depuis le {first}, en cours", en: "from {first}, ongoing" },
  aem_dates: { fr: "du {first} au {last}", en: "{first} to {last}" },
  aem_table: { fr: "AEM du mois", en: "AEMs of the month" },
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
}, g = H(Q), { text: I, label: X } = g;
function Mt(e, t) {
  return X(e, "failure", t ?? "", I(e, "failure_other", { code: t ?? "" }));
}
const qt = () => K(g);
function Tt() {
  const { locale: e } = b(), t = B(
    (n) => g.has(n) ? I(e, n) : void 0,
    [e]
  );
  return N(t);
}
export {
  Je as $,
  he as A,
  de as B,
  fe as C,
  oe as D,
  At as E,
  J as F,
  ut as G,
  Ct as H,
  Ee as I,
  xt as J,
  ht as K,
  te as L,
  St as M,
  mt as N,
  gt as O,
  _t as P,
  Ce as Q,
  Pt as R,
  xe as S,
  pt as T,
  lt as U,
  Tt as V,
  ct as W,
  le as X,
  dt as Y,
  Et as Z,
  ft as _,
  Ge as a,
  st as a0,
  X as a1,
  nt as a2,
  at as a3,
  rt as a4,
  ce as a5,
  Ze as a6,
  tt as b,
  bt as c,
  it as d,
  et as e,
  ze as f,
  W as g,
  se as h,
  pe as i,
  Y as j,
  _e as k,
  ge as l,
  Ae as m,
  ye as n,
  vt as o,
  Dt as p,
  jt as q,
  wt as r,
  Z as s,
  I as t,
  qt as u,
  yt as v,
  ve as w,
  ot as x,
  Mt as y,
  ue as z
};
