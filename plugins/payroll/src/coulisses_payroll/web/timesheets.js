import { u as w, q as U, d as K, j as i, e as t, S as E, k as I, W as F, l as M, C as Q, g as ee, h as te, a as ae, X as ne, i as v, I as D, B as N, N as re, A as j, s as se, Y as q, Z as oe, _ as ie, $ as ce, F as le, a0 as de } from "./shared-BXgAEld1.js";
import { u as _ } from "./shared-DlOnfZ9F.js";
function V(e, n) {
  const r = new Intl.DateTimeFormat("en-CA", {
    timeZone: n,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit"
  }), a = {};
  for (const o of r.formatToParts(e)) a[o.type] = Number(o.value);
  return { year: a.year ?? 1970, month: a.month ?? 1, day: a.day ?? 1, hour: a.hour ?? 0, minute: a.minute ?? 0 };
}
function z(e) {
  const [n = 1970, r = 1, a = 1] = e.split("-").map(Number);
  return [n, r, a];
}
function Z(e) {
  const [n = 0, r = 0] = e.split(":").map(Number);
  return [n, r];
}
const O = 864e5, k = (e) => String(e).padStart(2, "0");
function $(e, n) {
  const r = V(new Date(e), n);
  return { date: `${r.year}-${k(r.month)}-${k(r.day)}`, time: `${k(r.hour)}:${k(r.minute)}` };
}
function R(e, n) {
  const r = V(new Date(e), n), a = Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute);
  return Math.round((a - Math.floor(e / 6e4) * 6e4) / 6e4);
}
function A(e, n, r) {
  const [a, o, c] = z(e), [s, d] = Z(n), h = Date.UTC(a, o - 1, c, s, d), S = R(h - O, r), b = R(h + O, r), T = [.../* @__PURE__ */ new Set([S, b])].map((f) => h - f * 6e4).filter((f) => {
    const l = $(new Date(f).toISOString(), r);
    return l.date === e && l.time === n;
  }).sort((f, l) => f - l);
  return new Date(T[0] ?? h - S * 6e4).toISOString();
}
function B(e) {
  const [n, r, a] = z(e);
  return new Date(Date.UTC(n, r - 1, a + 1)).toISOString().slice(0, 10);
}
function me(e, n, r, a) {
  const o = $(e, n);
  let c = o.date;
  C(r) - C(o.time) > 720 ? c = ue(o.date) : C(o.time) - C(r) > 720 && (c = B(o.date));
  const s = C(a) <= C(r) ? B(c) : c;
  return { start: A(c, r, n), end: A(s, a, n) };
}
function ue(e) {
  const [n, r, a] = z(e);
  return new Date(Date.UTC(n, r - 1, a - 1)).toISOString().slice(0, 10);
}
function C(e) {
  const [n, r] = Z(e);
  return n * 60 + r;
}
function he(e) {
  const n = Math.floor(e / 60), r = e % 60;
  return r ? `${n} h ${k(r)}` : `${n} h`;
}
const pe = { draft: "neutral", submitted: "info", validated: "success" }, fe = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm";
function x(e, n) {
  return $(e, n).time;
}
function ge(e, n, r) {
  return new Date(e).toLocaleDateString(r === "en" ? "en-GB" : "fr-FR", {
    timeZone: n,
    weekday: "long",
    day: "numeric",
    month: "long"
  });
}
function H({ line: e }) {
  const { locale: n } = w();
  return /* @__PURE__ */ t(se, { variant: pe[e.status], children: q(n, "status", e.status) });
}
function ye(e) {
  return `${x(e.planned_start, e.timezone)} \u2013 ${x(e.planned_end, e.timezone)}`;
}
function Y(e, n) {
  return !e.actual_start || !e.actual_end ? n : `${x(e.actual_start, e.timezone)} \u2013 ${x(e.actual_end, e.timezone)}`;
}
function G({ line: e, correcting: n = !1, onDone: r }) {
  const { t: a, tError: o } = w(), c = oe(), s = ie(), d = n ? s : c, [h, S] = _(x(e.actual_start ?? e.planned_start, e.timezone)), [b, T] = _(x(e.actual_end ?? e.planned_end, e.timezone)), [f, l] = _(String(e.break_minutes)), [g, u] = _(e.comment), [y, W] = _(""), [X, P] = _(!1), J = () => {
    const m = me(e.planned_start, e.timezone, h, b), p = {
      actual_start: m.start,
      actual_end: m.end,
      break_minutes: Number(f) || 0,
      comment: g
    }, L = {
      onSuccess: () => {
        P(!0), r?.();
      }
    };
    P(!1), n ? s.mutate({ assignmentId: e.assignment_id, values: p, reason: y }, L) : c.mutate({ assignmentId: e.assignment_id, values: p }, L);
  };
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": n ? a("correct_of", { name: e.user_name }) : a("edit_of", { name: e.user_name }),
      className: "space-y-3",
      onSubmit: (m) => {
        m.preventDefault(), J();
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid grid-cols-2 gap-3", children: [
          /* @__PURE__ */ t(v, { label: a("start"), children: (m) => /* @__PURE__ */ t(D, { ...m, type: "time", required: !0, value: h, onChange: (p) => S(p.target.value) }) }),
          /* @__PURE__ */ t(v, { label: a("end"), children: (m) => /* @__PURE__ */ t(D, { ...m, type: "time", required: !0, value: b, onChange: (p) => T(p.target.value) }) })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: a("end_next_day") }),
        /* @__PURE__ */ t(v, { label: a("breaks"), children: (m) => /* @__PURE__ */ t(
          D,
          {
            ...m,
            type: "number",
            inputMode: "numeric",
            min: 0,
            max: 1440,
            step: 5,
            value: f,
            onChange: (p) => l(p.target.value)
          }
        ) }),
        /* @__PURE__ */ t(v, { label: a("comment"), children: (m) => /* @__PURE__ */ t(D, { ...m, maxLength: 2e3, value: g, onChange: (p) => u(p.target.value) }) }),
        n ? /* @__PURE__ */ t(v, { label: a("reason"), children: (m) => /* @__PURE__ */ t(D, { ...m, required: !0, maxLength: 500, value: y, onChange: (p) => W(p.target.value) }) }) : null,
        d.isError ? /* @__PURE__ */ t(j, { variant: "danger", children: o(d.error) }) : null,
        X && !r ? /* @__PURE__ */ t(j, { variant: "success", children: a("saved") }) : null,
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
          /* @__PURE__ */ t(N, { type: "submit", className: "min-h-11 flex-1 sm:flex-none", loading: d.isPending, children: a(n ? "correct" : "save") }),
          r ? /* @__PURE__ */ t(N, { type: "button", variant: "secondary", className: "min-h-11", onClick: r, children: a("cancel") }) : null
        ] })
      ]
    }
  );
}
function _e({ line: e }) {
  const { t: n, locale: r } = w(), { formatDateTime: a } = U(), o = de(e.assignment_id, !0);
  if (o.isPending) return /* @__PURE__ */ t(E, { size: "sm", label: n("loading") });
  if (o.isError) return /* @__PURE__ */ t(I, { error: o.error, onRetry: () => {
    o.refetch();
  } });
  if (o.data.items.length === 0) return /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: n("history_empty") });
  const c = (s) => typeof s == "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? x(s, e.timezone) : String(s ?? "\u2013");
  return /* @__PURE__ */ t("ol", { "aria-label": n("history_of", { name: e.user_name }), className: "space-y-2 text-sm", children: o.data.items.map((s) => /* @__PURE__ */ i("li", { className: "rounded-md border border-border px-3 py-2", children: [
    /* @__PURE__ */ i("p", { className: "font-medium", children: [
      q(r, "action", s.action),
      " ",
      /* @__PURE__ */ t("span", { className: "text-muted-foreground", children: a(s.at) })
    ] }),
    Object.keys(s.after).map((d) => /* @__PURE__ */ i("p", { className: "text-muted-foreground", children: [
      d,
      " : ",
      c(s.before[d]),
      " ",
      "\u2192",
      " ",
      c(s.after[d])
    ] }, d)),
    s.reason ? /* @__PURE__ */ t("p", { children: n("history_reason", { reason: s.reason }) }) : null
  ] }, s.id)) });
}
function xe({ line: e, panel: n, setPanel: r }) {
  const { t: a, tError: o } = w(), c = ce(), s = n?.assignmentId === e.assignment_id ? n.kind : null, d = (h) => r(s === h ? null : { assignmentId: e.assignment_id, kind: h });
  return /* @__PURE__ */ i(le, { children: [
    /* @__PURE__ */ i("tr", { className: "border-t border-border align-top", children: [
      /* @__PURE__ */ t("td", { className: "px-3 py-2 font-medium", children: e.user_name }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        e.mission_title,
        /* @__PURE__ */ t("span", { className: "block text-xs text-muted-foreground", children: e.role_name })
      ] }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: ye(e) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: Y(e, a("not_entered")) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: a("minutes_value", { minutes: e.break_minutes }) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: he(e.actual_minutes ?? e.planned_minutes) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2", children: /* @__PURE__ */ t(H, { line: e }) }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-1", children: [
          e.editable ? /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": a("edit_of", { name: e.user_name }), onClick: () => d("edit"), children: a("edit") }) : null,
          e.status !== "validated" ? /* @__PURE__ */ t(
            N,
            {
              size: "sm",
              "aria-label": a("validate_of", { name: e.user_name }),
              loading: c.isPending,
              onClick: () => c.mutate(e.assignment_id),
              children: a("validate")
            }
          ) : /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": a("correct_of", { name: e.user_name }), onClick: () => d("correct"), children: a("correct") }),
          /* @__PURE__ */ t(N, { size: "sm", variant: "ghost", "aria-label": a("history_of", { name: e.user_name }), onClick: () => d("history"), children: a("history") })
        ] }),
        c.isError ? /* @__PURE__ */ t("p", { className: "mt-1 text-xs text-danger", children: o(c.error) }) : null
      ] })
    ] }),
    s ? /* @__PURE__ */ t("tr", { children: /* @__PURE__ */ t("td", { colSpan: 8, className: "bg-muted/40 px-3 py-3", children: /* @__PURE__ */ t("div", { className: "max-w-xl", children: s === "history" ? /* @__PURE__ */ t(_e, { line: e }) : /* @__PURE__ */ t(G, { line: e, correcting: s === "correct", onDone: () => r(null) }) }) }) }) : null
  ] });
}
function be({ today: e }) {
  const { t: n, tError: r } = w(), [a, o] = _(e), [c, s] = _(""), [d, h] = _(null), [S, b] = _(!1), T = ae(!0), f = { day: a, project: c ? Number(c) : void 0 }, l = F(f), g = ne();
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: n("manager_hint") }),
    /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end", children: [
      /* @__PURE__ */ t(v, { label: n("day"), children: (u) => /* @__PURE__ */ t(D, { ...u, type: "date", required: !0, value: a, onChange: (y) => o(y.target.value || e) }) }),
      /* @__PURE__ */ t(v, { label: n("project"), children: (u) => /* @__PURE__ */ i("select", { ...u, className: fe, value: c, onChange: (y) => s(y.target.value), children: [
        /* @__PURE__ */ t("option", { value: "", children: n("all_projects") }),
        (T.data?.items ?? []).map((y) => /* @__PURE__ */ t("option", { value: y.id, children: y.name }, y.id))
      ] }) }),
      /* @__PURE__ */ t("div", { className: "sm:justify-self-end", children: /* @__PURE__ */ t(
        N,
        {
          disabled: !l.data?.items.some((u) => u.status !== "validated"),
          onClick: () => {
            g.reset(), b(!0);
          },
          children: n("validate_day")
        }
      ) })
    ] }),
    /* @__PURE__ */ t(
      re,
      {
        open: S,
        title: n("validate_day_confirm"),
        description: n("validate_day_hint"),
        confirmLabel: n("validate_day"),
        cancelLabel: n("cancel"),
        loading: g.isPending,
        onConfirm: () => g.mutate({ day: a, project: f.project }, { onSettled: () => b(!1) }),
        onCancel: () => b(!1)
      }
    ),
    g.isError ? /* @__PURE__ */ t(j, { variant: "danger", children: r(g.error) }) : null,
    g.data ? /* @__PURE__ */ t(j, { variant: "success", children: n("validated_count", { count: g.data.validated }) }) : null,
    l.isPending ? /* @__PURE__ */ t(E, { label: n("loading") }) : null,
    l.isError ? /* @__PURE__ */ t(I, { error: l.error, onRetry: () => {
      l.refetch();
    } }) : null,
    l.data && l.data.items.length === 0 ? /* @__PURE__ */ t(M, { title: n("empty") }) : null,
    l.data && l.data.items.length > 0 ? /* @__PURE__ */ t("div", { className: "overflow-x-auto rounded-lg border border-border", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "bg-muted/40 text-xs uppercase text-muted-foreground", children: /* @__PURE__ */ t("tr", { children: ["col_person", "col_mission", "col_planned", "col_actual", "col_breaks", "col_worked", "col_status", "col_actions"].map(
        (u) => /* @__PURE__ */ t("th", { scope: "col", className: "px-3 py-2 font-medium", children: n(u) }, u)
      ) }) }),
      /* @__PURE__ */ t("tbody", { children: l.data.items.map((u) => /* @__PURE__ */ t(xe, { line: u, panel: d, setPanel: h }, u.assignment_id)) })
    ] }) }) : null
  ] });
}
function ve() {
  const { t: e, locale: n } = w(), r = F({});
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("tech_hint") }),
    r.isPending ? /* @__PURE__ */ t(E, { label: e("loading") }) : null,
    r.isError ? /* @__PURE__ */ t(I, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : null,
    r.data && r.data.items.length === 0 ? /* @__PURE__ */ t(M, { title: e("empty_mine") }) : null,
    /* @__PURE__ */ t("ul", { className: "space-y-4", children: [...r.data?.items ?? []].reverse().map((a) => /* @__PURE__ */ t("li", { children: /* @__PURE__ */ i(Q, { className: "space-y-3", children: [
      /* @__PURE__ */ i("div", { className: "flex items-start justify-between gap-2", children: [
        /* @__PURE__ */ i("div", { children: [
          /* @__PURE__ */ t(ee, { children: a.mission_title }),
          /* @__PURE__ */ i(te, { children: [
            ge(a.planned_start, a.timezone, n),
            " ",
            "\xB7",
            " ",
            a.role_name
          ] })
        ] }),
        /* @__PURE__ */ t(H, { line: a })
      ] }),
      /* @__PURE__ */ t("p", { className: "text-sm", children: e("planned_line", { start: x(a.planned_start, a.timezone), end: x(a.planned_end, a.timezone) }) }),
      a.editable ? /* @__PURE__ */ t(G, { line: a }) : /* @__PURE__ */ i("div", { className: "space-y-1 text-sm", children: [
        /* @__PURE__ */ i("p", { children: [
          e("col_actual"),
          " : ",
          Y(a, e("not_entered")),
          " ",
          "\xB7",
          " ",
          e("col_breaks"),
          " :",
          " ",
          e("minutes_value", { minutes: a.break_minutes })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-muted-foreground", children: e("locked") })
      ] })
    ] }) }, a.assignment_id)) })
  ] });
}
function Se() {
  const { t: e } = w(), { timeZone: n } = U(), r = K(), a = $((/* @__PURE__ */ new Date()).toISOString(), n).date;
  return /* @__PURE__ */ i("div", { className: "space-y-6", children: [
    /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: e("disclaimer") })
    ] }),
    r.isPending ? /* @__PURE__ */ t(E, { label: e("loading") }) : null,
    r.isError ? /* @__PURE__ */ t(I, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : null,
    r.data ? r.data === "tech" ? /* @__PURE__ */ t(ve, {}) : /* @__PURE__ */ t(be, { today: a }) : null
  ] });
}
export {
  Se as default
};
