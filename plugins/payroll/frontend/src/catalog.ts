/**
 * The plugin's own words, French (default) and English: the web app's catalog holds
 * none of them (only the API error codes). Accents are escapes (the repository's text is
 * ASCII). Plain data and pure functions (no host): tests read it too.
 */

export const TEXTS = {
  title: { fr: 'Feuilles de temps', en: 'Timesheets' },
  loading: { fr: 'Chargement des feuilles de temps\u2026', en: 'Loading timesheets\u2026' },
  disclaimer: {
    fr: 'Des calculs et des rappels, pas un conseil juridique.',
    en: 'Computations and reminders, not legal advice.',
  },
  manager_hint: {
    fr: 'Les heures pr\u00e9vues viennent des missions. Une ligne valid\u00e9e est verrouill\u00e9e : corrigez-la avec une raison.',
    en: 'Planned times come from the missions. A validated line is locked: correct it with a reason.',
  },
  tech_hint: {
    fr: 'Vos missions des 7 derniers jours : saisissez vos heures r\u00e9elles et vos pauses.',
    en: 'Your missions of the last 7 days: enter your actual times and breaks.',
  },
  day: { fr: 'Jour', en: 'Day' },
  project: { fr: 'Projet', en: 'Project' },
  all_projects: { fr: 'Tous les projets', en: 'All projects' },
  empty: { fr: 'Aucune ligne pour ce jour.', en: 'No lines for this day.' },
  empty_mine: { fr: 'Aucune mission accept\u00e9e ces 7 derniers jours.', en: 'No accepted mission in the last 7 days.' },
  col_person: { fr: 'Personne', en: 'Person' },
  col_mission: { fr: 'Mission', en: 'Mission' },
  col_planned: { fr: 'Pr\u00e9vu', en: 'Planned' },
  col_actual: { fr: 'R\u00e9el', en: 'Actual' },
  col_breaks: { fr: 'Pauses', en: 'Breaks' },
  col_worked: { fr: 'Travaill\u00e9', en: 'Worked' },
  col_status: { fr: 'Statut', en: 'Status' },
  col_actions: { fr: 'Actions', en: 'Actions' },
  status_draft: { fr: '\u00c0 saisir', en: 'To enter' },
  status_submitted: { fr: 'Saisie', en: 'Submitted' },
  status_validated: { fr: 'Valid\u00e9e', en: 'Validated' },
  not_entered: { fr: 'non saisi', en: 'not entered' },
  minutes_value: { fr: '{minutes} min', en: '{minutes} min' },
  edit: { fr: 'Modifier', en: 'Edit' },
  edit_of: { fr: 'Modifier la ligne de {name}', en: 'Edit the line of {name}' },
  validate: { fr: 'Valider', en: 'Validate' },
  validate_of: { fr: 'Valider la ligne de {name}', en: 'Validate the line of {name}' },
  correct: { fr: 'Corriger', en: 'Correct' },
  correct_of: { fr: 'Corriger la ligne de {name}', en: 'Correct the line of {name}' },
  history: { fr: 'Historique', en: 'History' },
  history_of: { fr: 'Historique de la ligne de {name}', en: 'History of the line of {name}' },
  history_empty: { fr: 'Aucun changement.', en: 'No change.' },
  action_updated: { fr: 'Modifi\u00e9e', en: 'Updated' },
  action_submitted: { fr: 'Saisie', en: 'Submitted' },
  action_validated: { fr: 'Valid\u00e9e', en: 'Validated' },
  action_corrected: { fr: 'Corrig\u00e9e', en: 'Corrected' },
  history_reason: { fr: 'Raison : {reason}', en: 'Reason: {reason}' },
  validate_day: { fr: 'Valider la journ\u00e9e', en: 'Validate the day' },
  validate_day_confirm: {
    fr: 'Valider toutes les lignes de ce jour ?',
    en: 'Validate every line of this day?',
  },
  validate_day_hint: {
    fr: 'Les lignes sans heures r\u00e9elles sont valid\u00e9es aux heures pr\u00e9vues. Tout ou rien : une ligne en erreur bloque la journ\u00e9e.',
    en: 'Lines without actual times are validated at the planned times. All or nothing: a line in error stops the day.',
  },
  validated_count_one: { fr: '{count} ligne valid\u00e9e.', en: '{count} line validated.' },
  validated_count_other: { fr: '{count} lignes valid\u00e9es.', en: '{count} lines validated.' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'Heures enregistr\u00e9es.', en: 'Times saved.' },
  start: { fr: 'D\u00e9but', en: 'Start' },
  end: { fr: 'Fin', en: 'End' },
  breaks: { fr: 'Pauses (minutes)', en: 'Breaks (minutes)' },
  comment: { fr: 'Commentaire', en: 'Comment' },
  reason: { fr: 'Raison de la correction', en: 'Reason for the correction' },
  end_next_day: {
    fr: 'Une fin plus t\u00f4t que le d\u00e9but tombe le lendemain.',
    en: 'An end earlier than the start falls on the next day.',
  },
  planned_line: { fr: 'Pr\u00e9vu : {start} \u2013 {end}', en: 'Planned: {start} \u2013 {end}' },
  locked: {
    fr: 'Valid\u00e9e : pour la changer, demandez \u00e0 un manager.',
    en: 'Validated: ask a manager to change it.',
  },
} satisfies Record<string, { fr: string; en: string }>;

export type TextKey = keyof typeof TEXTS;
/** Keys with plural forms (`<key>_one` / `<key>_other`, chosen by `count`). */
export type PluralKey = 'validated_count';
export type TextVars = Record<string, string | number>;

const CATALOG: Record<string, { fr: string; en: string }> = TEXTS;

/** The text of `key` in `locale` with `{name}` replaced; `count` picks `_one` / `_other`. */
export function text(locale: string, key: TextKey | PluralKey, vars: TextVars = {}): string {
  let chosen: string = key;
  if (typeof vars.count === 'number' && `${key}_one` in CATALOG) {
    const rule = new Intl.PluralRules(locale === 'en' ? 'en' : 'fr').select(vars.count);
    chosen = `${key}_${rule === 'one' ? 'one' : 'other'}`;
  }
  const entry = CATALOG[chosen];
  const template = entry ? (locale === 'en' ? entry.en : entry.fr) : chosen;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The words of a line's status or of a history action (its code when unknown). */
export function codeLabel(locale: string, prefix: 'status' | 'action', code: string): string {
  const key = `${prefix}_${code}`;
  return key in CATALOG ? text(locale, key as TextKey) : code;
}
