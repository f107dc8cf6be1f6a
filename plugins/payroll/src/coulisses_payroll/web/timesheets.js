import { u as v, s as B, e as ee, j as i, g as t, S as j, m as E, $ as U, n as q, C as te, i as ae, k as re, a as k, b as ne, a0 as se, l as x, I as D, B as N, Q as oe, A as T, w as ie, a1 as Z, a2 as de, a3 as ce, V as le, f as me, X as ue, a4 as he, F as pe, z as b, a5 as A, a6 as fe } from "./shared-Nh1hQyZl.js";
const F = /* @__PURE__ */ new Map();
function H(e, a) {
  let r = F.get(a);
  r || (r = new Intl.DateTimeFormat("en-CA", {
    timeZone: a,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit"
  }), F.set(a, r));
  const n = {};
  for (const o of r.formatToParts(e)) n[o.type] = Number(o.value);
  return { year: n.year ?? 1970, month: n.month ?? 1, day: n.day ?? 1, hour: n.hour ?? 0, minute: n.minute ?? 0 };
}
function $(e) {
  const [a = 1970, r = 1, n = 1] = e.split("-").map(Number);
  return [a, r, n];
}
function Y(e) {
  const [a = 0, r = 0] = e.split(":").map(Number);
  return [a, r];
}
const L = 864e5, C = (e) => String(e).padStart(2, "0");
function I(e, a) {
  const r = H(new Date(e), a);
  return { date: `${r.year}-${C(r.month)}-${C(r.day)}`, time: `${C(r.hour)}:${C(r.minute)}` };
}
function M(e, a) {
  const r = H(new Date(e), a), n = Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute);
  return Math.round((n - Math.floor(e / 6e4) * 6e4) / 6e4);
}
function R(e, a, r) {
  const [n, o, c] = $(e), [s, m] = Y(a), u = Date.UTC(n, o - 1, c, s, m), w = M(u - L, r), h = M(u + L, r), f = [.../* @__PURE__ */ new Set([w, h])].map((p) => u - p * 6e4).filter((p) => {
    const l = I(new Date(p).toISOString(), r);
    return l.date === e && l.time === a;
  }).sort((p, l) => p - l);
  return new Date(f[0] ?? u - w * 6e4).toISOString();
}
function V(e) {
  const [a, r, n] = $(e);
  return new Date(Date.UTC(a, r - 1, n + 1)).toISOString().slice(0, 10);
}
function ge(e, a, r, n) {
  const o = I(e, a);
  let c = o.date;
  S(r) - S(o.time) > 720 ? c = _e(o.date) : S(o.time) - S(r) > 720 && (c = V(o.date));
  const s = S(n) <= S(r) ? V(c) : c;
  return { start: R(c, r, a), end: R(s, n, a) };
}
function _e(e) {
  const [a, r, n] = $(e);
  return new Date(Date.UTC(a, r - 1, n - 1)).toISOString().slice(0, 10);
}
function S(e) {
  const [a, r] = Y(e);
  return a * 60 + r;
}
function ye(e) {
  const a = Math.floor(e / 60), r = e % 60;
  return r ? `${a} h ${C(r)}` : `${a} h`;
}
const be = { draft: "neutral", submitted: "info", validated: "success" }, xe = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm";
function y(e, a) {
  return I(e, a).time;
}
function Ne(e, a, r) {
  return new Date(e).toLocaleDateString(r === "en" ? "en-GB" : "fr-FR", {
    timeZone: a,
    weekday: "long",
    day: "numeric",
    month: "long"
  });
}
function G({ line: e }) {
  const { locale: a } = v();
  return /* @__PURE__ */ t(ie, { variant: be[e.status], children: Z(a, "status", e.status) });
}
function ve(e) {
  return `${y(e.planned_start, e.timezone)} \u2013 ${y(e.planned_end, e.timezone)}`;
}
function Q(e, a) {
  return !e.actual_start || !e.actual_end ? a : `${y(e.actual_start, e.timezone)} \u2013 ${y(e.actual_end, e.timezone)}`;
}
function we(e) {
  return b.object({
    start: b.string().regex(A, "form_required"),
    end: b.string().regex(A, "form_required"),
    breaks: b.string().trim().transform((a) => a === "" ? 0 : Number(a)).pipe(b.number("form_invalid_integer").int("form_invalid_integer").min(0, "breaks_range").max(1440, "breaks_range")),
    comment: b.string().max(2e3, "form_invalid"),
    reason: e ? b.string().trim().min(1, "form_required").max(500, "form_invalid") : b.string()
  });
}
function X({ line: e, correcting: a = !1, onDone: r }) {
  const { t: n, tError: o } = v(), c = de(), s = ce(), m = a ? s : c, u = le(), w = me(() => we(a), [a]), h = ue(w, {
    defaultValues: {
      start: y(e.actual_start ?? e.planned_start, e.timezone),
      end: y(e.actual_end ?? e.planned_end, e.timezone),
      breaks: String(e.break_minutes),
      comment: e.comment,
      reason: ""
    }
  }), { errors: f } = h.formState, [p, l] = k(!1), g = h.handleSubmit(({ start: d, end: _, breaks: J, comment: K, reason: W }) => {
    const z = ge(e.planned_start, e.timezone, d, _), O = {
      actual_start: z.start,
      actual_end: z.end,
      break_minutes: J,
      comment: K
    }, P = {
      onSuccess: () => {
        l(!0), r?.();
      }
    };
    l(!1), a ? s.mutate({ assignmentId: e.assignment_id, values: O, reason: W }, P) : c.mutate({ assignmentId: e.assignment_id, values: O }, P);
  });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a ? n("correct_of", { name: e.user_name }) : n("edit_of", { name: e.user_name }),
      className: "space-y-3",
      noValidate: !0,
      onSubmit: g,
      children: [
        /* @__PURE__ */ i("div", { className: "grid grid-cols-2 gap-3", children: [
          /* @__PURE__ */ t(x, { label: n("start"), error: u(f.start), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "time", ...h.register("start") }) }),
          /* @__PURE__ */ t(x, { label: n("end"), error: u(f.end), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "time", ...h.register("end") }) })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: n("end_next_day") }),
        /* @__PURE__ */ t(x, { label: n("breaks"), error: u(f.breaks), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "number", inputMode: "numeric", min: 0, max: 1440, step: 5, ...h.register("breaks") }) }),
        /* @__PURE__ */ t(x, { label: n("comment"), error: u(f.comment), children: (d) => /* @__PURE__ */ t(D, { ...d, maxLength: 2e3, ...h.register("comment") }) }),
        a ? /* @__PURE__ */ t(x, { label: n("reason"), error: u(f.reason), children: (d) => /* @__PURE__ */ t(D, { ...d, maxLength: 500, ...h.register("reason") }) }) : null,
        m.isError ? /* @__PURE__ */ t(T, { variant: "danger", children: o(m.error) }) : null,
        p && !r ? /* @__PURE__ */ t(T, { variant: "success", children: n("saved") }) : null,
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
          /* @__PURE__ */ t(N, { type: "submit", className: "min-h-11 flex-1 sm:flex-none", loading: m.isPending, children: n(a ? "correct" : "save") }),
          r ? /* @__PURE__ */ t(N, { type: "button", variant: "secondary", className: "min-h-11", onClick: r, children: n("cancel") }) : null
        ] })
      ]
    }
  );
}
function Se({ line: e }) {
  const { t: a, locale: r } = v(), { formatDateTime: n } = B(), o = fe(e.assignment_id, !0);
  if (o.isPending) return /* @__PURE__ */ t(j, { size: "sm", label: a("loading") });
  if (o.isError) return /* @__PURE__ */ t(E, { error: o.error, onRetry: () => {
    o.refetch();
  } });
  if (o.data.items.length === 0) return /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("history_empty") });
  const c = (s) => typeof s == "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? y(s, e.timezone) : String(s ?? "\u2013");
  return /* @__PURE__ */ t("ol", { "aria-label": a("history_of", { name: e.user_name }), className: "space-y-2 text-sm", children: o.data.items.map((s) => /* @__PURE__ */ i("li", { className: "rounded-md border border-border px-3 py-2", children: [
    /* @__PURE__ */ i("p", { className: "font-medium", children: [
      Z(r, "action", s.action),
      " ",
      /* @__PURE__ */ t("span", { className: "text-muted-foreground", children: n(s.at) })
    ] }),
    Object.keys(s.after).map((m) => /* @__PURE__ */ i("p", { className: "text-muted-foreground", children: [
      m,
      " : ",
      c(s.before[m]),
      " ",
      "\u2192",
      " ",
      c(s.after[m])
    ] }, m)),
    s.reason ? /* @__PURE__ */ t("p", { children: a("history_reason", { reason: s.reason }) }) : null
  ] }, s.id)) });
}
function De({ line: e, panel: a, setPanel: r }) {
  const { t: n, tError: o } = v(), c = he(), s = a?.assignmentId === e.assignment_id ? a.kind : null, m = (u) => r(s === u ? null : { assignmentId: e.assignment_id, kind: u });
  return /* @__PURE__ */ i(pe, { children: [
    /* @__PURE__ */ i("tr", { className: "border-t border-border align-top", children: [
      /* @__PURE__ */ t("td", { className: "px-3 py-2 font-medium", children: e.user_name }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        e.mission_title,
        /* @__PURE__ */ t("span", { className: "block text-xs text-muted-foreground", children: e.role_name })
      ] }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: ve(e) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: Q(e, n("not_entered")) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: n("minutes_value", { minutes: e.break_minutes }) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: ye(e.actual_minutes ?? e.planned_minutes) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2", children: /* @__PURE__ */ t(G, { line: e }) }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-1", children: [
          e.editable ? /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": n("edit_of", { name: e.user_name }), onClick: () => m("edit"), children: n("edit") }) : null,
          e.status !== "validated" ? /* @__PURE__ */ t(
            N,
            {
              size: "sm",
              "aria-label": n("validate_of", { name: e.user_name }),
              loading: c.isPending,
              onClick: () => c.mutate(e.assignment_id),
              children: n("validate")
            }
          ) : /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": n("correct_of", { name: e.user_name }), onClick: () => m("correct"), children: n("correct") }),
          /* @__PURE__ */ t(N, { size: "sm", variant: "ghost", "aria-label": n("history_of", { name: e.user_name }), onClick: () => m("history"), children: n("history") })
        ] }),
        c.isError ? /* @__PURE__ */ t("p", { className: "mt-1 text-xs text-danger", children: o(c.error) }) : null
      ] })
    ] }),
    s ? /* @__PURE__ */ t("tr", { children: /* @__PURE__ */ t("td", { colSpan: 8, className: "bg-muted/40 px-3 py-3", children: /* @__PURE__ */ t("div", { className: "max-w-xl", children: s === "history" ? /* @__PURE__ */ t(Se, { line: e }) : /* @__PURE__ */ t(X, { line: e, correcting: s === "correct", onDone: () => r(null) }) }) }) }) : null
  ] });
}
function ke({ today: e }) {
  const { t: a, tError: r } = v(), [n, o] = k(e), [c, s] = k(""), [m, u] = k(null), [w, h] = k(!1), f = ne(!0), p = { day: n, project: c ? Number(c) : void 0 }, l = U(p), g = se();
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("manager_hint") }),
    /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end", children: [
      /* @__PURE__ */ t(x, { label: a("day"), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "date", required: !0, value: n, onChange: (_) => o(_.target.value || e) }) }),
      /* @__PURE__ */ t(x, { label: a("project"), children: (d) => /* @__PURE__ */ i("select", { ...d, className: xe, value: c, onChange: (_) => s(_.target.value), children: [
        /* @__PURE__ */ t("option", { value: "", children: a("all_projects") }),
        (f.data?.items ?? []).map((_) => /* @__PURE__ */ t("option", { value: _.id, children: _.name }, _.id))
      ] }) }),
      /* @__PURE__ */ t("div", { className: "sm:justify-self-end", children: /* @__PURE__ */ t(
        N,
        {
          disabled: !l.data?.items.some((d) => d.status !== "validated"),
          onClick: () => {
            g.reset(), h(!0);
          },
          children: a("validate_day")
        }
      ) })
    ] }),
    /* @__PURE__ */ t(
      oe,
      {
        open: w,
        title: a("validate_day_confirm"),
        description: a("validate_day_hint"),
        confirmLabel: a("validate_day"),
        cancelLabel: a("cancel"),
        loading: g.isPending,
        onConfirm: () => g.mutate({ day: n, project: p.project }, { onSettled: () => h(!1) }),
        onCancel: () => h(!1)
      }
    ),
    g.isError ? /* @__PURE__ */ t(T, { variant: "danger", children: r(g.error) }) : null,
    g.data ? /* @__PURE__ */ t(T, { variant: "success", children: a("validated_count", { count: g.data.validated }) }) : null,
    l.isPending ? /* @__PURE__ */ t(j, { label: a("loading") }) : null,
    l.isError ? /* @__PURE__ */ t(E, { error: l.error, onRetry: () => {
      l.refetch();
    } }) : null,
    l.data && l.data.items.length === 0 ? /* @__PURE__ */ t(q, { title: a("empty") }) : null,
    l.data && l.data.items.length > 0 ? /* @__PURE__ */ t("div", { className: "overflow-x-auto rounded-lg border border-border", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "bg-muted/40 text-xs uppercase text-muted-foreground", children: /* @__PURE__ */ t("tr", { children: ["col_person", "col_mission", "col_planned", "col_actual", "col_breaks", "col_worked", "col_status", "col_actions"].map(
        (d) => /* @__PURE__ */ t("th", { scope: "col", className: "px-3 py-2 font-medium", children: a(d) }, d)
      ) }) }),
      /* @__PURE__ */ t("tbody", { children: l.data.items.map((d) => /* @__PURE__ */ t(De, { line: d, panel: m, setPanel: u }, d.assignment_id)) })
    ] }) }) : null
  ] });
}
function Ce() {
  const { t: e, locale: a } = v(), r = U({});
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("tech_hint") }),
    r.isPending ? /* @__PURE__ */ t(j, { label: e("loading") }) : null,
    r.isError ? /* @__PURE__ */ t(E, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : null,
    r.data && r.data.items.length === 0 ? /* @__PURE__ */ t(q, { title: e("empty_mine") }) : null,
    /* @__PURE__ */ t("ul", { className: "space-y-4", children: [...r.data?.items ?? []].reverse().map((n) => /* @__PURE__ */ t("li", { children: /* @__PURE__ */ i(te, { className: "space-y-3", children: [
      /* @__PURE__ */ i("div", { className: "flex items-start justify-between gap-2", children: [
        /* @__PURE__ */ i("div", { children: [
          /* @__PURE__ */ t(ae, { children: n.mission_title }),
          /* @__PURE__ */ i(re, { children: [
            Ne(n.planned_start, n.timezone, a),
            " ",
            "\xB7",
            " ",
            n.role_name
          ] })
        ] }),
        /* @__PURE__ */ t(G, { line: n })
      ] }),
      /* @__PURE__ */ t("p", { className: "text-sm", children: e("planned_line", { start: y(n.planned_start, n.timezone), end: y(n.planned_end, n.timezone) }) }),
      n.editable ? /* @__PURE__ */ t(X, { line: n }) : /* @__PURE__ */ i("div", { className: "space-y-1 text-sm", children: [
        /* @__PURE__ */ i("p", { children: [
          e("col_actual"),
          " : ",
          Q(n, e("not_entered")),
          " ",
          "\xB7",
          " ",
          e("col_breaks"),
          " :",
          " ",
          e("minutes_value", { minutes: n.break_minutes })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-muted-foreground", children: e("locked") })
      ] })
    ] }) }, n.assignment_id)) })
  ] });
}
function je() {
  const { t: e } = v(), { timeZone: a } = B(), r = ee(), n = I((/* @__PURE__ */ new Date()).toISOString(), a).date;
  return /* @__PURE__ */ i("div", { className: "space-y-6", children: [
    /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: e("disclaimer") })
    ] }),
    r.isPending ? /* @__PURE__ */ t(j, { label: e("loading") }) : null,
    r.isError ? /* @__PURE__ */ t(E, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : null,
    r.data ? r.data === "tech" ? /* @__PURE__ */ t(Ce, {}) : /* @__PURE__ */ t(ke, { today: n }) : null
  ] });
}
export {
  je as default
};
