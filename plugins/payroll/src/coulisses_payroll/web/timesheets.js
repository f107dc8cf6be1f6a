import { u as v, s as V, e as W, j as i, g as t, S as j, m as E, $ as B, n as U, C as ee, i as te, k as ae, a as k, b as re, a0 as ne, l as x, I as D, B as N, Q as se, A as T, w as oe, a1 as q, a2 as ie, a3 as de, V as ce, f as le, X as me, a4 as ue, F as he, z as b, a5 as L, a6 as pe } from "./shared-Bf0sIAHO.js";
function Z(e, a) {
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
function z(e) {
  const [a = 1970, n = 1, r = 1] = e.split("-").map(Number);
  return [a, n, r];
}
function H(e) {
  const [a = 0, n = 0] = e.split(":").map(Number);
  return [a, n];
}
const A = 864e5, C = (e) => String(e).padStart(2, "0");
function I(e, a) {
  const n = Z(new Date(e), a);
  return { date: `${n.year}-${C(n.month)}-${C(n.day)}`, time: `${C(n.hour)}:${C(n.minute)}` };
}
function F(e, a) {
  const n = Z(new Date(e), a), r = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute);
  return Math.round((r - Math.floor(e / 6e4) * 6e4) / 6e4);
}
function M(e, a, n) {
  const [r, o, c] = z(e), [s, m] = H(a), u = Date.UTC(r, o - 1, c, s, m), w = F(u - A, n), h = F(u + A, n), f = [.../* @__PURE__ */ new Set([w, h])].map((p) => u - p * 6e4).filter((p) => {
    const l = I(new Date(p).toISOString(), n);
    return l.date === e && l.time === a;
  }).sort((p, l) => p - l);
  return new Date(f[0] ?? u - w * 6e4).toISOString();
}
function R(e) {
  const [a, n, r] = z(e);
  return new Date(Date.UTC(a, n - 1, r + 1)).toISOString().slice(0, 10);
}
function fe(e, a, n, r) {
  const o = I(e, a);
  let c = o.date;
  S(n) - S(o.time) > 720 ? c = ge(o.date) : S(o.time) - S(n) > 720 && (c = R(o.date));
  const s = S(r) <= S(n) ? R(c) : c;
  return { start: M(c, n, a), end: M(s, r, a) };
}
function ge(e) {
  const [a, n, r] = z(e);
  return new Date(Date.UTC(a, n - 1, r - 1)).toISOString().slice(0, 10);
}
function S(e) {
  const [a, n] = H(e);
  return a * 60 + n;
}
function _e(e) {
  const a = Math.floor(e / 60), n = e % 60;
  return n ? `${a} h ${C(n)}` : `${a} h`;
}
const ye = { draft: "neutral", submitted: "info", validated: "success" }, be = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm";
function y(e, a) {
  return I(e, a).time;
}
function xe(e, a, n) {
  return new Date(e).toLocaleDateString(n === "en" ? "en-GB" : "fr-FR", {
    timeZone: a,
    weekday: "long",
    day: "numeric",
    month: "long"
  });
}
function Y({ line: e }) {
  const { locale: a } = v();
  return /* @__PURE__ */ t(oe, { variant: ye[e.status], children: q(a, "status", e.status) });
}
function Ne(e) {
  return `${y(e.planned_start, e.timezone)} \u2013 ${y(e.planned_end, e.timezone)}`;
}
function G(e, a) {
  return !e.actual_start || !e.actual_end ? a : `${y(e.actual_start, e.timezone)} \u2013 ${y(e.actual_end, e.timezone)}`;
}
function ve(e) {
  return b.object({
    start: b.string().regex(L, "form_required"),
    end: b.string().regex(L, "form_required"),
    breaks: b.string().trim().transform((a) => a === "" ? 0 : Number(a)).pipe(b.number("form_invalid_integer").int("form_invalid_integer").min(0, "breaks_range").max(1440, "breaks_range")),
    comment: b.string().max(2e3, "form_invalid"),
    reason: e ? b.string().trim().min(1, "form_required").max(500, "form_invalid") : b.string()
  });
}
function Q({ line: e, correcting: a = !1, onDone: n }) {
  const { t: r, tError: o } = v(), c = ie(), s = de(), m = a ? s : c, u = ce(), w = le(() => ve(a), [a]), h = me(w, {
    defaultValues: {
      start: y(e.actual_start ?? e.planned_start, e.timezone),
      end: y(e.actual_end ?? e.planned_end, e.timezone),
      breaks: String(e.break_minutes),
      comment: e.comment,
      reason: ""
    }
  }), { errors: f } = h.formState, [p, l] = k(!1), g = h.handleSubmit(({ start: d, end: _, breaks: X, comment: J, reason: K }) => {
    const $ = fe(e.planned_start, e.timezone, d, _), O = {
      actual_start: $.start,
      actual_end: $.end,
      break_minutes: X,
      comment: J
    }, P = {
      onSuccess: () => {
        l(!0), n?.();
      }
    };
    l(!1), a ? s.mutate({ assignmentId: e.assignment_id, values: O, reason: K }, P) : c.mutate({ assignmentId: e.assignment_id, values: O }, P);
  });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a ? r("correct_of", { name: e.user_name }) : r("edit_of", { name: e.user_name }),
      className: "space-y-3",
      noValidate: !0,
      onSubmit: g,
      children: [
        /* @__PURE__ */ i("div", { className: "grid grid-cols-2 gap-3", children: [
          /* @__PURE__ */ t(x, { label: r("start"), error: u(f.start), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "time", ...h.register("start") }) }),
          /* @__PURE__ */ t(x, { label: r("end"), error: u(f.end), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "time", ...h.register("end") }) })
        ] }),
        /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: r("end_next_day") }),
        /* @__PURE__ */ t(x, { label: r("breaks"), error: u(f.breaks), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "number", inputMode: "numeric", min: 0, max: 1440, step: 5, ...h.register("breaks") }) }),
        /* @__PURE__ */ t(x, { label: r("comment"), error: u(f.comment), children: (d) => /* @__PURE__ */ t(D, { ...d, maxLength: 2e3, ...h.register("comment") }) }),
        a ? /* @__PURE__ */ t(x, { label: r("reason"), error: u(f.reason), children: (d) => /* @__PURE__ */ t(D, { ...d, maxLength: 500, ...h.register("reason") }) }) : null,
        m.isError ? /* @__PURE__ */ t(T, { variant: "danger", children: o(m.error) }) : null,
        p && !n ? /* @__PURE__ */ t(T, { variant: "success", children: r("saved") }) : null,
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
          /* @__PURE__ */ t(N, { type: "submit", className: "min-h-11 flex-1 sm:flex-none", loading: m.isPending, children: r(a ? "correct" : "save") }),
          n ? /* @__PURE__ */ t(N, { type: "button", variant: "secondary", className: "min-h-11", onClick: n, children: r("cancel") }) : null
        ] })
      ]
    }
  );
}
function we({ line: e }) {
  const { t: a, locale: n } = v(), { formatDateTime: r } = V(), o = pe(e.assignment_id, !0);
  if (o.isPending) return /* @__PURE__ */ t(j, { size: "sm", label: a("loading") });
  if (o.isError) return /* @__PURE__ */ t(E, { error: o.error, onRetry: () => {
    o.refetch();
  } });
  if (o.data.items.length === 0) return /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("history_empty") });
  const c = (s) => typeof s == "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? y(s, e.timezone) : String(s ?? "\u2013");
  return /* @__PURE__ */ t("ol", { "aria-label": a("history_of", { name: e.user_name }), className: "space-y-2 text-sm", children: o.data.items.map((s) => /* @__PURE__ */ i("li", { className: "rounded-md border border-border px-3 py-2", children: [
    /* @__PURE__ */ i("p", { className: "font-medium", children: [
      q(n, "action", s.action),
      " ",
      /* @__PURE__ */ t("span", { className: "text-muted-foreground", children: r(s.at) })
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
function Se({ line: e, panel: a, setPanel: n }) {
  const { t: r, tError: o } = v(), c = ue(), s = a?.assignmentId === e.assignment_id ? a.kind : null, m = (u) => n(s === u ? null : { assignmentId: e.assignment_id, kind: u });
  return /* @__PURE__ */ i(he, { children: [
    /* @__PURE__ */ i("tr", { className: "border-t border-border align-top", children: [
      /* @__PURE__ */ t("td", { className: "px-3 py-2 font-medium", children: e.user_name }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        e.mission_title,
        /* @__PURE__ */ t("span", { className: "block text-xs text-muted-foreground", children: e.role_name })
      ] }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: Ne(e) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: G(e, r("not_entered")) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: r("minutes_value", { minutes: e.break_minutes }) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2 whitespace-nowrap", children: _e(e.actual_minutes ?? e.planned_minutes) }),
      /* @__PURE__ */ t("td", { className: "px-3 py-2", children: /* @__PURE__ */ t(Y, { line: e }) }),
      /* @__PURE__ */ i("td", { className: "px-3 py-2", children: [
        /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-1", children: [
          e.editable ? /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": r("edit_of", { name: e.user_name }), onClick: () => m("edit"), children: r("edit") }) : null,
          e.status !== "validated" ? /* @__PURE__ */ t(
            N,
            {
              size: "sm",
              "aria-label": r("validate_of", { name: e.user_name }),
              loading: c.isPending,
              onClick: () => c.mutate(e.assignment_id),
              children: r("validate")
            }
          ) : /* @__PURE__ */ t(N, { size: "sm", variant: "secondary", "aria-label": r("correct_of", { name: e.user_name }), onClick: () => m("correct"), children: r("correct") }),
          /* @__PURE__ */ t(N, { size: "sm", variant: "ghost", "aria-label": r("history_of", { name: e.user_name }), onClick: () => m("history"), children: r("history") })
        ] }),
        c.isError ? /* @__PURE__ */ t("p", { className: "mt-1 text-xs text-danger", children: o(c.error) }) : null
      ] })
    ] }),
    s ? /* @__PURE__ */ t("tr", { children: /* @__PURE__ */ t("td", { colSpan: 8, className: "bg-muted/40 px-3 py-3", children: /* @__PURE__ */ t("div", { className: "max-w-xl", children: s === "history" ? /* @__PURE__ */ t(we, { line: e }) : /* @__PURE__ */ t(Q, { line: e, correcting: s === "correct", onDone: () => n(null) }) }) }) }) : null
  ] });
}
function De({ today: e }) {
  const { t: a, tError: n } = v(), [r, o] = k(e), [c, s] = k(""), [m, u] = k(null), [w, h] = k(!1), f = re(!0), p = { day: r, project: c ? Number(c) : void 0 }, l = B(p), g = ne();
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: a("manager_hint") }),
    /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end", children: [
      /* @__PURE__ */ t(x, { label: a("day"), children: (d) => /* @__PURE__ */ t(D, { ...d, type: "date", required: !0, value: r, onChange: (_) => o(_.target.value || e) }) }),
      /* @__PURE__ */ t(x, { label: a("project"), children: (d) => /* @__PURE__ */ i("select", { ...d, className: be, value: c, onChange: (_) => s(_.target.value), children: [
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
      se,
      {
        open: w,
        title: a("validate_day_confirm"),
        description: a("validate_day_hint"),
        confirmLabel: a("validate_day"),
        cancelLabel: a("cancel"),
        loading: g.isPending,
        onConfirm: () => g.mutate({ day: r, project: p.project }, { onSettled: () => h(!1) }),
        onCancel: () => h(!1)
      }
    ),
    g.isError ? /* @__PURE__ */ t(T, { variant: "danger", children: n(g.error) }) : null,
    g.data ? /* @__PURE__ */ t(T, { variant: "success", children: a("validated_count", { count: g.data.validated }) }) : null,
    l.isPending ? /* @__PURE__ */ t(j, { label: a("loading") }) : null,
    l.isError ? /* @__PURE__ */ t(E, { error: l.error, onRetry: () => {
      l.refetch();
    } }) : null,
    l.data && l.data.items.length === 0 ? /* @__PURE__ */ t(U, { title: a("empty") }) : null,
    l.data && l.data.items.length > 0 ? /* @__PURE__ */ t("div", { className: "overflow-x-auto rounded-lg border border-border", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ t("thead", { className: "bg-muted/40 text-xs uppercase text-muted-foreground", children: /* @__PURE__ */ t("tr", { children: ["col_person", "col_mission", "col_planned", "col_actual", "col_breaks", "col_worked", "col_status", "col_actions"].map(
        (d) => /* @__PURE__ */ t("th", { scope: "col", className: "px-3 py-2 font-medium", children: a(d) }, d)
      ) }) }),
      /* @__PURE__ */ t("tbody", { children: l.data.items.map((d) => /* @__PURE__ */ t(Se, { line: d, panel: m, setPanel: u }, d.assignment_id)) })
    ] }) }) : null
  ] });
}
function ke() {
  const { t: e, locale: a } = v(), n = B({});
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: e("tech_hint") }),
    n.isPending ? /* @__PURE__ */ t(j, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ t(E, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data && n.data.items.length === 0 ? /* @__PURE__ */ t(U, { title: e("empty_mine") }) : null,
    /* @__PURE__ */ t("ul", { className: "space-y-4", children: [...n.data?.items ?? []].reverse().map((r) => /* @__PURE__ */ t("li", { children: /* @__PURE__ */ i(ee, { className: "space-y-3", children: [
      /* @__PURE__ */ i("div", { className: "flex items-start justify-between gap-2", children: [
        /* @__PURE__ */ i("div", { children: [
          /* @__PURE__ */ t(te, { children: r.mission_title }),
          /* @__PURE__ */ i(ae, { children: [
            xe(r.planned_start, r.timezone, a),
            " ",
            "\xB7",
            " ",
            r.role_name
          ] })
        ] }),
        /* @__PURE__ */ t(Y, { line: r })
      ] }),
      /* @__PURE__ */ t("p", { className: "text-sm", children: e("planned_line", { start: y(r.planned_start, r.timezone), end: y(r.planned_end, r.timezone) }) }),
      r.editable ? /* @__PURE__ */ t(Q, { line: r }) : /* @__PURE__ */ i("div", { className: "space-y-1 text-sm", children: [
        /* @__PURE__ */ i("p", { children: [
          e("col_actual"),
          " : ",
          G(r, e("not_entered")),
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
function Te() {
  const { t: e } = v(), { timeZone: a } = V(), n = W(), r = I((/* @__PURE__ */ new Date()).toISOString(), a).date;
  return /* @__PURE__ */ i("div", { className: "space-y-6", children: [
    /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ t("h1", { className: "text-2xl font-semibold", children: e("title") }),
      /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: e("disclaimer") })
    ] }),
    n.isPending ? /* @__PURE__ */ t(j, { label: e("loading") }) : null,
    n.isError ? /* @__PURE__ */ t(E, { error: n.error, onRetry: () => {
      n.refetch();
    } }) : null,
    n.data ? n.data === "tech" ? /* @__PURE__ */ t(ke, {}) : /* @__PURE__ */ t(De, { today: r }) : null
  ] });
}
export {
  Te as default
};
