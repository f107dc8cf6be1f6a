import { z as u, T as A, c as E, s as I, k as l, l as n, L as B, I as H, S as L, E as z, t as R, d as D, v as U, w as V, f as q, x, y as C, D as O, F as K, G as M, H as k, J as P, A as v, B as S, K as X, M as Z, N as G, C as J } from "./shared-BIicBLbv.js";
const Y = u.object({
  locale: u.enum(["", "fr", "en"], "form_invalid"),
  fromOrg: u.boolean(),
  // A disabled field (the org's hours) has no value.
  quietStart: u.string().optional(),
  quietEnd: u.string().optional(),
  channels: u.record(u.string(), u.array(u.string()))
}).superRefine((e, r) => {
  if (!e.fromOrg)
    for (const m of ["quietStart", "quietEnd"])
      A.test(e[m] ?? "") || r.addIssue({ code: "custom", path: [m], message: "form_required" });
});
function T(e) {
  return {
    locale: e.locale === "fr" || e.locale === "en" ? e.locale : "",
    fromOrg: e.quiet_hours_from_org,
    quietStart: e.quiet_start,
    quietEnd: e.quiet_end,
    channels: Object.fromEntries(e.kinds.map((r) => [r, e.channels[r] ?? []]))
  };
}
function $(e) {
  return {
    locale: e.locale === "" ? null : e.locale,
    quiet_start: e.fromOrg ? null : e.quietStart ?? null,
    quiet_end: e.fromOrg ? null : e.quietEnd ?? null,
    channels: e.channels
  };
}
const w = "size-4 rounded border-border accent-primary";
function Q({ prefs: e }) {
  const { t: r, tError: m, locale: i } = E(), o = R(), { formatZone: g } = D(), f = U(), s = V(Y, { defaultValues: T(e) }), { errors: _ } = s.formState, [h, c] = s.watch(["channels", "fromOrg"]), [p, a] = q(!1), b = (t, d, y) => {
    a(!1);
    const N = new Set(h[t] ?? []);
    y ? N.add(d) : N.delete(d), s.setValue("channels", { ...h, [t]: e.available_channels.filter((j) => N.has(j)) });
  }, F = s.handleSubmit((t) => {
    a(!1), o.mutate($(t), {
      onSuccess: (d) => {
        s.reset(T(d)), a(!0);
      }
    });
  });
  return /* @__PURE__ */ l("form", { className: "space-y-6", noValidate: !0, onSubmit: F, children: [
    /* @__PURE__ */ l(x, { className: "space-y-4", children: [
      /* @__PURE__ */ n(C, { children: r("channels_title") }),
      /* @__PURE__ */ n(O, { children: r("channels_hint") }),
      /* @__PURE__ */ n("div", { className: "space-y-3", children: e.kinds.map((t) => /* @__PURE__ */ l("fieldset", { className: "rounded-md border border-border px-3 py-2", children: [
        /* @__PURE__ */ n("legend", { className: "px-1 text-sm font-medium", children: K(i, t) }),
        /* @__PURE__ */ n("div", { className: "flex flex-wrap gap-x-6 gap-y-2 py-1", children: e.available_channels.map((d) => /* @__PURE__ */ l("label", { className: "inline-flex min-h-9 items-center gap-2 text-sm", children: [
          /* @__PURE__ */ n(
            "input",
            {
              type: "checkbox",
              className: w,
              checked: (h[t] ?? []).includes(d),
              onChange: (y) => b(t, d, y.target.checked)
            }
          ),
          M(i, d)
        ] }, d)) })
      ] }, t)) })
    ] }),
    /* @__PURE__ */ n(x, { className: "space-y-4", children: /* @__PURE__ */ n(k, { label: r("language_label"), children: (t) => /* @__PURE__ */ l(
      "select",
      {
        ...t,
        ...s.register("locale", { onChange: () => a(!1) }),
        className: "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm sm:w-64",
        children: [
          /* @__PURE__ */ n("option", { value: "", children: r("language_org") }),
          /* @__PURE__ */ n("option", { value: "fr", children: r("language_fr") }),
          /* @__PURE__ */ n("option", { value: "en", children: r("language_en") })
        ]
      }
    ) }) }),
    /* @__PURE__ */ l(x, { className: "space-y-4", children: [
      /* @__PURE__ */ n(C, { children: r("quiet_title") }),
      /* @__PURE__ */ n(O, { children: r("quiet_hint", { zone: g(e.timezone) }) }),
      /* @__PURE__ */ l("label", { className: "inline-flex min-h-9 items-center gap-2 text-sm", children: [
        /* @__PURE__ */ n(
          "input",
          {
            type: "checkbox",
            className: w,
            ...s.register("fromOrg", { onChange: () => a(!1) })
          }
        ),
        r("quiet_from_org")
      ] }),
      /* @__PURE__ */ l("div", { className: "grid gap-4 sm:grid-cols-2", children: [
        /* @__PURE__ */ n(k, { label: r("quiet_start"), error: f(_.quietStart), children: (t) => /* @__PURE__ */ n(P, { ...t, type: "time", disabled: c, ...s.register("quietStart", { onChange: () => a(!1) }) }) }),
        /* @__PURE__ */ n(k, { label: r("quiet_end"), error: f(_.quietEnd), children: (t) => /* @__PURE__ */ n(P, { ...t, type: "time", disabled: c, ...s.register("quietEnd", { onChange: () => a(!1) }) }) })
      ] })
    ] }),
    o.isError ? /* @__PURE__ */ n(v, { variant: "danger", children: m(o.error) }) : null,
    p ? /* @__PURE__ */ n(v, { variant: "success", children: r("saved") }) : null,
    /* @__PURE__ */ n(S, { type: "submit", loading: o.isPending, children: r("save") })
  ] });
}
function W() {
  const { t: e, tError: r } = E(), { formatDate: m } = D(), i = X(), o = Z(), g = G(), [f, s] = q(!1), [_, h] = q(!1);
  let c;
  if (i.isPending) c = /* @__PURE__ */ n(L, { label: e("preferences_loading") });
  else if (i.isError) c = /* @__PURE__ */ n(z, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  else if (!i.data.bot_configured) c = /* @__PURE__ */ n("p", { className: "text-sm text-muted-foreground", children: e("telegram_unavailable") });
  else if (i.data.linked) {
    const { username: a, linked_at: b } = i.data;
    c = /* @__PURE__ */ l("div", { className: "space-y-3", children: [
      /* @__PURE__ */ l("p", { className: "text-sm", children: [
        a ? e("telegram_linked_as", { username: a }) : e("telegram_linked"),
        b ? ` ${e("telegram_linked_at", { date: m(b) })}` : null
      ] }),
      /* @__PURE__ */ n(S, { variant: "secondary", size: "sm", onClick: () => s(!0), children: e("telegram_unlink") }),
      /* @__PURE__ */ n(
        J,
        {
          open: f,
          title: e("telegram_unlink_confirm"),
          confirmLabel: e("telegram_unlink"),
          cancelLabel: e("cancel"),
          destructive: !0,
          loading: g.isPending,
          onConfirm: () => g.mutate(void 0, {
            onSuccess: () => {
              o.reset(), h(!0);
            },
            onSettled: () => s(!1)
          }),
          onCancel: () => s(!1)
        }
      )
    ] });
  } else {
    const a = o.data;
    c = /* @__PURE__ */ l("div", { className: "space-y-3", children: [
      /* @__PURE__ */ n("p", { className: "text-sm", children: e("telegram_not_linked") }),
      a ? /* @__PURE__ */ l("div", { className: "space-y-2 rounded-md border border-border px-3 py-2", children: [
        /* @__PURE__ */ n("p", { className: "font-mono text-sm font-semibold break-all", children: e("telegram_code", { code: a.code }) }),
        /* @__PURE__ */ n("p", { className: "text-sm text-muted-foreground", children: a.bot_username ? e("telegram_code_hint", { code: a.code, bot: a.bot_username, hours: a.expires_in_hours }) : e("telegram_code_hint_nobot", { code: a.code, hours: a.expires_in_hours }) }),
        a.url ? /* @__PURE__ */ n(
          "a",
          {
            href: a.url,
            target: "_blank",
            rel: "noopener noreferrer",
            className: "text-sm font-medium text-primary underline-offset-4 hover:underline",
            children: e("telegram_open")
          }
        ) : null
      ] }) : null,
      /* @__PURE__ */ n(S, { variant: "secondary", size: "sm", loading: o.isPending, onClick: () => o.mutate(), children: e("telegram_get_code") })
    ] });
  }
  const p = o.error ?? g.error;
  return /* @__PURE__ */ l(x, { className: "space-y-3", children: [
    /* @__PURE__ */ n(C, { children: e("telegram_title") }),
    p ? /* @__PURE__ */ n(v, { variant: "danger", children: r(p) }) : null,
    _ && !i.data?.linked ? /* @__PURE__ */ n(v, { variant: "success", children: e("telegram_unlinked") }) : null,
    c
  ] });
}
function ne() {
  const { t: e } = E(), r = I();
  return /* @__PURE__ */ l("div", { className: "space-y-6", children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-baseline justify-between gap-3", children: [
      /* @__PURE__ */ n("h1", { className: "text-2xl font-semibold", children: e("preferences_title") }),
      /* @__PURE__ */ n(B, { to: H, className: "text-sm font-medium text-primary underline-offset-4 hover:underline", children: e("back_to_inbox") })
    ] }),
    r.isPending ? /* @__PURE__ */ n(L, { label: e("preferences_loading") }) : null,
    r.isError ? /* @__PURE__ */ n(z, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : null,
    r.data ? /* @__PURE__ */ n(Q, { prefs: r.data }) : null,
    /* @__PURE__ */ n(W, {})
  ] });
}
export {
  ne as default
};
