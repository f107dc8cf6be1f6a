/**
 * The plugin's own words, French (default) and English: the web app's catalog holds
 * none of them. Accents are escapes (the repository's text is ASCII). Plain data and
 * pure functions (no host): the end-to-end tests read it too.
 */

import { catalog, type CatalogKey, type Words } from '@coulisses/plugin-ui/catalog';

export const TEXTS = {
  title: { fr: 'Notifications', en: 'Notifications' },
  loading: { fr: 'Chargement des notifications\u2026', en: 'Loading notifications\u2026' },
  empty: { fr: 'Aucune notification.', en: 'No notifications.' },
  unread_one: { fr: '{count} notification non lue', en: '{count} unread notification' },
  unread_other: { fr: '{count} notifications non lues', en: '{count} unread notifications' },
  new: { fr: 'Nouveau :', en: 'New:' },
  mark_all: { fr: 'Tout marquer comme lu', en: 'Mark all as read' },
  mark_read: { fr: 'Marquer comme lu', en: 'Mark as read' },
  mark_read_of: { fr: 'Marquer \u00ab {title} \u00bb comme lu', en: 'Mark "{title}" as read' },
  see_all: { fr: 'Voir toutes les notifications', en: 'See all notifications' },
  accept: { fr: 'Accepter', en: 'Accept' },
  decline: { fr: 'Refuser', en: 'Decline' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  accept_of: { fr: 'Accepter : {title}', en: 'Accept: {title}' },
  decline_of: { fr: 'Refuser : {title}', en: 'Decline: {title}' },
  decline_confirm_title: { fr: 'Refuser cette mission ?', en: 'Decline this mission?' },
  answer_accepted: {
    fr: 'Invitation accept\u00e9e : la mission est dans votre planning.',
    en: 'Invitation accepted: the mission is in your schedule.',
  },
  answer_accepted_reserve: {
    fr: 'Invitation accept\u00e9e : vous \u00eates sur la liste de r\u00e9serve.',
    en: 'Invitation accepted: you are on the reserve list.',
  },
  answer_declined: { fr: 'Invitation refus\u00e9e.', en: 'Invitation declined.' },
  preferences_link: { fr: 'Pr\u00e9f\u00e9rences de notification', en: 'Notification settings' },
  // Preferences page.
  preferences_title: { fr: 'Pr\u00e9f\u00e9rences de notification', en: 'Notification settings' },
  preferences_loading: { fr: 'Chargement des pr\u00e9f\u00e9rences\u2026', en: 'Loading settings\u2026' },
  channels_title: { fr: 'Canaux par type de message', en: 'Channels per kind of message' },
  channels_hint: {
    fr: 'Une invitation et une promotion depuis la r\u00e9serve vous parviennent toujours par au moins un canal.',
    en: 'An invitation and a promotion from the reserve always reach you on at least one channel.',
  },
  channel_email: { fr: 'E-mail', en: 'Email' },
  channel_telegram: { fr: 'Telegram', en: 'Telegram' },
  channel_in_app: { fr: 'Dans l\u2019application', en: 'In the app' },
  kind_invitation: { fr: 'Invitations', en: 'Invitations' },
  kind_reminder: { fr: 'Rappels', en: 'Reminders' },
  kind_mission_changed: { fr: 'Missions modifi\u00e9es', en: 'Changed missions' },
  kind_assignment_cancelled: { fr: 'Affectations annul\u00e9es', en: 'Cancelled assignments' },
  kind_assignment_promoted: { fr: 'Promotions depuis la r\u00e9serve', en: 'Promotions from the reserve' },
  kind_answer_received: { fr: 'R\u00e9ponses re\u00e7ues', en: 'Answers received' },
  kind_certifications: { fr: 'Habilitations \u00e0 renouveler', en: 'Certifications to renew' },
  language_label: { fr: 'Langue des messages', en: 'Language of messages' },
  language_org: { fr: 'Celle de l\u2019organisation', en: 'The organization\u2019s' },
  language_fr: { fr: 'Fran\u00e7ais', en: 'French' },
  language_en: { fr: 'Anglais', en: 'English' },
  quiet_title: { fr: 'Heures calmes', en: 'Quiet hours' },
  quiet_hint: {
    fr: 'Les messages non urgents attendent la fin des heures calmes ({zone}).',
    en: 'Messages that are not urgent wait for the end of quiet hours ({zone}).',
  },
  quiet_from_org: { fr: 'Utiliser les heures de l\u2019organisation', en: 'Use the organization\u2019s hours' },
  quiet_start: { fr: 'D\u00e9but', en: 'Start' },
  quiet_end: { fr: 'Fin', en: 'End' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'Pr\u00e9f\u00e9rences enregistr\u00e9es.', en: 'Settings saved.' },
  telegram_title: { fr: 'Telegram', en: 'Telegram' },
  telegram_unavailable: {
    fr: 'Aucun bot Telegram n\u2019est configur\u00e9 sur ce serveur.',
    en: 'No Telegram bot is configured on this server.',
  },
  telegram_linked: { fr: 'Votre compte Telegram est li\u00e9.', en: 'Your Telegram account is linked.' },
  telegram_linked_as: { fr: 'Li\u00e9 \u00e0 @{username}.', en: 'Linked to @{username}.' },
  telegram_linked_at: { fr: 'Depuis le {date}.', en: 'Since {date}.' },
  telegram_not_linked: {
    fr: 'Aucun compte Telegram li\u00e9 : recevez vos messages dans Telegram en liant votre compte.',
    en: 'No Telegram account linked: get your messages in Telegram by linking your account.',
  },
  telegram_get_code: { fr: 'Obtenir un code de liaison', en: 'Get a link code' },
  telegram_code: { fr: 'Code de liaison : {code}', en: 'Link code: {code}' },
  telegram_code_hint: {
    fr: 'Envoyez \u00ab /start {code} \u00bb \u00e0 @{bot} dans Telegram. Le code expire dans {hours} h.',
    en: 'Send "/start {code}" to @{bot} in Telegram. The code expires in {hours} h.',
  },
  telegram_code_hint_nobot: {
    fr: 'Envoyez \u00ab /start {code} \u00bb au bot Telegram de l\u2019organisation. Le code expire dans {hours} h.',
    en: 'Send "/start {code}" to the organization\u2019s Telegram bot. The code expires in {hours} h.',
  },
  telegram_open: { fr: 'Ouvrir Telegram', en: 'Open Telegram' },
  telegram_unlink: { fr: 'D\u00e9lier Telegram', en: 'Unlink Telegram' },
  telegram_unlink_confirm: { fr: 'D\u00e9lier votre compte Telegram ?', en: 'Unlink your Telegram account?' },
  telegram_unlinked: { fr: 'Compte Telegram d\u00e9li\u00e9.', en: 'Telegram account unlinked.' },
  back_to_inbox: { fr: 'Retour aux notifications', en: 'Back to notifications' },
} satisfies Words;

export const words = catalog(TEXTS);
export const { text, label } = words;
export type TextKey = CatalogKey<typeof TEXTS>;

/** The label of a notification kind (its code when the plugin has no words for it). */
export function kindLabel(locale: string, kind: string): string {
  return label(locale, 'kind', kind);
}

export function channelLabel(locale: string, channel: string): string {
  return label(locale, 'channel', channel);
}
