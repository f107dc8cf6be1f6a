import { u as f, e as M, b as e, S as E, j as i, A as N, C as P, c as $, h as O, F as g, I as y, d as D, n as B, E as R, l as A, a as z, o as q, B as j, i as x, p as G, q as V, r as U, s as X, t as Y, v as H } from "./shared-BEN4h4ek.js";
import { u as _ } from "./shared-CfP4zRFP.js";
const J = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", F = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", K = /* @__PURE__ */ new Set(["admin", "owner"]), I = [1, 2, 3], Q = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function C(t, r) {
  return new Intl.NumberFormat(r === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function W(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function Z({ count: t }) {
  const { t: r, locale: a } = f(), { formatDateTime: l } = D(), n = t.counted ?? [];
  return n.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: r("counted_empty") }) : /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
    /* @__PURE__ */ e("caption", { className: "sr-only", children: r("details_of", { name: t.name }) }),
    /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ i("tr", { className: "border-b border-border text-muted", children: [
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("start") }),
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_mission") }),
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_status") }),
      /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("col_total") })
    ] }) }),
    /* @__PURE__ */ e("tbody", { children: n.map((s) => /* @__PURE__ */ i("tr", { className: "border-b border-border", children: [
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: l(s.starts_at) }),
      /* @__PURE__ */ i("td", { className: "py-1 pr-3", children: [
        s.mission_title,
        " ",
        /* @__PURE__ */ i("span", { className: "text-muted", children: [
          "(",
          s.role_name,
          ")"
        ] })
      ] }),
      /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: r(`source_${s.source}`) }),
      /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: r("hours_value", { hours: C(s.minutes, a) }) })
    ] }, s.assignment_id)) })
  ] }) });
}
function ee({ count: t, asOf: r }) {
  const { t: a } = f(), l = X(t.user_id, r, !0);
  return l.isPending ? /* @__PURE__ */ e(E, { label: a("intermittents_loading"), size: "sm" }) : l.isError ? /* @__PURE__ */ e(R, { error: l.error, onRetry: () => {
    l.refetch();
  } }) : /* @__PURE__ */ e(Z, { count: l.data });
}
function te({ count: t, onDone: r }) {
  const { t: a, tError: l } = f(), n = Y(), [s, c] = _(t.annexe), [d, m] = _(String(t.elsewhere_minutes / 60)), [u, p] = _(t.elsewhere_note);
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (h) => {
        h.preventDefault();
        const v = Math.round((Number(d.replace(",", ".")) || 0) * 60);
        n.mutate({ userId: t.user_id, profile: { annexe: s, elsewhere_minutes: v, elsewhere_note: u } }, { onSuccess: r });
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: a("annexe"), children: (h) => /* @__PURE__ */ i("select", { ...h, className: J, value: s, onChange: (v) => c(Number(v.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: a("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: a("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(g, { label: a("elsewhere_hours"), children: (h) => /* @__PURE__ */ e(
            y,
            {
              ...h,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: d,
              onChange: (v) => m(v.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(g, { label: a("elsewhere_note"), children: (h) => /* @__PURE__ */ e("textarea", { ...h, className: F, maxLength: 500, value: u, onChange: (v) => p(v.target.value) }) }),
        n.isError && /* @__PURE__ */ e(N, { variant: "danger", children: l(n.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(x, { type: "submit", loading: n.isPending, children: a("save") }),
          /* @__PURE__ */ e(x, { type: "button", variant: "ghost", onClick: r, children: a("cancel") })
        ] })
      ]
    }
  );
}
function ae({ count: t }) {
  const { t: r, locale: a } = f(), l = (s) => r("hours_value", { hours: C(s, a) }), n = [
    ["col_here", l(t.worked_minutes)],
    ["col_cachets", r("cachets_value", { count: t.cachets, hours: C(t.cachet_minutes, a) })],
    ["col_elsewhere", l(t.elsewhere_minutes)],
    ["col_total", l(t.total_minutes)],
    ["col_missing", l(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: n.map(([s, c]) => /* @__PURE__ */ i("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted", children: r(s) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: c })
  ] }, s)) });
}
function re({ count: t }) {
  const { t: r, locale: a } = f(), l = r("progress_of", { total: C(t.total_minutes, a), threshold: C(t.threshold_minutes, a) });
  return /* @__PURE__ */ i("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": l }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted", children: l })
  ] });
}
function ne({ count: t, asOf: r, canEdit: a }) {
  const { t: l } = f(), [n, s] = _(null), c = (d) => s((m) => m === d ? null : d);
  return /* @__PURE__ */ i("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted", children: l(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(j, { variant: "success", children: l("reached") }) : /* @__PURE__ */ e(j, { variant: "warning", children: l("below") })
    ] }),
    /* @__PURE__ */ e(re, { count: t }),
    /* @__PURE__ */ e(ae, { count: t }),
    /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": n === "detail", "aria-label": l("details_of", { name: t.name }), onClick: () => c("detail"), children: l("details") }),
      a && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-expanded": n === "edit", "aria-label": l("profile_of", { name: t.name }), onClick: () => c("edit"), children: l("edit") })
    ] }),
    n === "detail" && /* @__PURE__ */ e(ee, { count: t, asOf: r }),
    n === "edit" && /* @__PURE__ */ e(te, { count: t, onDone: () => s(null) })
  ] });
}
function se({ manager: t, asOf: r, shortOnly: a }) {
  const { t: l } = f(), { formatDate: n } = D(), s = B(r, a);
  if (s.isPending) return /* @__PURE__ */ e(E, { label: l("intermittents_loading") });
  if (s.isError) return /* @__PURE__ */ e(R, { error: s.error, onRetry: () => {
    s.refetch();
  } });
  const c = s.data.items, d = c[0];
  return d === void 0 ? /* @__PURE__ */ e(A, { title: l(a ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ i("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: l("window", { from: n(d.from_day), to: n(d.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": l("intermittents_title"), children: c.map((m) => /* @__PURE__ */ e(ne, { count: m, asOf: r, canEdit: t }, m.user_id)) })
  ] });
}
const le = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function ie({ engagement: t }) {
  const { t: r } = f(), { formatDate: a, formatDateTime: l } = D(), { dpae: n } = t, s = n.status === "declared" ? a(n.declared_on ?? "") : n.status === "not_yet_open" ? l(n.opens_at) : l(n.due_at);
  return /* @__PURE__ */ e(j, { variant: le[n.status], children: r(`dpae_${n.status}`, { date: s }) });
}
function ce() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function de({ engagement: t, onDone: r }) {
  const { t: a, tError: l } = f(), n = H(), [s, c] = _(""), [d, m] = _(ce), u = a("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": u,
      className: "space-y-3",
      onSubmit: (p) => {
        p.preventDefault(), n.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: s, declared_on: d },
          { onSuccess: r }
        );
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: a("dpae_reference_field"), children: (p) => /* @__PURE__ */ e(y, { ...p, maxLength: 64, value: s, onChange: (h) => c(h.target.value) }) }),
          /* @__PURE__ */ e(g, { label: a("dpae_declared_on"), children: (p) => /* @__PURE__ */ e(y, { ...p, type: "date", required: !0, value: d, onChange: (h) => m(h.target.value) }) })
        ] }),
        n.isError && /* @__PURE__ */ e(N, { variant: "danger", children: l(n.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(x, { type: "submit", loading: n.isPending, children: a("save") }),
          /* @__PURE__ */ e(x, { type: "button", variant: "ghost", onClick: r, children: a("cancel") })
        ] })
      ]
    }
  );
}
function oe({ engagement: t }) {
  const { t: r, tError: a } = f(), { formatDate: l } = D(), n = G(), [s, c] = _(!1), [d, m] = _(!1), { dpae: u } = t, p = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ i("li", { className: `space-y-2 border-b border-border py-3 ${u.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(ie, { engagement: t })
    ] }),
    /* @__PURE__ */ i("p", { className: "text-sm text-muted", children: [
      r("engagement_days", { first: l(t.first_day), last: l(t.last_day), count: t.missions }),
      u.reference ? ` \xB7 ${r("dpae_reference", { reference: u.reference })}` : ""
    ] }),
    u.id === null ? !s && /* @__PURE__ */ e(x, { size: "sm", variant: "secondary", "aria-label": r("dpae_record_of", p), onClick: () => c(!0), children: r("dpae_record") }) : /* @__PURE__ */ e(x, { size: "sm", variant: "ghost", "aria-label": r("dpae_remove_of", p), onClick: () => m(!0), children: r("dpae_remove") }),
    s && /* @__PURE__ */ e(de, { engagement: t, onDone: () => c(!1) }),
    n.isError && /* @__PURE__ */ e(N, { variant: "danger", children: a(n.error) }),
    /* @__PURE__ */ e(
      V,
      {
        open: d,
        title: r("dpae_remove_of", p),
        description: r("dpae_remove_confirm"),
        confirmLabel: r("dpae_remove"),
        cancelLabel: r("cancel"),
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
  const { t } = f(), { formatDate: r } = D(), [a, l] = _(!1), n = z(a ? "overdue" : "");
  let s;
  if (n.isPending) s = /* @__PURE__ */ e(E, { label: t("engagements_loading") });
  else if (n.isError) s = /* @__PURE__ */ e(R, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else if (n.data.items.length === 0) s = /* @__PURE__ */ e(A, { title: t(a ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const c = [...n.data.items].sort((d, m) => +(m.dpae.status === "overdue") - +(d.dpae.status === "overdue"));
    s = /* @__PURE__ */ i("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: t("window", { from: r(n.data.from_day), to: r(n.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: c.map((d) => /* @__PURE__ */ e(oe, { engagement: d }, `${d.user_id}-${d.project_id}-${d.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ i(P, { className: "space-y-3", children: [
    /* @__PURE__ */ e($, { children: t("engagements_title") }),
    /* @__PURE__ */ e(O, { children: t("engagements_hint") }),
    /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: a, onChange: (c) => l(c.target.checked) }),
      t("overdue_only")
    ] }),
    s
  ] });
}
function ue(t, r) {
  return t.licences.find((a) => a.category === r)?.number ?? "";
}
function he({ identity: t, canEdit: r }) {
  const { t: a, tError: l } = f(), n = U(), [s, c] = _({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [d, m] = _(I.map((o) => ue(t, o))), u = (o) => (b) => c((w) => ({ ...w, [o]: b.target.value })), p = n.isError ? Q[W(n.error)] : void 0, h = (o) => p === o ? l(n.error) : void 0, v = (n.data ?? t).missing;
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a("identity_title"),
      className: "space-y-3",
      onSubmit: (o) => {
        o.preventDefault();
        const b = I.flatMap((w, k) => {
          const S = d[k]?.trim() ?? "";
          return S ? [{ category: w, number: S }] : [];
        });
        n.mutate({ ...s, siret: s.siret || null, ape: s.ape || null, idcc: s.idcc || null, licences: b });
      },
      children: [
        v.length > 0 ? /* @__PURE__ */ e(N, { variant: "warning", children: a("identity_missing", { fields: v.map((o) => a(`field_${o}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: a("identity_complete") }),
        /* @__PURE__ */ i("fieldset", { disabled: !r, className: "space-y-3", children: [
          /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(g, { label: a("field_legal_name"), children: (o) => /* @__PURE__ */ e(y, { ...o, maxLength: 200, value: s.legal_name, onChange: u("legal_name") }) }),
            /* @__PURE__ */ e(g, { label: a("field_siret"), error: h("siret"), children: (o) => /* @__PURE__ */ e(y, { ...o, inputMode: "numeric", autoComplete: "off", value: s.siret, onChange: u("siret") }) }),
            /* @__PURE__ */ e(g, { label: a("field_ape"), error: h("ape"), children: (o) => /* @__PURE__ */ e(y, { ...o, value: s.ape, onChange: u("ape") }) }),
            /* @__PURE__ */ e(g, { label: a("field_idcc"), error: h("idcc"), children: (o) => /* @__PURE__ */ e(y, { ...o, inputMode: "numeric", value: s.idcc, onChange: u("idcc") }) })
          ] }),
          /* @__PURE__ */ e(g, { label: a("field_address"), children: (o) => /* @__PURE__ */ e("textarea", { ...o, className: F, maxLength: 500, value: s.address, onChange: u("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: I.map((o, b) => /* @__PURE__ */ e(g, { label: a(`licence_${o}`), error: b === 0 ? h("licences") : void 0, children: (w) => /* @__PURE__ */ e(
            y,
            {
              ...w,
              maxLength: 64,
              value: d[b],
              onChange: (k) => m((S) => S.map((L, T) => T === b ? k.target.value : L))
            }
          ) }, o)) }),
          /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: s.guso, onChange: (o) => c((b) => ({ ...b, guso: o.target.checked })) }),
            a("field_guso")
          ] })
        ] }),
        n.isError && !p && /* @__PURE__ */ e(N, { variant: "danger", children: l(n.error) }),
        n.isSuccess && /* @__PURE__ */ e(N, { variant: "success", children: a("identity_saved") }),
        r ? /* @__PURE__ */ e(x, { type: "submit", loading: n.isPending, children: a("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: a("identity_read_only") })
      ]
    }
  );
}
function pe({ canEdit: t }) {
  const { t: r } = f(), a = q(!0);
  return /* @__PURE__ */ i(P, { className: "space-y-3", children: [
    /* @__PURE__ */ e($, { children: r("identity_title") }),
    /* @__PURE__ */ e(O, { children: r("identity_hint") }),
    a.isPending ? /* @__PURE__ */ e(E, { label: r("identity_title") }) : a.isError ? /* @__PURE__ */ e(R, { error: a.error, onRetry: () => {
      a.refetch();
    } }) : /* @__PURE__ */ e(he, { identity: a.data, canEdit: t })
  ] });
}
function ge() {
  const { t } = f(), r = M(), [a, l] = _(""), [n, s] = _(!1);
  if (r.isPending) return /* @__PURE__ */ e(E, { label: t("intermittents_loading") });
  const c = r.data !== void 0 && r.data !== "tech";
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(N, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ i(P, { className: "space-y-3", children: [
      /* @__PURE__ */ e($, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(O, { children: t(c ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ i("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(g, { label: t("as_of"), children: (d) => /* @__PURE__ */ e(y, { ...d, type: "date", value: a, onChange: (m) => l(m.target.value) }) }),
        c && /* @__PURE__ */ i("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: n, onChange: (d) => s(d.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(se, { manager: c, asOf: a, shortOnly: c && n })
    ] }),
    c && /* @__PURE__ */ e(me, {}),
    c && /* @__PURE__ */ e(pe, { canEdit: K.has(r.data ?? "") })
  ] });
}
export {
  ge as default
};
