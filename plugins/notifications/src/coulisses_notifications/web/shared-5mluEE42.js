const E = "__coulisses_host__";
function g() {
  const e = globalThis[E];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: S, jsxs: q, Fragment: b } = g().jsxRuntime, i = g(), { api: a, useLocale: x, useDates: w, useLiveEvents: F } = i, { Link: I, useNavigate: L, useParams: $, useSearchParams: D } = i.router, { useQuery: d, useMutation: o, useQueryClient: c } = i.query, { useDataTable: R, DataTable: B, TablePagination: N } = i.table, { z: P, useZodForm: K, useFormText: M, TIME_OF_DAY: Q } = i.forms, {
  Button: z,
  Card: O,
  CardHeader: H,
  CardTitle: U,
  CardDescription: j,
  Alert: V,
  Spinner: G,
  EmptyState: X,
  Input: Y,
  Field: J,
  Badge: Z,
  ConfirmDialog: W,
  ErrorState: ee
} = i.ui, v = g().React, {
  Children: ne,
  Component: te,
  Fragment: ae,
  StrictMode: re,
  Suspense: se,
  cloneElement: ie,
  createContext: oe,
  createElement: ue,
  forwardRef: ce,
  isValidElement: le,
  lazy: fe,
  memo: de,
  startTransition: me,
  use: ge,
  useActionState: pe,
  useCallback: _e,
  useContext: ye,
  useDeferredValue: he,
  useEffect: Ee,
  useId: xe,
  useImperativeHandle: ve,
  useLayoutEffect: Te,
  useMemo: ke,
  useOptimistic: Ce,
  useReducer: Ae,
  useRef: Se,
  useState: qe,
  useSyncExternalStore: be,
  useTransition: we
} = v, r = "/api/v1/notifications", l = ["notifications"], T = [...l, "pending-answers"], y = ["notifications-preferences"], h = ["notifications-telegram"];
function Fe(e = !0) {
  return d({
    queryKey: l,
    queryFn: () => a.get(`${r}?page_size=50`),
    enabled: e,
    // The live stream invalidates this key; the poll is a fallback without it.
    staleTime: 3e4,
    refetchInterval: 12e4
  });
}
function Ie(e = !0) {
  return d({
    queryKey: T,
    queryFn: async () => {
      const n = await a.get("/api/v1/assignments?mine=true&status=INVITED&page_size=200");
      return new Set(n.items.map((t) => t.id));
    },
    enabled: e,
    staleTime: 15e3
  });
}
function Le() {
  const e = c();
  return o({
    mutationFn: (n) => a.post(`${r}/${n}/read`),
    onSettled: () => e.invalidateQueries({ queryKey: l })
  });
}
function $e() {
  const e = c();
  return o({
    mutationFn: () => a.post(`${r}/read_all`),
    onSettled: () => e.invalidateQueries({ queryKey: l })
  });
}
async function k({ assignmentId: e, accept: n, notificationId: t }) {
  const s = `/api/v1/assignments/${e}`, u = await (n ? a.post(`${s}/accept`) : a.post(`${s}/decline`, {}));
  return await a.post(`${r}/${t}/read`), u;
}
function De() {
  const e = c();
  return o({
    mutationFn: k,
    onSettled: async () => {
      await Promise.all([
        e.invalidateQueries({ queryKey: l }),
        e.invalidateQueries({ queryKey: ["my-missions"] })
      ]);
    }
  });
}
function Re() {
  return d({ queryKey: y, queryFn: () => a.get(`${r}/preferences`) });
}
function Be() {
  const e = c();
  return o({
    mutationFn: (n) => a.put(`${r}/preferences`, n),
    onSuccess: (n) => e.setQueryData(y, n)
  });
}
function Ne() {
  return d({ queryKey: h, queryFn: () => a.get(`${r}/telegram/status`) });
}
function Pe() {
  return o({ mutationFn: () => a.post(`${r}/telegram/link_code`) });
}
function Ke() {
  const e = c();
  return o({
    mutationFn: () => a.delete(`${r}/telegram/link`),
    onSettled: () => e.invalidateQueries({ queryKey: h })
  });
}
const C = {
  title: { fr: "Notifications", en: "Notifications" },
  loading: { fr: "Chargement des notifications\u2026", en: "Loading notifications\u2026" },
  empty: { fr: "Aucune notification.", en: "No notifications." },
  unread_one: { fr: "{count} notification non lue", en: "{count} unread notification" },
  unread_other: { fr: "{count} notifications non lues", en: "{count} unread notifications" },
  new: { fr: "Nouveau :", en: "New:" },
  mark_all: { fr: "Tout marquer comme lu", en: "Mark all as read" },
  mark_read: { fr: "Marquer comme lu", en: "Mark as read" },
  mark_read_of: { fr: "Marquer \xAB {title} \xBB comme lu", en: 'Mark "{title}" as read' },
  see_all: { fr: "Voir toutes les notifications", en: "See all notifications" },
  accept: { fr: "Accepter", en: "Accept" },
  decline: { fr: "Refuser", en: "Decline" },
  cancel: { fr: "Annuler", en: "Cancel" },
  accept_of: { fr: "Accepter : {title}", en: "Accept: {title}" },
  decline_of: { fr: "Refuser : {title}", en: "Decline: {title}" },
  decline_confirm_title: { fr: "Refuser cette mission ?", en: "Decline this mission?" },
  answer_accepted: {
    fr: "Invitation accept\xE9e : la mission est dans votre planning.",
    en: "Invitation accepted: the mission is in your schedule."
  },
  answer_accepted_reserve: {
    fr: "Invitation accept\xE9e : vous \xEAtes sur la liste de r\xE9serve.",
    en: "Invitation accepted: you are on the reserve list."
  },
  answer_declined: { fr: "Invitation refus\xE9e.", en: "Invitation declined." },
  preferences_link: { fr: "Pr\xE9f\xE9rences de notification", en: "Notification settings" },
  // Preferences page.
  preferences_title: { fr: "Pr\xE9f\xE9rences de notification", en: "Notification settings" },
  preferences_loading: { fr: "Chargement des pr\xE9f\xE9rences\u2026", en: "Loading settings\u2026" },
  channels_title: { fr: "Canaux par type de message", en: "Channels per kind of message" },
  channels_hint: {
    fr: "Une invitation et une promotion depuis la r\xE9serve vous parviennent toujours par au moins un canal.",
    en: "An invitation and a promotion from the reserve always reach you on at least one channel."
  },
  channel_email: { fr: "E-mail", en: "Email" },
  channel_telegram: { fr: "Telegram", en: "Telegram" },
  channel_in_app: { fr: "Dans l\u2019application", en: "In the app" },
  kind_invitation: { fr: "Invitations", en: "Invitations" },
  kind_reminder: { fr: "Rappels", en: "Reminders" },
  kind_mission_changed: { fr: "Missions modifi\xE9es", en: "Changed missions" },
  kind_assignment_cancelled: { fr: "Affectations annul\xE9es", en: "Cancelled assignments" },
  kind_assignment_promoted: { fr: "Promotions depuis la r\xE9serve", en: "Promotions from the reserve" },
  kind_answer_received: { fr: "R\xE9ponses re\xE7ues", en: "Answers received" },
  kind_certifications: { fr: "Habilitations \xE0 renouveler", en: "Certifications to renew" },
  language_label: { fr: "Langue des messages", en: "Language of messages" },
  language_org: { fr: "Celle de l\u2019organisation", en: "The organization\u2019s" },
  language_fr: { fr: "Fran\xE7ais", en: "French" },
  language_en: { fr: "Anglais", en: "English" },
  quiet_title: { fr: "Heures calmes", en: "Quiet hours" },
  quiet_hint: {
    fr: "Les messages non urgents attendent la fin des heures calmes ({zone}).",
    en: "Messages that are not urgent wait for the end of quiet hours ({zone})."
  },
  quiet_from_org: { fr: "Utiliser les heures de l\u2019organisation", en: "Use the organization\u2019s hours" },
  quiet_start: { fr: "D\xE9but", en: "Start" },
  quiet_end: { fr: "Fin", en: "End" },
  save: { fr: "Enregistrer", en: "Save" },
  saved: { fr: "Pr\xE9f\xE9rences enregistr\xE9es.", en: "Settings saved." },
  telegram_title: { fr: "Telegram", en: "Telegram" },
  telegram_unavailable: {
    fr: "Aucun bot Telegram n\u2019est configur\xE9 sur ce serveur.",
    en: "No Telegram bot is configured on this server."
  },
  telegram_linked: { fr: "Votre compte Telegram est li\xE9.", en: "Your Telegram account is linked." },
  telegram_linked_as: { fr: "Li\xE9 \xE0 @{username}.", en: "Linked to @{username}." },
  telegram_linked_at: { fr: "Depuis le {date}.", en: "Since {date}." },
  telegram_not_linked: {
    fr: "Aucun compte Telegram li\xE9 : recevez vos messages dans Telegram en liant votre compte.",
    en: "No Telegram account linked: get your messages in Telegram by linking your account."
  },
  telegram_get_code: { fr: "Obtenir un code de liaison", en: "Get a link code" },
  telegram_code: { fr: "Code de liaison : {code}", en: "Link code: {code}" },
  telegram_code_hint: {
    fr: "Envoyez \xAB /start {code} \xBB \xE0 @{bot} dans Telegram. Le code expire dans {hours} h.",
    en: 'Send "/start {code}" to @{bot} in Telegram. The code expires in {hours} h.'
  },
  telegram_code_hint_nobot: {
    fr: "Envoyez \xAB /start {code} \xBB au bot Telegram de l\u2019organisation. Le code expire dans {hours} h.",
    en: 'Send "/start {code}" to the organization\u2019s Telegram bot. The code expires in {hours} h.'
  },
  telegram_open: { fr: "Ouvrir Telegram", en: "Open Telegram" },
  telegram_unlink: { fr: "D\xE9lier Telegram", en: "Unlink Telegram" },
  telegram_unlink_confirm: { fr: "D\xE9lier votre compte Telegram ?", en: "Unlink your Telegram account?" },
  telegram_unlinked: { fr: "Compte Telegram d\xE9li\xE9.", en: "Telegram account unlinked." },
  back_to_inbox: { fr: "Retour aux notifications", en: "Back to notifications" }
}, f = C;
function p(e, n, t = {}) {
  let s = n;
  if (typeof t.count == "number" && `${n}_one` in f) {
    const m = new Intl.PluralRules(e === "en" ? "en" : "fr").select(t.count);
    s = `${n}_${m === "one" ? "one" : "other"}`;
  }
  const u = f[s];
  return (u ? e === "en" ? u.en : u.fr : s).replace(/\{(\w+)\}/g, (m, _) => _ in t ? String(t[_]) : m);
}
function Me(e, n) {
  const t = `kind_${n}`;
  return t in f ? p(e, t) : n;
}
function Qe(e, n) {
  const t = `channel_${n}`;
  return t in f ? p(e, t) : n;
}
function ze() {
  const { locale: e, tError: n } = x();
  return { locale: e, tError: n, t: (t, s) => p(e, t, s) };
}
const Oe = "/plugins/notifications/inbox", He = "/plugins/notifications/preferences";
function Ue(...e) {
  return e.filter(Boolean).join(" ");
}
export {
  V as A,
  z as B,
  W as C,
  j as D,
  ee as E,
  Me as F,
  Qe as G,
  J as H,
  Oe as I,
  Y as J,
  Ne as K,
  I as L,
  Pe as M,
  Ke as N,
  He as P,
  G as S,
  Q as T,
  ke as a,
  F as b,
  ze as c,
  w as d,
  Fe as e,
  qe as f,
  Ie as g,
  Se as h,
  xe as i,
  Ee as j,
  q as k,
  S as l,
  Ue as m,
  l as n,
  Le as o,
  $e as p,
  X as q,
  De as r,
  Re as s,
  Be as t,
  c as u,
  M as v,
  K as w,
  O as x,
  U as y,
  P as z
};
