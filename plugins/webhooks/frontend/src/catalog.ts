/**
 * The plugin's own words, French (default) and English: the web app's catalog holds
 * none of them (its API errors excepted: error_webhooks_*). Accents are escapes (the
 * repository's text is ASCII). Plain data and pure functions: the tests read it too.
 */

import { catalog, type CatalogKey, type Words } from '@coulisses/plugin-ui/catalog';

export const TEXTS = {
  title: { fr: 'Webhooks', en: 'Webhooks' },
  intro: {
    fr: "Chaque \u00e9v\u00e9nement de l'organisation (mission modifi\u00e9e, invitation accept\u00e9e\u2026) est envoy\u00e9, sign\u00e9, aux adresses ci-dessous, avec des reprises en cas d'\u00e9chec.",
    en: "Every event of the organisation (a mission changed, an invitation accepted\u2026) is sent, signed, to the addresses below, with retries when they fail.",
  },
  loading: { fr: 'Chargement des webhooks\u2026', en: 'Loading webhooks\u2026' },
  new_title: { fr: 'Nouvelle adresse', en: 'New endpoint' },
  url: { fr: 'Adresse (https://)', en: 'URL (https://)' },
  description: { fr: 'Description', en: 'Description' },
  events: { fr: '\u00c9v\u00e9nements envoy\u00e9s', en: 'Events sent' },
  all_events: { fr: 'Tous les \u00e9v\u00e9nements', en: 'All events' },
  events_required: { fr: 'Choisissez au moins un \u00e9v\u00e9nement.', en: 'Choose at least one event.' },
  create: { fr: 'Ajouter', en: 'Add' },
  secret_title: { fr: 'Secret de signature de {url}', en: 'Signing secret of {url}' },
  secret_hint: {
    fr: "Copiez-le maintenant dans le r\u00e9cepteur : il ne sera plus affich\u00e9.",
    en: 'Copy it to the receiver now: it will not be shown again.',
  },
  signature_hint: {
    fr: "Chaque requ\u00eate porte l'en-t\u00eate Coulisses-Signature : t=<secondes>,v1=<HMAC-SHA256 du secret sur \u00ab t.corps \u00bb> ; le r\u00e9cepteur la v\u00e9rifie avant de croire le contenu.",
    en: 'Every request carries the Coulisses-Signature header: t=<seconds>,v1=<HMAC-SHA256 of the secret over "t.body">; the receiver checks it before trusting the content.',
  },
  hide_secret: { fr: "C'est fait", en: 'Done' },
  endpoints_title: { fr: 'Adresses', en: 'Endpoints' },
  empty: { fr: 'Aucune adresse pour le moment.', en: 'No endpoint yet.' },
  active: { fr: 'Active', en: 'Active' },
  inactive: { fr: 'D\u00e9sactiv\u00e9e', en: 'Disabled' },
  failures_one: { fr: '{count} \u00e9chec de suite', en: '{count} failure in a row' },
  failures_other: { fr: '{count} \u00e9checs de suite', en: '{count} failures in a row' },
  enable: { fr: 'Activer', en: 'Enable' },
  disable: { fr: 'D\u00e9sactiver', en: 'Disable' },
  ping: { fr: 'Tester', en: 'Test' },
  ping_sent: {
    fr: 'Requ\u00eate de test envoy\u00e9e : suivez-la dans le journal.',
    en: 'Test request queued: follow it in the log.',
  },
  rotate: { fr: 'Nouveau secret', en: 'New secret' },
  rotate_title: { fr: 'Changer le secret de {url} ?', en: 'Change the secret of {url}?' },
  rotate_body: {
    fr: "L'ancien secret ne signera plus rien : mettez le nouveau dans le r\u00e9cepteur.",
    en: 'The old secret signs nothing any more: put the new one in the receiver.',
  },
  delete: { fr: 'Supprimer', en: 'Delete' },
  delete_title: { fr: 'Supprimer {url} ?', en: 'Delete {url}?' },
  delete_body: {
    fr: 'Son journal de livraisons est supprim\u00e9 aussi.',
    en: 'Its delivery log is deleted too.',
  },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  log: { fr: 'Journal', en: 'Log' },
  log_of: { fr: 'Journal des livraisons de {url}', en: 'Delivery log of {url}' },
  log_empty: { fr: 'Aucune livraison.', en: 'No delivery.' },
  col_event: { fr: '\u00c9v\u00e9nement', en: 'Event' },
  col_status: { fr: 'Statut', en: 'Status' },
  col_attempts: { fr: 'Essais', en: 'Attempts' },
  col_response: { fr: 'R\u00e9ponse', en: 'Response' },
  col_date: { fr: 'Date', en: 'Date' },
  status_pending: { fr: 'En attente', en: 'Pending' },
  status_delivered: { fr: 'Livr\u00e9e', en: 'Delivered' },
  status_failed: { fr: '\u00c9chou\u00e9e', en: 'Failed' },
  status_notice: { fr: 'Note', en: 'Notice' },
  redeliver: { fr: 'Renvoyer', en: 'Send again' },
  redeliver_of: { fr: 'Renvoyer {event}', en: 'Send {event} again' },
  actions_of: { fr: 'Actions pour {url}', en: 'Actions for {url}' },
} satisfies Words;

export const words = catalog(TEXTS);
export const { text, label } = words;
export type TextKey = CatalogKey<typeof TEXTS>;

/** The words of a delivery status (its code when the plugin has none). */
export function statusLabel(locale: string, status: string): string {
  return label(locale, 'status', status);
}
