import { u as p, d as T, e, S as E, j as l, A as w, C as I, f as P, g as k, F as g, I as v, p as D, w as z, h as C, i as A, q as B, a as G, x as V, y as q, r as $, B as y, z as J, D as K, G as U, J as X, K as Y, M as H, N as Q } from "./shared-CV7_bDt-.js";
import { u as _ } from "./shared-oufdnA2d.js";
const W = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", F = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", Z = /* @__PURE__ */ new Set(["admin", "owner"]), O = [1, 2, 3], ee = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function j(t, a) {
  return new Intl.NumberFormat(a === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function te(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function re({ count: t }) {
  const { t: a, locale: r } = p(), { formatDateTime: s } = D(), n = t.counted ?? [];
  return n.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: a("counted_empty") }) : (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    /* @__PURE__ */ e("div", { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": a("details_of", { name: t.name }), children: /* @__PURE__ */ l("table", { className: "w-full text-left text-sm", children: [
      /* @__PURE__ */ e("caption", { className: "sr-only", children: a("details_of", { name: t.name }) }),
      /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ l("tr", { className: "border-b border-border text-muted-foreground", children: [
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("start") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_mission") }),
        /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: a("col_status") }),
        /* @__PURE__ */ e("th", { className: "py-1 text-right", children: a("col_total") })
      ] }) }),
      /* @__PURE__ */ e("tbody", { children: n.map((i) => /* @__PURE__ */ l("tr", { className: "border-b border-border", children: [
        /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: s(i.starts_at) }),
        /* @__PURE__ */ l("td", { className: "py-1 pr-3", children: [
          i.mission_title,
          " ",
          /* @__PURE__ */ l("span", { className: "text-muted-foreground", children: [
            "(",
            i.role_name,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ e("td", { className: "py-1 pr-3", children: a(`source_${i.source}`) }),
        /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: a("hours_value", { hours: j(i.minutes, r) }) })
      ] }, i.assignment_id)) })
    ] }) })
  );
}
function ae({ count: t, asOf: a }) {
  const { t: r } = p(), s = Y(t.user_id, a, !0);
  return s.isPending ? /* @__PURE__ */ e(E, { label: r("intermittents_loading"), size: "sm" }) : s.isError ? /* @__PURE__ */ e(C, { error: s.error, onRetry: () => {
    s.refetch();
  } }) : /* @__PURE__ */ e(re, { count: s.data });
}
function ne({ count: t, onDone: a }) {
  const { t: r, tError: s } = p(), n = H(), [i, o] = _(t.annexe), [c, m] = _(String(t.elsewhere_minutes / 60)), [u, f] = _(t.elsewhere_note);
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": r("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (h) => {
        h.preventDefault();
        const b = Math.round((Number(c.replace(",", ".")) || 0) * 60);
        n.mutate({ userId: t.user_id, profile: { annexe: i, elsewhere_minutes: b, elsewhere_note: u } }, { onSuccess: a });
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: r("annexe"), children: (h) => /* @__PURE__ */ l("select", { ...h, className: W, value: i, onChange: (b) => o(Number(b.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: r("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: r("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(g, { label: r("elsewhere_hours"), children: (h) => /* @__PURE__ */ e(
            v,
            {
              ...h,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: c,
              onChange: (b) => m(b.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(g, { label: r("elsewhere_note"), children: (h) => /* @__PURE__ */ e("textarea", { ...h, className: F, maxLength: 500, value: u, onChange: (b) => f(b.target.value) }) }),
        n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(n.error) }),
        /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(y, { type: "submit", loading: n.isPending, children: r("save") }),
          /* @__PURE__ */ e(y, { type: "button", variant: "ghost", onClick: a, children: r("cancel") })
        ] })
      ]
    }
  );
}
function se({ count: t }) {
  const { t: a, locale: r } = p(), s = (i) => a("hours_value", { hours: j(i, r) }), n = [
    ["col_here", s(t.worked_minutes)],
    ["col_cachets", a("cachets_value", { count: t.cachets, hours: j(t.cachet_minutes, r) })],
    ["col_elsewhere", s(t.elsewhere_minutes)],
    ["col_total", s(t.total_minutes)],
    ["col_missing", s(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: n.map(([i, o]) => /* @__PURE__ */ l("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted-foreground", children: a(i) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: o })
  ] }, i)) });
}
function ie({ count: t }) {
  const { t: a, locale: r } = p(), s = a("progress_of", { total: j(t.total_minutes, r), threshold: j(t.threshold_minutes, r) });
  return /* @__PURE__ */ l("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": s }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted-foreground", children: s })
  ] });
}
function le({ count: t, asOf: a, canEdit: r }) {
  const { t: s } = p(), [n, i] = _(null), o = (c) => i((m) => m === c ? null : c);
  return /* @__PURE__ */ l("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted-foreground", children: s(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e($, { variant: "success", children: s("reached") }) : /* @__PURE__ */ e($, { variant: "warning", children: s("below") })
    ] }),
    /* @__PURE__ */ e(ie, { count: t }),
    /* @__PURE__ */ e(se, { count: t }),
    /* @__PURE__ */ l("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(y, { size: "sm", variant: "secondary", "aria-expanded": n === "detail", "aria-label": s("details_of", { name: t.name }), onClick: () => o("detail"), children: s("details") }),
      r && /* @__PURE__ */ e(y, { size: "sm", variant: "secondary", "aria-expanded": n === "edit", "aria-label": s("profile_of", { name: t.name }), onClick: () => o("edit"), children: s("edit") })
    ] }),
    n === "detail" && /* @__PURE__ */ e(ae, { count: t, asOf: a }),
    n === "edit" && /* @__PURE__ */ e(ne, { count: t, onDone: () => i(null) })
  ] });
}
function oe({ manager: t, asOf: a, shortOnly: r }) {
  const { t: s } = p(), { formatDate: n } = D(), i = z(a, r);
  if (i.isPending) return /* @__PURE__ */ e(E, { label: s("intermittents_loading") });
  if (i.isError) return /* @__PURE__ */ e(C, { error: i.error, onRetry: () => {
    i.refetch();
  } });
  const o = i.data.items, c = o[0];
  return c === void 0 ? /* @__PURE__ */ e(A, { title: s(r ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ l("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: s("window", { from: n(c.from_day), to: n(c.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": s("intermittents_title"), children: o.map((m) => /* @__PURE__ */ e(le, { count: m, asOf: a, canEdit: t }, m.user_id)) })
  ] });
}
const ce = {
  not_yet_open: "neutral",
  to_declare: "info",
  overdue: "danger",
  declared: "success"
};
function de({ engagement: t }) {
  const { t: a } = p(), { formatDate: r, formatDateTime: s } = D(), { dpae: n } = t, i = n.status === "declared" ? r(n.declared_on ?? "") : n.status === "not_yet_open" ? s(n.opens_at) : s(n.due_at);
  return /* @__PURE__ */ e($, { variant: ce[n.status], children: a(`dpae_${n.status}`, { date: i }) });
}
function me() {
  const t = /* @__PURE__ */ new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
function ue({ engagement: t, onDone: a }) {
  const { t: r, tError: s } = p(), n = Q(), [i, o] = _(""), [c, m] = _(me), u = r("dpae_record_of", { name: t.name, project: t.project_name });
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": u,
      className: "space-y-3",
      onSubmit: (f) => {
        f.preventDefault(), n.mutate(
          { user: t.user_id, project: t.project_id, first_day: t.first_day, reference: i, declared_on: c },
          { onSuccess: a }
        );
      },
      children: [
        /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(g, { label: r("dpae_reference_field"), children: (f) => /* @__PURE__ */ e(v, { ...f, maxLength: 64, value: i, onChange: (h) => o(h.target.value) }) }),
          /* @__PURE__ */ e(g, { label: r("dpae_declared_on"), children: (f) => /* @__PURE__ */ e(v, { ...f, type: "date", required: !0, value: c, onChange: (h) => m(h.target.value) }) })
        ] }),
        n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(n.error) }),
        /* @__PURE__ */ l("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(y, { type: "submit", loading: n.isPending, children: r("save") }),
          /* @__PURE__ */ e(y, { type: "button", variant: "ghost", onClick: a, children: r("cancel") })
        ] })
      ]
    }
  );
}
function he({ engagement: t }) {
  const { t: a, tError: r } = p(), { formatDate: s } = D(), n = J(), [i, o] = _(!1), [c, m] = _(!1), { dpae: u } = t, f = { name: t.name, project: t.project_name };
  return /* @__PURE__ */ l("li", { className: `space-y-2 border-b border-border py-3 ${u.status === "overdue" ? "border-l-4 border-l-danger pl-3" : ""}`, children: [
    /* @__PURE__ */ l("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ l("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "font-normal text-muted-foreground", children: t.project_name })
      ] }),
      /* @__PURE__ */ e(de, { engagement: t })
    ] }),
    /* @__PURE__ */ l("p", { className: "text-sm text-muted-foreground", children: [
      a("engagement_days", { first: s(t.first_day), last: s(t.last_day), count: t.missions }),
      u.reference ? ` \xB7 ${a("dpae_reference", { reference: u.reference })}` : ""
    ] }),
    u.id === null ? !i && /* @__PURE__ */ e(y, { size: "sm", variant: "secondary", "aria-label": a("dpae_record_of", f), onClick: () => o(!0), children: a("dpae_record") }) : /* @__PURE__ */ e(y, { size: "sm", variant: "ghost", "aria-label": a("dpae_remove_of", f), onClick: () => m(!0), children: a("dpae_remove") }),
    i && /* @__PURE__ */ e(ue, { engagement: t, onDone: () => o(!1) }),
    n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: r(n.error) }),
    /* @__PURE__ */ e(
      K,
      {
        open: c,
        title: a("dpae_remove_of", f),
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
function pe() {
  const { t } = p(), { formatDate: a } = D(), [r, s] = _(!1), n = B(r ? "overdue" : "");
  let i;
  if (n.isPending) i = /* @__PURE__ */ e(E, { label: t("engagements_loading") });
  else if (n.isError) i = /* @__PURE__ */ e(C, { error: n.error, onRetry: () => {
    n.refetch();
  } });
  else if (n.data.items.length === 0) i = /* @__PURE__ */ e(A, { title: t(r ? "engagements_none_overdue" : "engagements_empty") });
  else {
    const o = [...n.data.items].sort((c, m) => +(m.dpae.status === "overdue") - +(c.dpae.status === "overdue"));
    i = /* @__PURE__ */ l("div", { className: "space-y-1", children: [
      /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: t("window", { from: a(n.data.from_day), to: a(n.data.to_day) }) }),
      /* @__PURE__ */ e("ul", { "aria-label": t("engagements_title"), children: o.map((c) => /* @__PURE__ */ e(he, { engagement: c }, `${c.user_id}-${c.project_id}-${c.first_day}`)) })
    ] });
  }
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: t("engagements_title") }),
    /* @__PURE__ */ e(k, { children: t("engagements_hint") }),
    /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
      /* @__PURE__ */ e("input", { type: "checkbox", checked: r, onChange: (o) => s(o.target.checked) }),
      t("overdue_only")
    ] }),
    i
  ] });
}
function fe({ project: t, numero: a }) {
  const { t: r, tError: s } = p(), n = U(), [i, o] = _(a), c = r("objet_of", { project: t.name });
  return /* @__PURE__ */ l("li", { className: "py-2", children: [
    /* @__PURE__ */ l(
      "form",
      {
        "aria-label": c,
        className: "flex flex-wrap items-end gap-2",
        onSubmit: (m) => {
          m.preventDefault(), n.mutate({ projectId: t.id, numero: i }, { onSuccess: (u) => o(u.numero_objet ?? "") });
        },
        children: [
          /* @__PURE__ */ e(g, { label: c, className: "min-w-48 flex-1", children: (m) => /* @__PURE__ */ e(v, { ...m, maxLength: 64, value: i, onChange: (u) => o(u.target.value) }) }),
          /* @__PURE__ */ e(y, { type: "submit", size: "sm", variant: "secondary", loading: n.isPending, children: r("save") }),
          n.isSuccess && /* @__PURE__ */ e("span", { className: "pb-2 text-sm text-success", children: r("objet_saved") })
        ]
      }
    ),
    n.isError && /* @__PURE__ */ e(w, { variant: "danger", children: s(n.error) })
  ] });
}
function _e() {
  const { t } = p(), a = G(!0), r = V(!0);
  let s;
  return a.isPending || r.isPending ? s = /* @__PURE__ */ e(E, { label: t("objets_title") }) : a.isError ? s = /* @__PURE__ */ e(C, { error: a.error, onRetry: () => {
    a.refetch();
  } }) : r.isError ? s = /* @__PURE__ */ e(C, { error: r.error, onRetry: () => {
    r.refetch();
  } }) : a.data.items.length === 0 ? s = /* @__PURE__ */ e(A, { title: t("objets_empty") }) : s = /* @__PURE__ */ e("ul", { "aria-label": t("objets_title"), className: "divide-y divide-border", children: a.data.items.map((n) => /* @__PURE__ */ e(fe, { project: n, numero: r.data.get(n.id) ?? "" }, n.id)) }), /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: t("objets_title") }),
    /* @__PURE__ */ e(k, { children: t("objets_hint") }),
    s
  ] });
}
function ge(t, a) {
  return t.licences.find((r) => r.category === a)?.number ?? "";
}
function be({ identity: t, canEdit: a }) {
  const { t: r, tError: s } = p(), n = X(), [i, o] = _({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [c, m] = _(O.map((d) => ge(t, d))), u = (d) => (x) => o((N) => ({ ...N, [d]: x.target.value })), f = n.isError ? ee[te(n.error)] : void 0, h = (d) => f === d ? s(n.error) : void 0, b = (n.data ?? t).missing;
  return /* @__PURE__ */ l(
    "form",
    {
      "aria-label": r("identity_title"),
      className: "space-y-3",
      onSubmit: (d) => {
        d.preventDefault();
        const x = O.flatMap((N, S) => {
          const R = c[S]?.trim() ?? "";
          return R ? [{ category: N, number: R }] : [];
        });
        n.mutate(
          { ...i, siret: i.siret || null, ape: i.ape || null, idcc: i.idcc || null, licences: x },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (N) => o((S) => ({ ...S, siret: N.siret ?? "", ape: N.ape ?? "", idcc: N.idcc ?? "" }))
          }
        );
      },
      children: [
        b.length > 0 ? /* @__PURE__ */ e(w, { variant: "warning", children: r("identity_missing", { fields: b.map((d) => r(`field_${d}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("identity_complete") }),
        /* @__PURE__ */ l("fieldset", { disabled: !a, className: "space-y-3", children: [
          /* @__PURE__ */ l("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(g, { label: r("field_legal_name"), children: (d) => /* @__PURE__ */ e(v, { ...d, maxLength: 200, value: i.legal_name, onChange: u("legal_name") }) }),
            /* @__PURE__ */ e(g, { label: r("field_siret"), error: h("siret"), children: (d) => /* @__PURE__ */ e(v, { ...d, inputMode: "numeric", autoComplete: "off", value: i.siret, onChange: u("siret") }) }),
            /* @__PURE__ */ e(g, { label: r("field_ape"), error: h("ape"), children: (d) => /* @__PURE__ */ e(v, { ...d, value: i.ape, onChange: u("ape") }) }),
            /* @__PURE__ */ e(g, { label: r("field_idcc"), error: h("idcc"), children: (d) => /* @__PURE__ */ e(v, { ...d, inputMode: "numeric", value: i.idcc, onChange: u("idcc") }) })
          ] }),
          /* @__PURE__ */ e(g, { label: r("field_address"), children: (d) => /* @__PURE__ */ e("textarea", { ...d, className: F, maxLength: 500, value: i.address, onChange: u("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: O.map((d, x) => /* @__PURE__ */ e(g, { label: r(`licence_${d}`), error: x === 0 ? h("licences") : void 0, children: (N) => /* @__PURE__ */ e(
            v,
            {
              ...N,
              maxLength: 64,
              value: c[x],
              onChange: (S) => m((R) => R.map((L, M) => M === x ? S.target.value : L))
            }
          ) }, d)) }),
          /* @__PURE__ */ l("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: i.guso, onChange: (d) => o((x) => ({ ...x, guso: d.target.checked })) }),
            r("field_guso")
          ] })
        ] }),
        n.isError && !f && /* @__PURE__ */ e(w, { variant: "danger", children: s(n.error) }),
        n.isSuccess && /* @__PURE__ */ e(w, { variant: "success", children: r("identity_saved") }),
        a ? /* @__PURE__ */ e(y, { type: "submit", loading: n.isPending, children: r("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted-foreground", children: r("identity_read_only") })
      ]
    }
  );
}
function ve({ canEdit: t }) {
  const { t: a } = p(), r = q(!0);
  return /* @__PURE__ */ l(I, { className: "space-y-3", children: [
    /* @__PURE__ */ e(P, { children: a("identity_title") }),
    /* @__PURE__ */ e(k, { children: a("identity_hint") }),
    r.isPending ? /* @__PURE__ */ e(E, { label: a("identity_title") }) : r.isError ? /* @__PURE__ */ e(C, { error: r.error, onRetry: () => {
      r.refetch();
    } }) : /* @__PURE__ */ e(be, { identity: r.data, canEdit: t })
  ] });
}
function Ne() {
  const { t } = p(), a = T(), [r, s] = _(""), [n, i] = _(!1);
  if (a.isPending) return /* @__PURE__ */ e(E, { label: t("intermittents_loading") });
  const o = a.data !== void 0 && a.data !== "tech";
  return /* @__PURE__ */ l("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(w, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ l(I, { className: "space-y-3", children: [
      /* @__PURE__ */ e(P, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(k, { children: t(o ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ l("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(g, { label: t("as_of"), children: (c) => /* @__PURE__ */ e(v, { ...c, type: "date", value: r, onChange: (m) => s(m.target.value) }) }),
        o && /* @__PURE__ */ l("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: n, onChange: (c) => i(c.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(oe, { manager: o, asOf: r, shortOnly: o && n })
    ] }),
    o && /* @__PURE__ */ e(pe, {}),
    o && /* @__PURE__ */ e(_e, {}),
    o && /* @__PURE__ */ e(ve, { canEdit: Z.has(a.data ?? "") })
  ] });
}
export {
  Ne as default
};
