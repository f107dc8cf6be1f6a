import { u as E, a as A, n as k, b as L, c as T, d as _, e as C, f as b, g as O, h as N, i as D, j as M, k as a, l as t, A as j, m as y, L as B, I as P } from "./shared-BIicBLbv.js";
import { a as Q, I as S } from "./shared-BLEo-KZv.js";
const q = "notifications.created";
function z(s) {
  const l = E(), u = A(
    () => ({ [q]: () => {
      l.invalidateQueries({ queryKey: k });
    } }),
    [l]
  );
  L(u, s);
}
const H = 5, K = /* @__PURE__ */ new Set();
function G() {
  const { t: s, tError: l } = T(), { formatDateTime: u } = _(), m = C(), [r, d] = b(!1), w = O(r), [f, c] = b(null), p = N(null), g = N(null), h = D();
  z(!0);
  const o = m.data?.unread ?? 0;
  M(() => {
    if (!r) return;
    const e = (n) => {
      p.current?.contains(n.target) || d(!1);
    }, i = (n) => {
      n.key !== "Escape" || n.target?.closest?.("dialog") || (d(!1), c(null), g.current?.focus());
    };
    return document.addEventListener("pointerdown", e), document.addEventListener("keydown", i), () => {
      document.removeEventListener("pointerdown", e), document.removeEventListener("keydown", i);
    };
  }, [r]);
  const v = () => {
    d(!1), c(null);
  }, x = (m.data?.items ?? []).slice(0, H), I = w.data ?? K;
  return /* @__PURE__ */ a("div", { ref: p, className: "relative", children: [
    /* @__PURE__ */ a(
      "button",
      {
        ref: g,
        type: "button",
        "aria-label": o > 0 ? s("unread", { count: o }) : s("title"),
        "aria-expanded": r,
        "aria-controls": h,
        onClick: () => r ? v() : d(!0),
        className: "relative inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        children: [
          /* @__PURE__ */ a("svg", { "aria-hidden": "true", viewBox: "0 0 24 24", className: "size-5", fill: "none", stroke: "currentColor", strokeWidth: "2", children: [
            /* @__PURE__ */ t("path", { d: "M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" }),
            /* @__PURE__ */ t("path", { d: "M10.3 21a1.94 1.94 0 0 0 3.4 0" })
          ] }),
          o > 0 ? /* @__PURE__ */ t("span", { "aria-hidden": "true", className: "rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-foreground", children: o > 99 ? "99+" : o }) : null
        ]
      }
    ),
    r ? /* @__PURE__ */ a(
      "div",
      {
        id: h,
        role: "region",
        "aria-label": s("title"),
        className: "absolute top-full right-0 z-40 mt-2 w-[min(24rem,calc(100vw-1.5rem))] rounded-lg border border-border bg-surface shadow-lg",
        children: [
          f ? /* @__PURE__ */ t(j, { variant: f.danger ? "danger" : "success", className: "m-3", children: f.text }) : null,
          x.length === 0 ? /* @__PURE__ */ t("p", { className: "px-4 py-3 text-sm text-muted-foreground", children: s("empty") }) : /* @__PURE__ */ t("ul", { className: "max-h-[60vh] divide-y divide-border overflow-y-auto", children: x.map((e) => {
            const i = Q(e, I);
            return /* @__PURE__ */ a("li", { className: y("space-y-1 px-4 py-3", !e.read_at && "bg-info-soft/40"), children: [
              /* @__PURE__ */ a("p", { className: y("text-sm", !e.read_at && "font-semibold"), children: [
                e.read_at ? null : /* @__PURE__ */ a("span", { className: "sr-only", children: [
                  s("new"),
                  " "
                ] }),
                e.title
              ] }),
              /* @__PURE__ */ t("p", { className: "text-xs text-muted-foreground", children: u(e.created_at) }),
              i !== null ? /* @__PURE__ */ t(
                S,
                {
                  notificationId: e.id,
                  assignmentId: i,
                  title: e.title,
                  onAnswered: (n) => c({ text: n, danger: !1 }),
                  onError: (n) => c({ text: l(n), danger: !0 })
                }
              ) : null
            ] }, e.id);
          }) }),
          /* @__PURE__ */ t("div", { className: "border-t border-border px-4 py-3", children: /* @__PURE__ */ t(
            B,
            {
              to: P,
              onClick: v,
              className: "text-sm font-medium text-primary underline-offset-4 hover:underline",
              children: s("see_all")
            }
          ) })
        ]
      }
    ) : null
  ] });
}
export {
  G as default
};
