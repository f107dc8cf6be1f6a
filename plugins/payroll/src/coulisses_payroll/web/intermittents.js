import { u as f, o as M, d as e, S as D, j as i, A as w, C as P, e as $, f as O, F as g, I as x, l as S, r as z, E as k, g as A, m as B, s as G, n as j, B as N, v as V, w as q, x as U, y as X, z as Y, D as H } from "./shared-2sHR9xvY.js";
import { u as _ } from "./shared-D5wq77Ro.js";
const J = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", F = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", K = /* @__PURE__ */ new Set(["admin", "owner"]), I = [1, 2, 3], Q = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function E(t, a) {
  return new Intl.NumberFormat(a === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function W(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function Z({ count: t }) {
  const { t: a, locale: r } = f(), { formatDateTime: l } = S(), n = t.counted ?? [];
  return n.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: a("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": a("details_of", { name: t.name }), children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: a("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ i("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: a("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: n.map((s) => /* @__PURE__ */ i("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: l(s.starts_at) }),
        /* @__PURE__ */ i("td", { className: "py-1 pr-3", children: [
          s.mission_title,
          " ",
          /* @__PURE__ */ i("span", { className: "text-muted-foreground", children: [
            "(",
            s.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a(`source_${s.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: a("hours_value", { hours: E(s.minutes, r) }) })
      ] }, s.assignment_id)) })
    ] }) })
  );
}
function ee({ count: t, asOf: a }) {
  const { t: r } = f(), l = X(t.user_id, a, !0);
  return l.isPending ? /* @__PURE__ */ e(D, { label: r("intermittents_loading"), size: "sm" }) : l.isError ? /* @__PURE__ */ e(k, { error: l.error, onRetry: () => {
    l.refetch();
  } }) : /* @__PURE__ */ e(Z, { count: l.data });
}
function te({ count: t, onDone: a }) {
  const { t: r, tError: l } = f(), n = Y(), [s, c] = _(t.annexe), [o, m] = _(String(t.elsewhere_minutes / 60)), [u, p] = _(t.elsewhere_note);
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": r("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (h) => {
        h.preventDefault();
        const v = Math.round((Number(o.replace(",", ".")) || 0) * 60);
        n.mutate({ userId: t.user_id, profile: { annexe: s, elsewhere_minutes: v, elsewhere_note: u } }, { onSuccess: a });
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: r("annexe"), children: (h) => /* @__PURE__ */ i("select", { ...h, className: J, value: s, onChange: (v) => c(Number(v.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: r("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: r("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(g, { label: r("elsewhere_hours"), children: (h) => /* @__PURE__ */ e(
            x,
            {
              ...h,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: o,
              onChange: (v) => m(v.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(g, { label: r("elsewhere_note"), children: (h) => /* @__PURE__ */ e("textarea", { ...h, className: F, maxLength: 500, value: u, onChange: (v) => p(v.target.value) }) }),
        n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: l(n.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: n.isPending, children: r("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: a, children: r("cancel") })
        ] })
      ]
    }
  );
}
function re({ count: t }) {
  const { t: a, locale: r } = f(), l = (s) => a("hours_value", { hours: E(s, r) }), n = [
    ["col_here", l(t.worked_minutes)],
    ["col_cachets", a("cachets_value", { count: t.cachets, hours: E(t.cachet_minutes, r) })],
    ["col_elsewhere", l(t.elsewhere_minutes)],
    ["col_total", l(t.total_minutes)],
    ["col_missing", l(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: n.map(([s, c]) => /* @__PURE__ */ i("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: a(s) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, s)) });
}
function ae({ count: t }) {
  const { t: a, locale: r } = f(), l = a("progress_of", { total: E(t.total_minutes, r), threshold: E(t.threshold_minutes, r) });
  return /* @__PURE__ */ i("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": l }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: l })
  ] });
}
function ne({ count: t, asOf: a, canEdit: r }) {
  const { t: l } = f(), [n, s] = _(null), c = (o) => s((m) => m === o ? null : o);
  return /* @__PURE__ */ i("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: l(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(j, { variant: "success", children: l("reached") }) : /* @__PURE__ */ e(j, { variant: "warning", children: l("below") })
    ] }),
    /* @__PURE__ */ e(ae, { count: t }),
    /* @__PURE__ */ e(re, { count: t }),
    /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": n === "detail", "aria-label": l("details_of", { name: t.name }), onClick: () => c("detail"), children: l("details") }),
      r && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": n === "edit", "aria-label": l("profile_of", { name: t.name }), onClick: () => c("edit"), children: l("edit") })
    ] }),
    n === "detail" && /* @__PURE__ */ e(ee, { count: t, asOf: a }),
    n === "edit" && /* @__PURE__ */ e(te, { count: t, onDone: () => s(null) })
  ] });
}
function se({ manager: t, asOf: a, shortOnly: r }) {
  const { t: l } = f(), { formatDate: n } = S(), s = z(a, r);
  if (s.isPending) return /* @__PURE__ */ e(D, { label: l("intermittents_loading") });
  if (s.isError) return /* @__PURE__ */ e(k, { error: s.error, onRetry: () => {
    s.refetch();
  } });
  const c = s.data.items, o = c[0];
  return o === void 0 ? /* @__PURE__ */ e(A, { title: l(r ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ i("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: l("window", { from: n(o.from_day), to: n(o.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": l("intermittents_title"), children: c.map((m) => /* @__PURE__ */ e(ne, { count: m, asOf: a, canEdit: t }, m.user_id)) })
  ] });
}
const le = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function ie({ engagement: t }) {
  const { t: a } = f(), { formatDate: r, formatDateTime: l } = S(), { dpae: n } = t, s = n.status === "declared" ? r(n.declared_on ?? "") : n.status === "not_yet_open" ? l(n.opens_at) : l(n.due_at);
  return /* @__PURE__ */ e(j, { variant: le[n.status], children: a(`dpae_${n.status}`, { date: s }) });
}
function ce() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function oe({ engagement: t, onDone: a }) {
  const { t: r, tError: l } = f(), n = H(), [s, c] = _(""), [o, m] = _(ce), u = r("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": u,
      className: "space-y-3",
      onSubmit: (p) => {
        p.preventDefault(), n.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: s, declared_on: o },
          { onSuccess: a }
        );
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: r("dpae_reference_field"), children: (p) => /* @__PURE__ */ e(x, { ...p, maxLength: 64, value: s, onChange: (h) => c(h.target.value) }) }),
          /* @__PURE__ */ e(g, { label: r("dpae_declared_on"), children: (p) => /* @__PURE__ */ e(x, { ...p, type: "date", required: !0, value: o, onChange: (h) => m(h.target.value) }) })
        ] }),
        n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: l(n.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: n.isPending, children: r("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: a, children: r("cancel") })
        ] })
      ]
    }
  );
}
function de({ engagement: t }) {
  const { t: a, tError: r } = f(), { formatDate: l } = S(), n = V(), [s, c] = _(!1), [o, m] = _(!1), { dpae: u } = t, p = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ i("li", { className: `space-y-2 border-b border-border py-3 ${u.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(ie, { engagement: t })
    ] }),
    /* @__PURE__ */ i("p", { className: "text-sm text-muted-foreground", children: [
      a("engagement_days", { first: l(t.first_day), last: l(t.last_day), count: t.missions }),
      u.reference ? ` \xB7 ${a("dpae_reference", { reference: u.reference })}` : ""
    ] }),
    u.id === null ? !s && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-label": a("dpae_record_of", p), onClick: () => c(!0), children: a("dpae_record") }) : /* @__PURE__ */ e(N, { size: "sm", variant: "ghost", "aria-label": a("dpae_remove_of", p), onClick: () => m(!0), children: a("dpae_remove") }),
    s && /* @__PURE__ */ e(oe, { engagement: t, onDone: () => c(!1) }),
    n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: r(n.error) }),
    /* @__PURE__ */ e(
      q,
      {
        open: o,
        title: a("dpae_remove_of", p),
        description: a("dpae_remove_confirm"),
        confirmLabel: a("dpae_remove"),
        cancelLabel: a("cancel"),
        destructive: !0,
        loading: n.isPending,
        onConfirm: () => {
          u.id !== null && n.mutate(u.id, { onSettled: () => m(!1) });
        },
        onCancel: () => m(!1)
      }
    )
  ] });
}
function me() {
  const { t } = f(), { formatDate: a } = S(), [r, l] = _(!1), n = B(r ? "overdue" : "");
  let s;
  if (n.isPending) s = /* @__PURE__ */ e(D, { label: t("engagements_loading") });
  else if (n.isError) s = /* @__PURE__ */ e(k, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else if (n.data.items.length === 0) s = /* @__PURE__ */ e(A, { title: t(r ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...n.data.items].sort((o, m) => +(m.dpae.status === "overdue") - +(o.dpae.status === "overdue"));
    s = /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: a(n.data.from_day), to: a(n.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((o) => /* @__PURE__ */ e(de, { engagement: o }, `${o.user_id}-${o.project_id}-${o.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ i(P, { className: "space-y-3", children: [
    /* @__PURE__ */ e($, { children: t("engagements_title") }),
    /* @__PURE__ */ e(O, { children: t("engagements_hint") }),
    /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: r, onChange: (c) => l(c.target.checked) }),
      t("overdue_only")
    ] }),
    s
  ] });
}
function ue(t, a) {
  return t.licences.find((r) => r.category === a)?.number ?? "";
}
function he({ identity: t, canEdit: a }) {
  const { t: r, tError: l } = f(), n = U(), [s, c] = _({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [o, m] = _(I.map((d) => ue(t, d))), u = (d) => (b) => c((y) => ({ ...y, [d]: b.target.value })), p = n.isError ? Q[W(n.error)] : void 0, h = (d) => p === d ? l(n.error) : void 0, v = (n.data ?? t).missing;
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": r("identity_title"),
      className: "space-y-3",
      onSubmit: (d) => {
        d.preventDefault();
        const b = I.flatMap((y, C) => {
          const R = o[C]?.trim() ?? "";
          return R ? [{ category: y, number: R }] : [];
        });
        n.mutate(
          { ...s, siret: s.siret || null, ape: s.ape || null, idcc: s.idcc || null, licences: b },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (y) => c((C) => ({ ...C, siret: y.siret ?? "", ape: y.ape ?? "", idcc: y.idcc ?? "" }))
          }
        );
      },
      children: [
        v.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: r("identity_missing", { fields: v.map((d) => r(`field_${d}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("identity_complete") }),
        /* @__PURE__ */ i("fieldset", { disabled: !a, className: "space-y-3", children: [
          /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(g, { label: r("field_legal_name"), children: (d) => /* @__PURE__ */ e(x, { ...d, maxLength: 200, value: s.legal_name, onChange: u("legal_name") }) }),
            /* @__PURE__ */ e(g, { label: r("field_siret"), error: h("siret"), children: (d) => /* @__PURE__ */ e(x, { ...d, inputMode: "numeric", autoComplete: "off", value: s.siret, onChange: u("siret") }) }),
            /* @__PURE__ */ e(g, { label: r("field_ape"), error: h("ape"), children: (d) => /* @__PURE__ */ e(x, { ...d, value: s.ape, onChange: u("ape") }) }),
            /* @__PURE__ */ e(g, { label: r("field_idcc"), error: h("idcc"), children: (d) => /* @__PURE__ */ e(x, { ...d, inputMode: "numeric", value: s.idcc, onChange: u("idcc") }) })
          ] }),
          /* @__PURE__ */ e(g, { label: r("field_address"), children: (d) => /* @__PURE__ */ e("textarea", { ...d, className: F, maxLength: 500, value: s.address, onChange: u("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: I.map((d, b) => /* @__PURE__ */ e(g, { label: r(`licence_${d}`), error: b === 0 ? h("licences") : void 0, children: (y) => /* @__PURE__ */ e(
            x,
            {
              ...y,
              maxLength: 64,
              value: o[b],
              onChange: (C) => m((R) => R.map((L, T) => T === b ? C.target.value : L))
            }
          ) }, d)) }),
          /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: s.guso, onChange: (d) => c((b) => ({ ...b, guso: d.target.checked })) }),
            r("field_guso")
          ] })
        ] }),
        n.isError && !p && /* @__PURE__ */ e(w, { variant: "danger", children: l(n.error) }),
        n.isSuccess && /* @__PURE__ */ e(w, { variant: "success", children: r("identity_saved") }),
        a ? /* @__PURE__ */ e(N, { type: "submit", loading: n.isPending, children: r("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("identity_read_only") })
      ]
    }
  );
}
function pe({ canEdit: t }) {
  const { t: a } = f(), r = G(!0);
  return /* @__PURE__ */ i(P, { className: "space-y-3", children: [
    /* @__PURE__ */ e($, { children: a("identity_title") }),
    /* @__PURE__ */ e(O, { children: a("identity_hint") }),
    r.isPending ? /* @__PURE__ */ e(D, { label: a("identity_title") }) : r.isError ? /* @__PURE__ */ e(k, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : /* @__PURE__ */ e(he, { identity: r.data, canEdit: t })
  ] });
}
function ge() {
  const { t } = f(), a = M(), [r, l] = _(""), [n, s] = _(!1);
  if (a.isPending) return /* @__PURE__ */ e(D, { label: t("intermittents_loading") });
  const c = a.data !== void 0 && a.data !== "tech";
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(w, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ i(P, { className: "space-y-3", children: [
      /* @__PURE__ */ e($, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(O, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ i("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(g, { label: t("as_of"), children: (o) => /* @__PURE__ */ e(x, { ...o, type: "date", value: r, onChange: (m) => l(m.target.value) }) }),
        c && /* @__PURE__ */ i("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: n, onChange: (o) => s(o.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(se, { manager: c, asOf: r, shortOnly: c && n })
    ] }),
    c && /* @__PURE__ */ e(me, {}),
    c && /* @__PURE__ */ e(pe, { canEdit: K.has(a.data ?? "") })
  ] });
}
export {
  ge as default
};
