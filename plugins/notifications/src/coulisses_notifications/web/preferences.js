import { c as q, s as L, k as t, l as a, L as T, I as z, S as P, E as w, t as j, f, v as g, w as N, x as C, y as A, z as B, F as k, D as S, A as _, B as y, d as F, G as H, H as I, J as U, C as R } from "./shared-QMt1BlYx.js";
function E(e) {
  return {
    locale: e.locale === "fr" || e.locale === "en" ? e.locale : "",
    fromOrg: e.quiet_hours_from_org,
    quietStart: e.quiet_start,
    quietEnd: e.quiet_end,
    channels: Object.fromEntries(e.kinds.map((l) => [l, e.channels[l] ?? []]))
  };
}
function X(e) {
  return {
    locale: e.locale === "" ? null : e.locale,
    quiet_start: e.fromOrg ? null : e.quietStart,
    quiet_end: e.fromOrg ? null : e.quietEnd,
    channels: e.channels
  };
}
const O = "size-4 rounded border-border accent-primary";
function G({ prefs: e }) {
  const { t: l, tError: p, locale: i } = q(), o = j(), [s, u] = f(() => E(e)), [m, h] = f(!1), b = (r, n, d) => {
    h(!1), u((v) => {
      const x = new Set(v.channels[r] ?? []);
      return d ? x.add(n) : x.delete(n), { ...v, channels: { ...v.channels, [r]: e.available_channels.filter((D) => x.has(D)) } };
    });
  }, c = (r) => {
    h(!1), u((n) => ({ ...n, ...r }));
  };
  return /* @__PURE__ */ t(
    "form",
    {
      className: "space-y-6",
      onSubmit: (r) => {
        r.preventDefault(), o.mutate(X(s), {
          onSuccess: (n) => {
            u(E(n)), h(!0);
          }
        });
      },
      children: [
        /* @__PURE__ */ t(g, { className: "space-y-4", children: [
          /* @__PURE__ */ a(N, { children: l("channels_title") }),
          /* @__PURE__ */ a(C, { children: l("channels_hint") }),
          /* @__PURE__ */ a("div", { className: "space-y-3", children: e.kinds.map((r) => /* @__PURE__ */ t("fieldset", { className: "rounded-md border border-border px-3 py-2", children: [
            /* @__PURE__ */ a("legend", { className: "px-1 text-sm font-medium", children: A(i, r) }),
            /* @__PURE__ */ a("div", { className: "flex flex-wrap gap-x-6 gap-y-2 py-1", children: e.available_channels.map((n) => /* @__PURE__ */ t("label", { className: "inline-flex min-h-9 items-center gap-2 text-sm", children: [
              /* @__PURE__ */ a(
                "input",
                {
                  type: "checkbox",
                  className: O,
                  checked: (s.channels[r] ?? []).includes(n),
                  onChange: (d) => b(r, n, d.target.checked)
                }
              ),
              B(i, n)
            ] }, n)) })
          ] }, r)) })
        ] }),
        /* @__PURE__ */ a(g, { className: "space-y-4", children: /* @__PURE__ */ a(k, { label: l("language_label"), children: (r) => /* @__PURE__ */ t(
          "select",
          {
            ...r,
            value: s.locale,
            onChange: (n) => c({ locale: n.target.value }),
            className: "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm sm:w-64",
            children: [
              /* @__PURE__ */ a("option", { value: "", children: l("language_org") }),
              /* @__PURE__ */ a("option", { value: "fr", children: l("language_fr") }),
              /* @__PURE__ */ a("option", { value: "en", children: l("language_en") })
            ]
          }
        ) }) }),
        /* @__PURE__ */ t(g, { className: "space-y-4", children: [
          /* @__PURE__ */ a(N, { children: l("quiet_title") }),
          /* @__PURE__ */ a(C, { children: l("quiet_hint", { zone: e.timezone }) }),
          /* @__PURE__ */ t("label", { className: "inline-flex min-h-9 items-center gap-2 text-sm", children: [
            /* @__PURE__ */ a(
              "input",
              {
                type: "checkbox",
                className: O,
                checked: s.fromOrg,
                onChange: (r) => c({ fromOrg: r.target.checked })
              }
            ),
            l("quiet_from_org")
          ] }),
          /* @__PURE__ */ t("div", { className: "grid gap-4 sm:grid-cols-2", children: [
            /* @__PURE__ */ a(k, { label: l("quiet_start"), children: (r) => /* @__PURE__ */ a(
              S,
              {
                ...r,
                type: "time",
                required: !0,
                disabled: s.fromOrg,
                value: s.quietStart,
                onChange: (n) => c({ quietStart: n.target.value })
              }
            ) }),
            /* @__PURE__ */ a(k, { label: l("quiet_end"), children: (r) => /* @__PURE__ */ a(
              S,
              {
                ...r,
                type: "time",
                required: !0,
                disabled: s.fromOrg,
                value: s.quietEnd,
                onChange: (n) => c({ quietEnd: n.target.value })
              }
            ) })
          ] })
        ] }),
        o.isError ? /* @__PURE__ */ a(_, { variant: "danger", children: p(o.error) }) : null,
        m ? /* @__PURE__ */ a(_, { variant: "success", children: l("saved") }) : null,
        /* @__PURE__ */ a(y, { type: "submit", loading: o.isPending, children: l("save") })
      ]
    }
  );
}
function J() {
  const { t: e, tError: l } = q(), { formatDate: p } = F(), i = H(), o = I(), s = U(), [u, m] = f(!1), [h, b] = f(!1);
  let c;
  if (i.isPending) c = /* @__PURE__ */ a(P, { label: e("preferences_loading") });
  else if (i.isError) c = /* @__PURE__ */ a(w, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  else if (!i.data.bot_configured) c = /* @__PURE__ */ a("p", { className: "text-sm text-muted-foreground", children: e("telegram_unavailable") });
  else if (i.data.linked) {
    const { username: n, linked_at: d } = i.data;
    c = /* @__PURE__ */ t("div", { className: "space-y-3", children: [
      /* @__PURE__ */ t("p", { className: "text-sm", children: [
        n ? e("telegram_linked_as", { username: n }) : e("telegram_linked"),
        d ? ` ${e("telegram_linked_at", { date: p(d) })}` : null
      ] }),
      /* @__PURE__ */ a(y, { variant: "secondary", size: "sm", onClick: () => m(!0), children: e("telegram_unlink") }),
      /* @__PURE__ */ a(
        R,
        {
          open: u,
          title: e("telegram_unlink_confirm"),
          confirmLabel: e("telegram_unlink"),
          cancelLabel: e("cancel"),
          destructive: !0,
          loading: s.isPending,
          onConfirm: () => s.mutate(void 0, {
            onSuccess: () => {
              o.reset(), b(!0);
            },
            onSettled: () => m(!1)
          }),
          onCancel: () => m(!1)
        }
      )
    ] });
  } else {
    const n = o.data;
    c = /* @__PURE__ */ t("div", { className: "space-y-3", children: [
      /* @__PURE__ */ a("p", { className: "text-sm", children: e("telegram_not_linked") }),
      n ? /* @__PURE__ */ t("div", { className: "space-y-2 rounded-md border border-border px-3 py-2", children: [
        /* @__PURE__ */ a("p", { className: "font-mono text-sm font-semibold break-all", children: e("telegram_code", { code: n.code }) }),
        /* @__PURE__ */ a("p", { className: "text-sm text-muted-foreground", children: n.bot_username ? e("telegram_code_hint", { code: n.code, bot: n.bot_username, hours: n.expires_in_hours }) : e("telegram_code_hint_nobot", { code: n.code, hours: n.expires_in_hours }) }),
        n.url ? /* @__PURE__ */ a(
          "a",
          {
            href: n.url,
            target: "_blank",
            rel: "noopener noreferrer",
            className: "text-sm font-medium text-primary underline-offset-4 hover:underline",
            children: e("telegram_open")
          }
        ) : null
      ] }) : null,
      /* @__PURE__ */ a(y, { variant: "secondary", size: "sm", loading: o.isPending, onClick: () => o.mutate(), children: e("telegram_get_code") })
    ] });
  }
  const r = o.error ?? s.error;
  return /* @__PURE__ */ t(g, { className: "space-y-3", children: [
    /* @__PURE__ */ a(N, { children: e("telegram_title") }),
    r ? /* @__PURE__ */ a(_, { variant: "danger", children: l(r) }) : null,
    h && !i.data?.linked ? /* @__PURE__ */ a(_, { variant: "success", children: e("telegram_unlinked") }) : null,
    c
  ] });
}
function $() {
  const { t: e } = q(), l = L();
  return /* @__PURE__ */ t("div", { className: "space-y-6", children: [
    /* @__PURE__ */ t("div", { className: "flex flex-wrap items-baseline justify-between gap-3", children: [
      /* @__PURE__ */ a("h1", { className: "text-2xl font-semibold", children: e("preferences_title") }),
      /* @__PURE__ */ a(T, { to: z, className: "text-sm font-medium text-primary underline-offset-4 hover:underline", children: e("back_to_inbox") })
    ] }),
    l.isPending ? /* @__PURE__ */ a(P, { label: e("preferences_loading") }) : null,
    l.isError ? /* @__PURE__ */ a(w, { error: l.error, onRetry: () => {
      l.refetch();
    } }) : null,
    l.data ? /* @__PURE__ */ a(G, { prefs: l.data }) : null,
    /* @__PURE__ */ a(J, {})
  ] });
}
export {
  $ as default
};
