import { u as x, q as V, d as te, j as i, e as t, S as I, k as $, W as q, l as Z, C as ae, g as re, h as ne, a as se, X as oe, i as N, I as C, B as v, N as ie, A as E, s as de, Y as H, Z as ce, _ as le, t as me, $ as ue, a0 as he, a1 as pe, F as fe, a2 as b, a3 as ge } from "./shared-I8XOHv-_.js";
import { u as D, b as _e, a as ye } from "./shared-DyYnghZQ.js";
function Y(e, a) {
  const n = new Intl.DateTimeFormat("en-CA", {
    timeZone: a,
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
function P(e) {
  const [a = 1970, n = 1, r = 1] = e.split("-").map(Number);
  return [a, n, r];
}
function G(e) {
  const [a = 0, n = 0] = e.split(":").map(Number);
  return [a, n];
}
const F = 864e5, T = (e) => String(e).padStart(2, "0");
function z(e, a) {
  const n = Y(new Date(e), a);
  return { date: `${n.year}-${T(n.month)}-${T(n.day)}`, time: `${T(n.hour)}:${T(n.minute)}` };
}
function M(e, a) {
  const n = Y(new Date(e), a), r = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute);
  return Math.round((r - Math.floor(e / 6e4) * 6e4) / 6e4);
}
function R(e, a, n) {
  const [r, o, d] = P(e), [s, l] = G(a), p = Date.UTC(r, o - 1, d, s, l), w = M(p - F, n), f = M(p + F, n), k = [.../* @__PURE__ */ new Set([w, f])].map((m) => p - m * 6e4).filter((m) => {
    const c = z(new Date(m).toISOString(), n);
    return c.date === e && c.time === a;
  }).sort((m, c) => m - c);
  return new Date(k[0] ?? p - w * 6e4).toISOString();
}
function B(e) {
  const [a, n, r] = P(e);
  return new Date(Date.UTC(a, n - 1, r + 1)).toISOString().slice(0, 10);
}
function be(e, a, n, r) {
  const o = z(e, a);
  let d = o.date;
  S(n) - S(o.time) > 720 ? d = xe(o.date) : S(o.time) - S(n) > 720 && (d = B(o.date));
  const s = S(r) <= S(n) ? B(d) : d;
  return { start: R(d, n, a), end: R(s, r, a) };
}
function xe(e) {
  const [a, n, r] = P(e);
  return new Date(Date.UTC(a, n - 1, r - 1)).toISOString().slice(0, 10);
}
function S(e) {
  const [a, n] = G(e);
  return a * 60 + n;
}
function Ne(e) {
  const a = Math.floor(e / 60), n = e % 60;
  return n ? `${a} h ${T(n)}` : `${a} h`;
}
const ve = { draft: "neutral", submitted: "info", validated: "success" }, we = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm";
function y(e, a) {
  return z(e, a).time;
}
function Se(e, a, n) {
  return new Date(e).toLocaleDateString(n === "en" ? "en-GB" : "fr-FR", {
    timeZone: a,
    weekday: "long",
    day: "numeric",
    month: "long"
  });
}
function W({ line: e }) {
  const { locale: a } = x();
  return /* @__PURE__ */ t(de, { variant: ve[e.status], children: H(a, "status", e.status) });
}
function Ce(e) {
  return `${y(e.planned_start, e.timezone)} \u2013 ${y(e.planned_end, e.timezone)}`;
}
function X(e, a) {
  return !e.actual_start || !e.actual_end ? a : `${y(e.actual_start, e.timezone)} \u2013 ${y(e.actual_end, e.timezone)}`;
}
const U = /^\d{2}:\d{2}$/;
function ke(e) {
  return b.object({
    start: b.string().regex(U, "form_required"),
    end: b.string().regex(U, "form_required"),
    breaks: b.string().trim().transform((a) => a === "" ? 0 : Number(a)).pipe(b.number("form_invalid_integer").int("form_invalid_integer").min(0, "breaks_range").max(1440, "breaks_range")),
    comment: b.string().max(2e3, "form_invalid"),
    reason: e ? b.string().trim().min(1, "form_required").max(500, "form_invalid") : b.string()
  });
}
function J({ line: e, correcting: a = !1, onDone: n }) {
  const { t: r, tError: o } = x(), d = ce(), s = le(), l = a ? s : d, { locale: p } = x(), w = _e((h) => {
    const j = me(p, h);
    return j === h ? void 0 : j;
  }, [p]), f = ue(w), k = ye(() => ke(a), [a]), m = he(k, {
    defaultValues: {
      start: y(e.actual_start ?? e.planned_start, e.timezone),
      end: y(e.actual_end ?? e.planned_end, e.timezone),
      breaks: String(e.break_minutes),
      comment: e.comment,
      reason: ""
    }
  }), { errors: c } = m.formState, [g, u] = D(!1), _ = m.handleSubmit(({ start: h, end: j, breaks: K, comment: Q, reason: ee }) => {
    const L = be(e.planned_start, e.timezone, h, j), O = {
      actual_start: L.start,
      actual_end: L.end,
      break_minutes: K,
      comment: Q
    }, A = {
      onSuccess: () => {
        u(!0), n?.();
      }
    };
    u(!1), a ? s.mutate({ assignmentId: e.assignment_id, values: O, reason: ee }, A) : d.mutate({ assignmentId: e.assignment_id, values: O }, A);
  });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a ? r("correct_of", { name: e.user_name }) : r("edit_of", { name: e.user_name }),
      className: "space-y-3",
      noValidate: !0,
      onSubmit: _,
      children: [
        /* @__PURE__ */ i("div", { className: "grid grid-cols-2 gap-3", children: [
          /* @__PURE__ */ t(N, { label: r("start"), error: f(c.start), children: (h) => /* @__PURE__ */ t(C, { ...h, type: "time", ...m.register("start") }) }),
          /* @__PURE__ */ t(N, { label: r("end"), error: f(c.end), children: (h) => /* @__PURE__ */ t(C, { ...h, type: "time", ...m.register("end") }) })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: r("end_next_day") }),
        /* @__PURE__ */ t(N, { label: r("breaks"), error: f(c.breaks), children: (h) => /* @__PURE__ */ t(C, { ...h, type: "number", inputMode: "numeric", min: 0, max: 1440, step: 5, ...m.register("breaks") }) }),
        /* @__PURE__ */ t(N, { label: r("comment"), error: f(c.comment), children: (h) => /* @__PURE__ */ t(C, { ...h, maxLength: 2e3, ...m.register("comment") }) }),
        a ? /* @__PURE__ */ t(N, { label: r("reason"), error: f(c.reason), children: (h) => /* @__PURE__ */ t(C, { ...h, maxLength: 500, ...m.register("reason") }) }) : null,
        l.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: o(l.error) }) : null,
        g && !n ? /* @__PURE__ */ t(E, { variant: "success", children: r("saved") }) : null,
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
          /* @__PURE__ */ t(v, { type: "submit", className: "min-h-11 flex-1 sm:flex-none", loading: l.isPending, children: r(a ? "correct" : "save") }),
          n ? /* @__PURE__ */ t(v, { type: "button", variant: "secondary", className: "min-h-11", onClick: n, children: r("cancel") }) : null
        ] })
      ]
    }
  );
}
function De({ line: e }) {
  const { t: a, locale: n } = x(), { formatDateTime: r } = V(), o = ge(e.assignment_id, !0);
  if (o.isPending) return /* @__PURE__ */ t(I, { size: "sm", label: a("loading") });
  if (o.isError) return /* @__PURE__ */ t($, { error: o.error, onRetry: () => {
    o.refetch();
  } });
  if (o.data.items.length === 0) return /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("history_empty") });
  const d = (s) => typeof s == "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? y(s, e.timezone) : String(s ?? "\u2013");
  return /* @__PURE__ */ t("ol", { "aria-label": a("history_of", { name: e.user_name }), className: "space-y-2 text-sm", children: o.data.items.map((s) => /* @__PURE__ */ i("li", { className: "rounded-md border border-border px-3 py-2", children: [
    /* @__PURE__ */ i("p", { className: "font-medium", children: [
      H(n, "action", s.action),
      " ",
      /* @__PURE__ */ t("span", { className: "text-muted-foreground", children: r(s.at) })
    ] }),
    Object.keys(s.after).map((l) => /* @__PURE__ */ i("p", { className: "text-muted-foreground", children: [
      l,
      " : ",
      d(s.before[l]),
      " ",
      "\u2192",
      " ",
      d(s.after[l])
    ] }, l)),
    s.reason ? /* @__PURE__ */ t("p", { children: a("history_reason", { reason: s.reason }) }) : null
  ] }, s.id)) });
}
function Te({ line: e, panel: a, setPanel: n }) {
  const { t: r, tError: o } = x(), d = pe(), s = a?.assignmentId === e.assignment_id ? a.kind : null, l = (p) => n(s === p ? null : { assignmentId: e.assignment_id, kind: p });
  return /* @__PURE__ */ i(fe, { children: [
    /* @__PURE__ */ i("tr", { className: "border-t border-border align-top", children: [
      /* @__PURE__ */ t("td", { className: "px-3 py-2 font-medium", children: e.user_name }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        e.mission_title,
        /* @__PURE__ */ t("span", { className: "block text-xs text-muted-foreground", children: e.role_name })
      ] }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: Ce(e) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: X(e, r("not_entered")) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: r("minutes_value", { minutes: e.break_minutes }) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: Ne(e.actual_minutes ?? e.planned_minutes) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2", children: /* @__PURE__ */ t(W, { line: e }) }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-1", children: [
          e.editable ? /* @__PURE__ */ t(v, { size: "sm", variant: "secondary", "aria-label": r("edit_of", { name: e.user_name }), onClick: () => l("edit"), children: r("edit") }) : null,
          e.status !== "validated" ? /* @__PURE__ */ t(
            v,
            {
              size: "sm",
              "aria-label": r("validate_of", { name: e.user_name }),
              loading: d.isPending,
              onClick: () => d.mutate(e.assignment_id),
              children: r("validate")
            }
          ) : /* @__PURE__ */ t(v, { size: "sm", variant: "secondary", "aria-label": r("correct_of", { name: e.user_name }), onClick: () => l("correct"), children: r("correct") }),
          /* @__PURE__ */ t(v, { size: "sm", variant: "ghost", "aria-label": r("history_of", { name: e.user_name }), onClick: () => l("history"), children: r("history") })
        ] }),
        d.isError ? /* @__PURE__ */ t("p", { className: "mt-1 text-xs text-danger", children: o(d.error) }) : null
      ] })
    ] }),
    s ? /* @__PURE__ */ t("tr", { children: /* @__PURE__ */ t("td", { colSpan: 8, className: "bg-muted/40 px-3 py-3", children: /* @__PURE__ */ t("div", { className: "max-w-xl", children: s === "history" ? /* @__PURE__ */ t(De, { line: e }) : /* @__PURE__ */ t(J, { line: e, correcting: s === "correct", onDone: () => n(null) }) }) }) }) : null
  ] });
}
function je({ today: e }) {
  const { t: a, tError: n } = x(), [r, o] = D(e), [d, s] = D(""), [l, p] = D(null), [w, f] = D(!1), k = se(!0), m = { day: r, project: d ? Number(d) : void 0 }, c = q(m), g = oe();
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("manager_hint") }),
    /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end", children: [
      /* @__PURE__ */ t(N, { label: a("day"), children: (u) => /* @__PURE__ */ t(C, { ...u, type: "date", required: !0, value: r, onChange: (_) => o(_.target.value || e) }) }),
      /* @__PURE__ */ t(N, { label: a("project"), children: (u) => /* @__PURE__ */ i("select", { ...u, className: we, value: d, onChange: (_) => s(_.target.value), children: [
        /* @__PURE__ */ t("option", { value: "", children: a("all_projects") }),
        (k.data?.items ?? []).map((_) => /* @__PURE__ */ t("option", { value: _.id, children: _.name }, _.id))
      ] }) }),
      /* @__PURE__ */ t("div", { className: "sm:justify-self-end", children: /* @__PURE__ */ t(
        v,
        {
          disabled: !c.data?.items.some((u) => u.status !== "validated"),
          onClick: () => {
            g.reset(), f(!0);
          },
          children: a("validate_day")
        }
      ) })
    ] }),
    /* @__PURE__ */ t(
      ie,
      {
        open: w,
        title: a("validate_day_confirm"),
        description: a("validate_day_hint"),
        confirmLabel: a("validate_day"),
        cancelLabel: a("cancel"),
        loading: g.isPending,
        onConfirm: () => g.mutate({ day: r, project: m.project }, { onSettled: () => f(!1) }),
        onCancel: () => f(!1)
      }
    ),
    g.isError ? /* @__PURE__ */ t(E, { variant: "danger", children: n(g.error) }) : null,
    g.data ? /* @__PURE__ */ t(E, { variant: "success", children: a("validated_count", { count: g.data.validated }) }) : null,
    c.isPending ? /* @__PURE__ */ t(I, { label: a("loading") }) : null,
    c.isError ? /* @__PURE__ */ t($, { error: c.error, onRetry: () => {
      c.refetch();
    } }) : null,
    c.data && c.data.items.length === 0 ? /* @__PURE__ */ t(Z, { title: a("empty") }) : null,
    c.data && c.data.items.length > 0 ? /* @__PURE__ */ t("div", { className: "overflow-x-auto rounded-lg border border-border", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "bg-muted/40 text-xs uppercase text-muted-foreground", children: /* @__PURE__ */ t("tr", { children: ["col_person", "col_mission", "col_planned", "col_actual", "col_breaks", "col_worked", "col_status", "col_actions"].map(
        (u) => /* @__PURE__ */ t("th", { scope: "col", className: "px-3 py-2 font-medium", children: a(u) }, u)
      ) }) }),
      /* @__PURE__ */ t("tbody", { children: c.data.items.map((u) => /* @__PURE__ */ t(Te, { line: u, panel: l, setPanel: p }, u.assignment_id)) })
    ] }) }) : null
  ] });
}
function Ee() {
  const { t: e, locale: a } = x(), n = q({});
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("tech_hint") }),
    n.isPending ? /* @__PURE__ */ t(I, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ t($, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data && n.data.items.length === 0 ? /* @__PURE__ */ t(Z, { title: e("empty_mine") }) : null,
    /* @__PURE__ */ t("ul", { className: "space-y-4", children: [...n.data?.items ?? []].reverse().map((r) => /* @__PURE__ */ t("li", { children: /* @__PURE__ */ i(ae, { className: "space-y-3", children: [
      /* @__PURE__ */ i("div", { className: "flex items-start justify-between gap-2", children: [
        /* @__PURE__ */ i("div", { children: [
          /* @__PURE__ */ t(re, { children: r.mission_title }),
          /* @__PURE__ */ i(ne, { children: [
            Se(r.planned_start, r.timezone, a),
            " ",
            "\xB7",
            " ",
            r.role_name
          ] })
        ] }),
        /* @__PURE__ */ t(W, { line: r })
      ] }),
      /* @__PURE__ */ t("p", { className: "text-sm", children: e("planned_line", { start: y(r.planned_start, r.timezone), end: y(r.planned_end, r.timezone) }) }),
      r.editable ? /* @__PURE__ */ t(J, { line: r }) : /* @__PURE__ */ i("div", { className: "space-y-1 text-sm", children: [
        /* @__PURE__ */ i("p", { children: [
          e("col_actual"),
          " : ",
          X(r, e("not_entered")),
          " ",
          "\xB7",
          " ",
          e("col_breaks"),
          " :",
          " ",
          e("minutes_value", { minutes: r.break_minutes })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-muted-foreground", children: e("locked") })
      ] })
    ] }) }, r.assignment_id)) })
  ] });
}
function ze() {
  const { t: e } = x(), { timeZone: a } = V(), n = te(), r = z((/* @__PURE__ */ new Date()).toISOString(), a).date;
  return /* @__PURE__ */ i("div", { className: "space-y-6", children: [
    /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: e("disclaimer") })
    ] }),
    n.isPending ? /* @__PURE__ */ t(I, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ t($, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data ? n.data === "tech" ? /* @__PURE__ */ t(Ee, {}) : /* @__PURE__ */ t(je, { today: r }) : null
  ] });
}
export {
  ze as default
};
