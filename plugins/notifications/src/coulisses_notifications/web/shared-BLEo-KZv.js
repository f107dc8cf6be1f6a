import { c as g, r as p, f as v, k as _, l as c, B as d, C as b } from "./shared-BIicBLbv.js";
const w = /* @__PURE__ */ new Set(["invitation", "reminder_expiry"]);
function I(s) {
  if (!w.has(s.kind)) return null;
  const n = s.data.assignment_id;
  return typeof n == "number" && Number.isInteger(n) ? n : null;
}
function y(s, n) {
  const i = I(s);
  return i !== null && n.has(i) ? i : null;
}
function A({ notificationId: s, assignmentId: n, title: i, onAnswered: u, onError: f }) {
  const { t: e } = g(), a = p(), [m, t] = v(!1);
  async function l(o) {
    try {
      const r = await a.mutateAsync({ assignmentId: n, accept: o, notificationId: s });
      u(e(o ? r.reserve ? "answer_accepted_reserve" : "answer_accepted" : "answer_declined"));
    } catch (r) {
      f(r);
    } finally {
      t(!1);
    }
  }
  return /* @__PURE__ */ _("div", { className: "flex flex-wrap gap-2", children: [
    /* @__PURE__ */ c(
      d,
      {
        size: "sm",
        "aria-label": e("accept_of", { title: i }),
        loading: a.isPending && a.variables?.accept === !0,
        disabled: a.isPending,
        onClick: () => {
          l(!0);
        },
        children: e("accept")
      }
    ),
    /* @__PURE__ */ c(
      d,
      {
        size: "sm",
        variant: "secondary",
        "aria-label": e("decline_of", { title: i }),
        disabled: a.isPending,
        onClick: () => t(!0),
        children: e("decline")
      }
    ),
    /* @__PURE__ */ c(
      b,
      {
        open: m,
        title: e("decline_confirm_title"),
        description: i,
        confirmLabel: e("decline"),
        cancelLabel: e("cancel"),
        destructive: !0,
        loading: a.isPending,
        onConfirm: () => {
          l(!1);
        },
        onCancel: () => t(!1)
      }
    )
  ] });
}
export {
  A as I,
  y as a
};
