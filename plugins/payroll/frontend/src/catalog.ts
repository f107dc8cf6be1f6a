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
  exports_title: { fr: 'Exports de paie', en: 'Payroll exports' },
  exports_hint: {
    fr: 'Les fichiers sont pr\u00e9par\u00e9s en arri\u00e8re-plan puis gard\u00e9s 7 jours.',
    en: 'Files are made in the background, then kept for 7 days.',
  },
  exports_tech_hint: {
    fr: 'Exportez votre relev\u00e9 du mois : vos lignes de paie, vos heures, votre brut.',
    en: 'Export your statement of the month: your pay lines, hours and gross.',
  },
  exports_month: { fr: 'Mois', en: 'Month' },
  exports_excel_fr: { fr: 'CSV pour Excel (point-virgule, virgule d\u00e9cimale)', en: 'CSV for French Excel (semicolons, decimal comma)' },
  export_totals_csv: { fr: 'Totaux CSV', en: 'Totals CSV' },
  export_totals_xlsx: { fr: 'Totaux XLSX', en: 'Totals XLSX' },
  export_statements_pdf: { fr: 'Relev\u00e9s PDF', en: 'Statements PDF' },
  export_office_csv: { fr: 'Cabinet de paie CSV', en: 'Payroll office CSV' },
  export_office_xlsx: { fr: 'Cabinet de paie XLSX', en: 'Payroll office XLSX' },
  export_mine_pdf: { fr: 'Mon relev\u00e9 PDF', en: 'My statement PDF' },
  export_mine_csv: { fr: 'Mon relev\u00e9 CSV', en: 'My statement CSV' },
  export_queued_note: { fr: 'Export demand\u00e9 : il appara\u00eet ci-dessous.', en: 'Export requested: it appears below.' },
  exports_recent: { fr: 'Exports r\u00e9cents', en: 'Recent exports' },
  exports_empty: { fr: 'Aucun export pour l\u2019instant.', en: 'No export yet.' },
  exports_loading: { fr: 'Chargement des exports\u2026', en: 'Loading exports\u2026' },
  col_export: { fr: 'Export', en: 'Export' },
  exports_asked_at: { fr: 'Demand\u00e9 le', en: 'Asked on' },
  col_month: { fr: 'Mois', en: 'Month' },
  col_file: { fr: 'Fichier', en: 'File' },
  kind_monthly_totals: { fr: 'Totaux du mois', en: 'Monthly totals' },
  kind_payroll_office: { fr: 'Cabinet de paie', en: 'Payroll office' },
  kind_statement: { fr: 'Relev\u00e9', en: 'Statement' },
  export_status_queued: { fr: 'En file', en: 'Queued' },
  export_status_running: { fr: 'En cours ({progress} %)', en: 'Running ({progress} %)' },
  export_status_done: { fr: 'Pr\u00eat', en: 'Ready' },
  export_status_failed: { fr: '\u00c9chec', en: 'Failed' },
  export_expired: { fr: 'Expir\u00e9', en: 'Expired' },
  download: { fr: 'T\u00e9l\u00e9charger', en: 'Download' },
  download_of: { fr: 'T\u00e9l\u00e9charger {file}', en: 'Download {file}' },
  intermittents_title: { fr: 'Intermittents', en: 'Intermittents' },
  intermittents_loading: { fr: 'Chargement du suivi des 507 h\u2026', en: 'Loading the 507 h tracker\u2026' },
  intermittents_hint: {
    fr: 'Heures des 365 jours qui finissent \u00e0 la date choisie : missions accept\u00e9es (r\u00e9el valid\u00e9, sinon pr\u00e9vu), 12 h par cachet d\u2019un artiste, plus les heures d\u00e9clar\u00e9es ailleurs.',
    en: 'Hours of the 365 days ending on the chosen date: accepted missions (validated actual, else planned), 12 h per cachet of an artist, plus the hours declared elsewhere.',
  },
  intermittents_tech_hint: {
    fr: 'Vos heures pour les 507 h : missions accept\u00e9es ici et heures d\u00e9clar\u00e9es ailleurs. France Travail d\u00e9cide.',
    en: 'Your hours towards the 507 h: missions accepted here and hours declared elsewhere. France Travail decides.',
  },
  intermittents_empty: { fr: 'Aucun intermittent dans cette organisation.', en: 'No intermittent in this organisation.' },
  intermittents_all_reached: { fr: 'Tout le monde a atteint le seuil.', en: 'Everyone has reached the threshold.' },
  as_of: { fr: 'Au', en: 'As of' },
  short_only: { fr: 'Seulement ceux sous le seuil', en: 'Only those below the threshold' },
  window: { fr: 'Du {from} au {to}', en: 'From {from} to {to}' },
  col_annexe: { fr: 'Annexe', en: 'Annex' },
  col_here: { fr: 'Ici', en: 'Here' },
  col_cachets: { fr: 'Cachets', en: 'Cachets' },
  col_elsewhere: { fr: 'Ailleurs', en: 'Elsewhere' },
  col_total: { fr: 'Total', en: 'Total' },
  col_missing: { fr: 'Manque', en: 'Missing' },
  annexe_8: { fr: 'Annexe 8 (technicien)', en: 'Annex 8 (technician)' },
  annexe_10: { fr: 'Annexe 10 (artiste)', en: 'Annex 10 (artist)' },
  hours_value: { fr: '{hours} h', en: '{hours} h' },
  cachets_value: { fr: '{count} ({hours} h)', en: '{count} ({hours} h)' },
  reached: { fr: 'Atteint', en: 'Reached' },
  below: { fr: 'Sous le seuil', en: 'Below the threshold' },
  progress_of: { fr: '{total} h sur {threshold} h', en: '{total} h of {threshold} h' },
  details: { fr: 'D\u00e9tail', en: 'Details' },
  details_of: { fr: 'D\u00e9tail des heures de {name}', en: 'Hours of {name} in detail' },
  profile_of: { fr: 'Modifier le profil de {name}', en: 'Edit the profile of {name}' },
  counted_empty: { fr: 'Aucune mission compt\u00e9e sur la p\u00e9riode.', en: 'No mission counted in the period.' },
  source_actual: { fr: 'R\u00e9el valid\u00e9', en: 'Validated actual' },
  source_planned: { fr: 'Pr\u00e9vu', en: 'Planned' },
  source_cachet: { fr: 'Cachet', en: 'Cachet' },
  annexe: { fr: 'Annexe', en: 'Annex' },
  elsewhere_hours: { fr: 'Heures d\u00e9clar\u00e9es ailleurs', en: 'Hours declared elsewhere' },
  elsewhere_note: { fr: 'D\u2019o\u00f9 viennent ces heures (employeurs, dates)', en: 'Where these hours come from (employers, dates)' },
  profile_saved: { fr: 'Profil enregistr\u00e9.', en: 'Profile saved.' },
  engagements_title: { fr: 'Engagements et DPAE', en: 'Engagements and DPAE' },
  engagements_hint: {
    fr: 'Missions accept\u00e9es cons\u00e9cutives d\u2019un intermittent sur un projet : un CDDU, une DPAE \u00e0 d\u00e9poser au plus tard au premier jour.',
    en: 'An intermittent\u2019s consecutive accepted missions on a project: one CDDU, one DPAE to file by the first day at the latest.',
  },
  engagements_loading: { fr: 'Chargement des engagements\u2026', en: 'Loading engagements\u2026' },
  engagements_empty: { fr: 'Aucun engagement sur la p\u00e9riode.', en: 'No engagement in the period.' },
  engagements_none_overdue: { fr: 'Aucune DPAE en retard.', en: 'No overdue DPAE.' },
  overdue_only: { fr: 'Seulement les DPAE en retard', en: 'Only overdue DPAE' },
  engagement_days: { fr: 'Du {first} au {last} \u00b7 {count} missions', en: 'From {first} to {last} \u00b7 {count} missions' },
  dpae_not_yet_open: { fr: '\u00c0 d\u00e9poser \u00e0 partir du {date}', en: 'To file from {date}' },
  dpae_to_declare: { fr: '\u00c0 d\u00e9poser avant le {date}', en: 'To file before {date}' },
  dpae_overdue: { fr: 'DPAE en retard (d\u00fbe le {date})', en: 'DPAE overdue (due {date})' },
  dpae_declared: { fr: 'DPAE d\u00e9pos\u00e9e le {date}', en: 'DPAE filed on {date}' },
  dpae_reference: { fr: 'R\u00e9f. {reference}', en: 'Ref. {reference}' },
  dpae_record: { fr: 'Noter la DPAE', en: 'Record the DPAE' },
  dpae_record_of: { fr: 'Noter la DPAE de {name} ({project})', en: 'Record the DPAE of {name} ({project})' },
  dpae_remove: { fr: 'Retirer', en: 'Remove' },
  dpae_remove_of: { fr: 'Retirer la DPAE de {name} ({project})', en: 'Remove the DPAE of {name} ({project})' },
  dpae_remove_confirm: { fr: 'Retirer cette DPAE ? L\u2019engagement redevient \u00e0 d\u00e9clarer.', en: 'Remove this DPAE? The engagement is to declare again.' },
  dpae_reference_field: { fr: 'Num\u00e9ro d\u2019accus\u00e9 URSSAF', en: 'URSSAF acknowledgement number' },
  dpae_declared_on: { fr: 'D\u00e9pos\u00e9e le', en: 'Filed on' },
  dashboard_dpae_title: { fr: 'DPAE des intermittents', en: 'Intermittents\u2019 DPAE' },
  dashboard_dpae_overdue_one: { fr: '{count} DPAE en retard : le travail a commenc\u00e9.', en: '{count} DPAE overdue: work has started.' },
  dashboard_dpae_overdue_other: { fr: '{count} DPAE en retard : le travail a commenc\u00e9.', en: '{count} DPAE overdue: work has started.' },
  dashboard_dpae_due_one: { fr: '{count} DPAE \u00e0 d\u00e9poser maintenant.', en: '{count} DPAE to file now.' },
  dashboard_dpae_due_other: { fr: '{count} DPAE \u00e0 d\u00e9poser maintenant.', en: '{count} DPAE to file now.' },
  dashboard_dpae_more: { fr: 'et {count} de plus', en: 'and {count} more' },
  dashboard_dpae_open: { fr: 'Ouvrir les engagements', en: 'Open the engagements' },
  identity_title: { fr: 'Identit\u00e9 de l\u2019employeur', en: 'Employer identity' },
  identity_hint: {
    fr: 'Ce qu\u2019impriment les AEM et les contrats. Le SIRET est v\u00e9rifi\u00e9 par sa cl\u00e9.',
    en: 'What AEMs and contracts print. The SIRET is checked by its key.',
  },
  identity_read_only: { fr: 'Seul un administrateur peut la modifier.', en: 'Only an administrator can change it.' },
  identity_missing: { fr: '\u00c0 compl\u00e9ter : {fields}', en: 'To fill in: {fields}' },
  identity_complete: { fr: 'Identit\u00e9 compl\u00e8te.', en: 'Identity complete.' },
  identity_saved: { fr: 'Identit\u00e9 enregistr\u00e9e.', en: 'Identity saved.' },
  field_legal_name: { fr: 'Raison sociale', en: 'Legal name' },
  field_address: { fr: 'Adresse', en: 'Address' },
  field_siret: { fr: 'SIRET', en: 'SIRET' },
  field_ape: { fr: 'Code APE', en: 'APE code' },
  field_idcc: { fr: 'IDCC', en: 'IDCC' },
  field_guso: { fr: 'Embauche par le GUSO', en: 'Hires through the GUSO' },
  licence_1: { fr: 'Licence cat\u00e9gorie 1 (exploitant de lieu)', en: 'Licence category 1 (venue)' },
  licence_2: { fr: 'Licence cat\u00e9gorie 2 (producteur)', en: 'Licence category 2 (producer)' },
  licence_3: { fr: 'Licence cat\u00e9gorie 3 (diffuseur)', en: 'Licence category 3 (presenter)' },
  failure_payroll_no_rule_set: {
    fr: 'Aucune r\u00e8gle de paie en vigueur pour ce mois : ajoutez une version.',
    en: 'No pay rules in force for this month: add a version.',
  },
  failure_payroll_invalid_work_item: {
    fr: 'Une affectation du mois ne peut pas \u00eatre pay\u00e9e : v\u00e9rifiez son tarif.',
    en: 'An assignment of the month cannot be paid: check its rate.',
  },
  failure_payroll_export_failed: {
    fr: 'L\u2019export a \u00e9chou\u00e9 : r\u00e9essayez ou pr\u00e9venez un administrateur.',
    en: 'The export failed: try again or tell an administrator.',
  },
  failure_other: { fr: 'L\u2019export a \u00e9chou\u00e9 ({code}).', en: 'The export failed ({code}).' },
} satisfies Record<string, { fr: string; en: string }>;

export type TextKey = keyof typeof TEXTS;
/** Keys with plural forms (`<key>_one` / `<key>_other`, chosen by `count`). */
export type PluralKey = 'validated_count' | 'dashboard_dpae_overdue' | 'dashboard_dpae_due';
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

/** Why an export failed, from its stored `error_code`. */
export function failureText(locale: string, code: string | null): string {
  const key = `failure_${(code ?? '').replace(/\./g, '_')}`;
  return key in CATALOG ? text(locale, key as TextKey) : text(locale, 'failure_other', { code: code ?? '' });
}

/** The words of a line's status or of a history action (its code when unknown). */
export function codeLabel(locale: string, prefix: 'status' | 'action', code: string): string {
  const key = `${prefix}_${code}`;
  return key in CATALOG ? text(locale, key as TextKey) : code;
}
