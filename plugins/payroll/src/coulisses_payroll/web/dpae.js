import { u, v as m, j as l, C as h, g as t, i as p, L as _, s as f, w as g } from "./shared-Nh1hQyZl.js";
const x = "/plugins/payroll/intermittents", i = 5;
function c({ items: s, overdue: n }) {
  const { t: d } = u(), { formatDateTime: a } = f();
  return /* @__PURE__ */ t("ul", { className: "divide-y divide-border", children: s.slice(0, i).map((e) => /* @__PURE__ */ l("li", { className: "flex flex-wrap items-baseline justify-between gap-2 py-2", children: [
    /* @__PURE__ */ l("span", { children: [
      /* @__PURE__ */ t("span", { className: "font-medium", children: e.name }),
      " ",
      /* @__PURE__ */ t("span", { className: "text-sm text-muted-foreground", children: e.project_name })
    ] }),
    /* @__PURE__ */ t(g, { variant: n ? "danger" : "info", children: d(n ? "dpae_overdue" : "dpae_to_declare", { date: a(e.dpae.due_at) }) })
  ] }, `${e.user_id}-${e.project_id}-${e.first_day}`)) });
}
function b() {
  const { t: s } = u(), d = m("").data?.items ?? [], a = d.filter((r) => r.dpae.status === "overdue"), e = d.filter((r) => r.dpae.status === "to_declare");
  if (a.length + e.length === 0) return null;
  const o = Math.max(0, a.length - i) + Math.max(0, e.length - i);
  return /* @__PURE__ */ l(h, { className: `space-y-2 ${a.length > 0 ? "border-danger" : ""}`, children: [
    /* @__PURE__ */ t(p, { children: s("dashboard_dpae_title") }),
    a.length > 0 && /* @__PURE__ */ t("p", { className: "text-sm font-medium text-danger", children: s("dashboard_dpae_overdue", { count: a.length }) }),
    a.length > 0 && /* @__PURE__ */ t(c, { items: a, overdue: !0 }),
    e.length > 0 && /* @__PURE__ */ t("p", { className: "text-sm", children: s("dashboard_dpae_due", { count: e.length }) }),
    e.length > 0 && /* @__PURE__ */ t(c, { items: e, overdue: !1 }),
    o > 0 && /* @__PURE__ */ t("p", { className: "text-sm text-muted-foreground", children: s("dashboard_dpae_more", { count: o }) }),
    /* @__PURE__ */ t(_, { to: x, className: "text-sm text-primary underline", children: s("dashboard_dpae_open") })
  ] });
}
export {
  x as INTERMITTENTS_PAGE,
  b as default
};
