import { c as b, d as _, e as A, o as P, p as I, g as S, f as g, l as e, S as R, E as j, k as n, A as h, B as x, q as C, m as N, L as D, P as L } from "./shared-BIicBLbv.js";
import { a as T, I as z } from "./shared-BLEo-KZv.js";
const B = /* @__PURE__ */ new Set();
function M() {
  const { t: s, tError: v } = b(), { formatDateTime: w } = _(), r = A(), t = P(), i = I(), y = S(), [d, o] = g(null), [E, c] = g(null);
  if (r.isPending) return /* @__PURE__ */ e(R, { label: s("loading") });
  if (r.isError)
    return /* @__PURE__ */ e(j, { error: r.error, onRetry: () => {
      r.refetch();
    } });
  const { items: u, unread: m } = r.data, f = t.error ?? i.error ?? E, k = y.data ?? B;
  return /* @__PURE__ */ n("div", { className: "space-y-4", children: [
    f ? /* @__PURE__ */ e(h, { variant: "danger", children: v(f) }) : null,
    d ? /* @__PURE__ */ e(h, { variant: "success", children: d }) : null,
    /* @__PURE__ */ n("div", { className: "flex flex-wrap items-center justify-between gap-3", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", "aria-live": "polite", children: s("unread", { count: m }) }),
      /* @__PURE__ */ e(x, { variant: "secondary", size: "sm", disabled: m === 0, loading: i.isPending, onClick: () => i.mutate(), children: s("mark_all") })
    ] }),
    u.length === 0 ? /* @__PURE__ */ e(C, { title: s("empty") }) : /* @__PURE__ */ e("ul", { className: "divide-y divide-border rounded-lg border border-border bg-surface", children: u.map((a) => {
      const p = T(a, k);
      return /* @__PURE__ */ n(
        "li",
        {
          className: N("flex flex-wrap items-start justify-between gap-3 px-4 py-3", !a.read_at && "bg-info-soft/40"),
          children: [
            /* @__PURE__ */ n("div", { className: "min-w-0 space-y-1", children: [
              /* @__PURE__ */ n("p", { className: N("text-sm", !a.read_at && "font-semibold"), children: [
                a.read_at ? null : /* @__PURE__ */ n("span", { className: "sr-only", children: [
                  s("new"),
                  " "
                ] }),
                a.title
              ] }),
              a.body ? /* @__PURE__ */ e("p", { className: "text-sm whitespace-pre-line text-muted-foreground", children: a.body }) : null,
              /* @__PURE__ */ e("p", { className: "text-xs text-muted-foreground", children: w(a.created_at) }),
              p !== null ? /* @__PURE__ */ e("div", { className: "pt-2", children: /* @__PURE__ */ e(
                z,
                {
                  notificationId: a.id,
                  assignmentId: p,
                  title: a.title,
                  onAnswered: (l) => {
                    c(null), o(l);
                  },
                  onError: (l) => {
                    o(null), c(l);
                  }
                }
              ) }) : null
            ] }),
            a.read_at ? null : /* @__PURE__ */ e(
              x,
              {
                variant: "ghost",
                size: "sm",
                "aria-label": s("mark_read_of", { title: a.title }),
                loading: t.isPending && t.variables === a.id,
                onClick: () => t.mutate(a.id),
                children: s("mark_read")
              }
            )
          ]
        },
        a.id
      );
    }) })
  ] });
}
function G() {
  const { t: s } = b();
  return /* @__PURE__ */ n("div", { className: "space-y-6", children: [
    /* @__PURE__ */ n("div", { className: "flex flex-wrap items-baseline justify-between gap-3", children: [
      /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: s("title") }),
      /* @__PURE__ */ e(D, { to: L, className: "text-sm font-medium text-primary underline-offset-4 hover:underline", children: s("preferences_link") })
    ] }),
    /* @__PURE__ */ e(M, {})
  ] });
}
export {
  G as default
};
