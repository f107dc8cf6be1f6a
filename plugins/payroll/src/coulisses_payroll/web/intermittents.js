import { u as g, a as j, d as b, j as e, S, e as i, A as y, C as P, f as F, g as A, F as p, I as x, k as L, n as B, E as R, i as $, o as z, m as D, B as N, p as G, q, r as U } from "./shared-2dG7nExE.js";
const V = "h-10 w-full rounded-md border border-border bg-surface px-3 text-sm", M = "min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm", X = /* @__PURE__ */ new Set(["admin", "owner"]), k = [1, 2, 3], H = {
  "payroll.siret_format": "siret",
  "payroll.siret_checksum": "siret",
  "payroll.ape_format": "ape",
  "payroll.idcc_format": "idcc",
  "payroll.licence_duplicate": "licences"
};
function w(t, r) {
  return new Intl.NumberFormat(r === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(t / 60);
}
function J(t) {
  return typeof t == "object" && t !== null && "code" in t ? String(t.code) : "";
}
function K({ count: t }) {
  const { t: r, locale: a } = g(), { formatDateTime: n } = L(), l = t.counted ?? [];
  return l.length === 0 ? /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: r("counted_empty") }) : /* @__PURE__ */ e("div", { className: "overflow-x-auto", children: /* @__PURE__ */ i("table", { className: "w-full text-left text-sm", children: [
    /* @__PURE__ */ e("caption", { className: "sr-only", children: r("details_of", { name: t.name }) }),
    /* @__PURE__ */ e("thead", { children: /* @__PURE__ */ i("tr", { className: "border-b border-border text-muted", children: [
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("start") }),
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_mission") }),
      /* @__PURE__ */ e("th", { className: "py-1 pr-3", children: r("col_status") }),
      /* @__PURE__ */ e("th", { className: "py-1 text-right", children: r("col_total") })
    ] }) }),
    /* @__PURE__ */ e("tbody", { children: l.map((s) => /* @__PURE__ */ i("tr", { className: "border-b border-border", children: [
      /* @__PURE__ */ e("td", { className: "py-1 pr-3 whitespace-nowrap", children: n(s.starts_at) }),
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
      /* @__PURE__ */ e("td", { className: "py-1 text-right whitespace-nowrap", children: r("hours_value", { hours: w(s.minutes, a) }) })
    ] }, s.assignment_id)) })
  ] }) });
}
function Q({ count: t, asOf: r }) {
  const { t: a } = g(), n = q(t.user_id, r, !0);
  return n.isPending ? /* @__PURE__ */ e(S, { label: a("intermittents_loading"), size: "sm" }) : n.isError ? /* @__PURE__ */ e(R, { error: n.error, onRetry: () => {
    n.refetch();
  } }) : /* @__PURE__ */ e(K, { count: n.data });
}
function W({ count: t, onDone: r }) {
  const { t: a, tError: n } = g(), l = U(), [s, d] = b(t.annexe), [o, h] = b(String(t.elsewhere_minutes / 60)), [_, C] = b(t.elsewhere_note);
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a("profile_of", { name: t.name }),
      className: "space-y-3",
      onSubmit: (m) => {
        m.preventDefault();
        const u = Math.round((Number(o.replace(",", ".")) || 0) * 60);
        l.mutate({ userId: t.user_id, profile: { annexe: s, elsewhere_minutes: u, elsewhere_note: _ } }, { onSuccess: r });
      },
      children: [
        /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
          /* @__PURE__ */ e(p, { label: a("annexe"), children: (m) => /* @__PURE__ */ i("select", { ...m, className: V, value: s, onChange: (u) => d(Number(u.target.value) === 10 ? 10 : 8), children: [
            /* @__PURE__ */ e("option", { value: 8, children: a("annexe_8") }),
            /* @__PURE__ */ e("option", { value: 10, children: a("annexe_10") })
          ] }) }),
          /* @__PURE__ */ e(p, { label: a("elsewhere_hours"), children: (m) => /* @__PURE__ */ e(
            x,
            {
              ...m,
              type: "number",
              inputMode: "decimal",
              min: 0,
              max: 1e4,
              step: 0.5,
              value: o,
              onChange: (u) => h(u.target.value)
            }
          ) })
        ] }),
        /* @__PURE__ */ e(p, { label: a("elsewhere_note"), children: (m) => /* @__PURE__ */ e("textarea", { ...m, className: M, maxLength: 500, value: _, onChange: (u) => C(u.target.value) }) }),
        l.isError && /* @__PURE__ */ e(y, { variant: "danger", children: n(l.error) }),
        /* @__PURE__ */ i("div", { className: "flex gap-2", children: [
          /* @__PURE__ */ e(N, { type: "submit", loading: l.isPending, children: a("save") }),
          /* @__PURE__ */ e(N, { type: "button", variant: "ghost", onClick: r, children: a("cancel") })
        ] })
      ]
    }
  );
}
function Y({ count: t }) {
  const { t: r, locale: a } = g(), n = (s) => r("hours_value", { hours: w(s, a) }), l = [
    ["col_here", n(t.worked_minutes)],
    ["col_cachets", r("cachets_value", { count: t.cachets, hours: w(t.cachet_minutes, a) })],
    ["col_elsewhere", n(t.elsewhere_minutes)],
    ["col_total", n(t.total_minutes)],
    ["col_missing", n(t.missing_minutes)]
  ];
  return /* @__PURE__ */ e("dl", { className: "grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5", children: l.map(([s, d]) => /* @__PURE__ */ i("div", { children: [
    /* @__PURE__ */ e("dt", { className: "text-muted", children: r(s) }),
    /* @__PURE__ */ e("dd", { className: "font-medium", children: d })
  ] }, s)) });
}
function Z({ count: t }) {
  const { t: r, locale: a } = g(), n = r("progress_of", { total: w(t.total_minutes, a), threshold: w(t.threshold_minutes, a) });
  return /* @__PURE__ */ i("div", { className: "flex items-center gap-2", children: [
    /* @__PURE__ */ e("progress", { className: "h-2 w-full", max: t.threshold_minutes, value: Math.min(t.total_minutes, t.threshold_minutes), "aria-label": n }),
    /* @__PURE__ */ e("span", { className: "whitespace-nowrap text-sm text-muted", children: n })
  ] });
}
function ee({ count: t, asOf: r, canEdit: a }) {
  const { t: n } = g(), [l, s] = b(null), d = (o) => s((h) => h === o ? null : o);
  return /* @__PURE__ */ i("li", { className: "space-y-2 border-b border-border py-3", children: [
    /* @__PURE__ */ i("div", { className: "flex flex-wrap items-center justify-between gap-2", children: [
      /* @__PURE__ */ i("h3", { className: "font-semibold", children: [
        t.name,
        " ",
        /* @__PURE__ */ e("span", { className: "text-sm font-normal text-muted", children: n(`annexe_${t.annexe}`) })
      ] }),
      t.reached ? /* @__PURE__ */ e(D, { variant: "success", children: n("reached") }) : /* @__PURE__ */ e(D, { variant: "warning", children: n("below") })
    ] }),
    /* @__PURE__ */ e(Z, { count: t }),
    /* @__PURE__ */ e(Y, { count: t }),
    /* @__PURE__ */ i("div", { className: "flex flex-wrap gap-2", children: [
      /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": l === "detail", "aria-label": n("details_of", { name: t.name }), onClick: () => d("detail"), children: n("details") }),
      a && /* @__PURE__ */ e(N, { size: "sm", variant: "secondary", "aria-expanded": l === "edit", "aria-label": n("profile_of", { name: t.name }), onClick: () => d("edit"), children: n("edit") })
    ] }),
    l === "detail" && /* @__PURE__ */ e(Q, { count: t, asOf: r }),
    l === "edit" && /* @__PURE__ */ e(W, { count: t, onDone: () => s(null) })
  ] });
}
function te({ manager: t, asOf: r, shortOnly: a }) {
  const { t: n } = g(), { formatDate: l } = L(), s = B(r, a);
  if (s.isPending) return /* @__PURE__ */ e(S, { label: n("intermittents_loading") });
  if (s.isError) return /* @__PURE__ */ e(R, { error: s.error, onRetry: () => {
    s.refetch();
  } });
  const d = s.data.items, o = d[0];
  return o === void 0 ? /* @__PURE__ */ e($, { title: n(a ? "intermittents_all_reached" : "intermittents_empty") }) : /* @__PURE__ */ i("div", { className: "space-y-1", children: [
    /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: n("window", { from: l(o.from_day), to: l(o.to_day) }) }),
    /* @__PURE__ */ e("ul", { "aria-label": n("intermittents_title"), children: d.map((h) => /* @__PURE__ */ e(ee, { count: h, asOf: r, canEdit: t }, h.user_id)) })
  ] });
}
function ae(t, r) {
  return t.licences.find((a) => a.category === r)?.number ?? "";
}
function re({ identity: t, canEdit: r }) {
  const { t: a, tError: n } = g(), l = G(), [s, d] = b({
    legal_name: t.legal_name,
    address: t.address,
    siret: t.siret ?? "",
    ape: t.ape ?? "",
    idcc: t.idcc ?? "",
    guso: t.guso
  }), [o, h] = b(k.map((c) => ae(t, c))), _ = (c) => (f) => d((v) => ({ ...v, [c]: f.target.value })), C = l.isError ? H[J(l.error)] : void 0, m = (c) => C === c ? n(l.error) : void 0, u = (l.data ?? t).missing;
  return /* @__PURE__ */ i(
    "form",
    {
      "aria-label": a("identity_title"),
      className: "space-y-3",
      onSubmit: (c) => {
        c.preventDefault();
        const f = k.flatMap((v, I) => {
          const E = o[I]?.trim() ?? "";
          return E ? [{ category: v, number: E }] : [];
        });
        l.mutate({ ...s, siret: s.siret || null, ape: s.ape || null, idcc: s.idcc || null, licences: f });
      },
      children: [
        u.length > 0 ? /* @__PURE__ */ e(y, { variant: "warning", children: a("identity_missing", { fields: u.map((c) => a(`field_${c}`)).join(", ") }) }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: a("identity_complete") }),
        /* @__PURE__ */ i("fieldset", { disabled: !r, className: "space-y-3", children: [
          /* @__PURE__ */ i("div", { className: "grid gap-3 sm:grid-cols-2", children: [
            /* @__PURE__ */ e(p, { label: a("field_legal_name"), children: (c) => /* @__PURE__ */ e(x, { ...c, maxLength: 200, value: s.legal_name, onChange: _("legal_name") }) }),
            /* @__PURE__ */ e(p, { label: a("field_siret"), error: m("siret"), children: (c) => /* @__PURE__ */ e(x, { ...c, inputMode: "numeric", autoComplete: "off", value: s.siret, onChange: _("siret") }) }),
            /* @__PURE__ */ e(p, { label: a("field_ape"), error: m("ape"), children: (c) => /* @__PURE__ */ e(x, { ...c, value: s.ape, onChange: _("ape") }) }),
            /* @__PURE__ */ e(p, { label: a("field_idcc"), error: m("idcc"), children: (c) => /* @__PURE__ */ e(x, { ...c, inputMode: "numeric", value: s.idcc, onChange: _("idcc") }) })
          ] }),
          /* @__PURE__ */ e(p, { label: a("field_address"), children: (c) => /* @__PURE__ */ e("textarea", { ...c, className: M, maxLength: 500, value: s.address, onChange: _("address") }) }),
          /* @__PURE__ */ e("div", { className: "grid gap-3 sm:grid-cols-3", children: k.map((c, f) => /* @__PURE__ */ e(p, { label: a(`licence_${c}`), error: f === 0 ? m("licences") : void 0, children: (v) => /* @__PURE__ */ e(
            x,
            {
              ...v,
              maxLength: 64,
              value: o[f],
              onChange: (I) => h((E) => E.map((O, T) => T === f ? I.target.value : O))
            }
          ) }, c)) }),
          /* @__PURE__ */ i("label", { className: "flex items-center gap-2 text-sm", children: [
            /* @__PURE__ */ e("input", { type: "checkbox", checked: s.guso, onChange: (c) => d((f) => ({ ...f, guso: c.target.checked })) }),
            a("field_guso")
          ] })
        ] }),
        l.isError && !C && /* @__PURE__ */ e(y, { variant: "danger", children: n(l.error) }),
        l.isSuccess && /* @__PURE__ */ e(y, { variant: "success", children: a("identity_saved") }),
        r ? /* @__PURE__ */ e(N, { type: "submit", loading: l.isPending, children: a("save") }) : /* @__PURE__ */ e("p", { className: "text-sm text-muted", children: a("identity_read_only") })
      ]
    }
  );
}
function se({ canEdit: t }) {
  const { t: r } = g(), a = z(!0);
  return /* @__PURE__ */ i(P, { className: "space-y-3", children: [
    /* @__PURE__ */ e(F, { children: r("identity_title") }),
    /* @__PURE__ */ e(A, { children: r("identity_hint") }),
    a.isPending ? /* @__PURE__ */ e(S, { label: r("identity_title") }) : a.isError ? /* @__PURE__ */ e(R, { error: a.error, onRetry: () => {
      a.refetch();
    } }) : /* @__PURE__ */ e(re, { identity: a.data, canEdit: t })
  ] });
}
function le() {
  const { t } = g(), r = j(), [a, n] = b(""), [l, s] = b(!1);
  if (r.isPending) return /* @__PURE__ */ e(S, { label: t("intermittents_loading") });
  const d = r.data !== void 0 && r.data !== "tech";
  return /* @__PURE__ */ i("div", { className: "space-y-4", children: [
    /* @__PURE__ */ e("h1", { className: "text-2xl font-semibold", children: t("intermittents_title") }),
    /* @__PURE__ */ e(y, { variant: "info", children: t("disclaimer") }),
    /* @__PURE__ */ i(P, { className: "space-y-3", children: [
      /* @__PURE__ */ e(F, { children: t("intermittents_title") }),
      /* @__PURE__ */ e(A, { children: t(d ? "intermittents_hint" : "intermittents_tech_hint") }),
      /* @__PURE__ */ i("div", { className: "flex flex-wrap items-end gap-4", children: [
        /* @__PURE__ */ e(p, { label: t("as_of"), children: (o) => /* @__PURE__ */ e(x, { ...o, type: "date", value: a, onChange: (h) => n(h.target.value) }) }),
        d && /* @__PURE__ */ i("label", { className: "flex items-center gap-2 pb-2 text-sm", children: [
          /* @__PURE__ */ e("input", { type: "checkbox", checked: l, onChange: (o) => s(o.target.checked) }),
          t("short_only")
        ] })
      ] }),
      /* @__PURE__ */ e(te, { manager: d, asOf: a, shortOnly: d && l })
    ] }),
    d && /* @__PURE__ */ e(se, { canEdit: X.has(r.data ?? "") })
  ] });
}
export {
  le as default
};
