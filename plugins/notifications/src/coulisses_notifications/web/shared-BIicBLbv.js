const C = "__coulisses_host__";
function h() {
  const e = globalThis[C];
  if (!e) throw new Error("Coulisses plugin module loaded outside the web app (no host)");
  return e;
}
const { jsx: D, jsxs: P, Fragment: B } = h().jsxRuntime, x = /* @__PURE__ */ new Map();
function w(e, n) {
  const t = e === "en" ? "en" : "fr";
  let a = x.get(t);
  return a === void 0 && (a = new Intl.PluralRules(t), x.set(t, a)), a.select(n) === "one" ? "one" : "other";
}
function S(e) {
  const n = e, t = (o) => Object.hasOwn(n, o), a = (o, d, i = {}) => {
    let u = d;
    typeof i.count == "number" && t(`${d}_one`) && (u = `${d}_${w(o, i.count)}`);
    const l = t(u) ? n[u] : void 0;
    return (l === void 0 ? u : o === "en" ? l.en : l.fr).replace(
      /\{(\w+)\}/g,
      (b, y) => Object.hasOwn(i, y) ? String(i[y]) : b
    );
  };
  return { text: a, label: (o, d, i, u = i) => {
    const l = `${d}_${i.replace(/\./g, "_")}`;
    return t(l) ? a(o, l) : u;
  }, has: t };
}
const c = h(), { api: r, useLocale: q, useDates: N, useLiveEvents: M } = c, { Link: K, useNavigate: Q, useParams: z, useSearchParams: O } = c.router, { useQuery: _, useMutation: f, useQueryClient: m } = c.query, { useDataTable: j, DataTable: H, TablePagination: U } = c.table, { z: V, useZodForm: G, useFormText: X, TIME_OF_DAY: Y } = c.forms, {
  Button: J,
  Card: Z,
  CardHeader: W,
  CardTitle: ee,
  CardDescription: ne,
  Alert: te,
  Spinner: ae,
  EmptyState: re,
  Input: se,
  Field: ie,
  Badge: oe,
  ConfirmDialog: ue,
  ErrorState: le
} = c.ui;
function A(e) {
  const { locale: n, tError: t } = q();
  return { locale: n, tError: t, t: (a, p) => e.text(n, a, p) };
}
const F = h().React, {
  Children: ce,
  Component: fe,
  Fragment: de,
  StrictMode: me,
  Suspense: ge,
  cloneElement: pe,
  createContext: _e,
  createElement: he,
  forwardRef: ye,
  isValidElement: xe,
  lazy: Ee,
  memo: ve,
  startTransition: Te,
  use: ke,
  useActionState: be,
  useCallback: Ce,
  useContext: we,
  useDeferredValue: Se,
  useEffect: qe,
  useId: Ae,
  useImperativeHandle: Fe,
  useLayoutEffect: Le,
  useMemo: Ie,
  useOptimistic: $e,
  useReducer: Re,
  useRef: De,
  useState: Pe,
  useSyncExternalStore: Be,
  useTransition: Ne
} = F, s = "/api/v1/notifications", g = ["notifications"], L = [...g, "pending-answers"], E = ["notifications-preferences"], v = ["notifications-telegram"];
function Me(e = !0) {
  return _({
    queryKey: g,
    queryFn: () => r.get(`${s}?page_size=50`),
    enabled: e,
    // The live stream invalidates this key; the poll is a fallback without it.
    staleTime: 3e4,
    refetchInterval: 12e4
  });
}
function Ke(e = !0) {
  return _({
    queryKey: L,
    queryFn: async () => {
      const n = await r.get("/api/v1/assignments?mine=true&status=INVITED&page_size=200");
      return new Set(n.items.map((t) => t.id));
    },
    enabled: e,
    staleTime: 15e3
  });
}
function Qe() {
  const e = m();
  return f({
    mutationFn: (n) => r.post(`${s}/${n}/read`),
    onSettled: () => e.invalidateQueries({ queryKey: g })
  });
}
function ze() {
  const e = m();
  return f({
    mutationFn: () => r.post(`${s}/read_all`),
    onSettled: () => e.invalidateQueries({ queryKey: g })
  });
}
async function I({ assignmentId: e, accept: n, notificationId: t }) {
  const a = `/api/v1/assignments/${e}`, p = await (n ? r.post(`${a}/accept`) : r.post(`${a}/decline`, {}));
  return await r.post(`${s}/${t}/read`), p;
}
function Oe() {
  const e = m();
  return f({
    mutationFn: I,
    onSettled: async () => {
      await Promise.all([
        e.invalidateQueries({ queryKey: g }),
        e.invalidateQueries({ queryKey: ["my-missions"] })
      ]);
    }
  });
}
function je() {
  return _({ queryKey: E, queryFn: () => r.get(`${s}/preferences`) });
}
function He() {
  const e = m();
  return f({
    mutationFn: (n) => r.put(`${s}/preferences`, n),
    onSuccess: (n) => e.setQueryData(E, n)
  });
}
function Ue() {
  return _({ queryKey: v, queryFn: () => r.get(`${s}/telegram/status`) });
}
function Ve() {
  return f({ mutationFn: () => r.post(`${s}/telegram/link_code`) });
}
function Ge() {
  const e = m();
  return f({
    mutationFn: () => r.delete(`${s}/telegram/link`),
    onSettled: () => e.invalidateQueries({ queryKey: v })
  });
}
const $ = {
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
}, T = S($), { text: Xe, label: k } = T;
function Ye(e, n) {
  return k(e, "kind", n);
}
function Je(e, n) {
  return k(e, "channel", n);
}
const Ze = () => A(T), We = "/plugins/notifications/inbox", en = "/plugins/notifications/preferences";
function nn(...e) {
  return e.filter(Boolean).join(" ");
}
export {
  te as A,
  J as B,
  ue as C,
  ne as D,
  le as E,
  Ye as F,
  Je as G,
  ie as H,
  We as I,
  se as J,
  Ue as K,
  K as L,
  Ve as M,
  Ge as N,
  en as P,
  ae as S,
  Y as T,
  Ie as a,
  M as b,
  Ze as c,
  N as d,
  Me as e,
  Pe as f,
  Ke as g,
  De as h,
  Ae as i,
  qe as j,
  P as k,
  D as l,
  nn as m,
  g as n,
  Qe as o,
  ze as p,
  re as q,
  Oe as r,
  je as s,
  He as t,
  m as u,
  X as v,
  G as w,
  Z as x,
  ee as y,
  V as z
};
