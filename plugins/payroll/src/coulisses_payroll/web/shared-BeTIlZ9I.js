const o = /* @__PURE__ */ new Map();
function a(n) {
  return n === "en" ? "en-GB" : "fr-FR";
}
function u(n, t) {
  const r = `${n}|${JSON.stringify(t)}`;
  let e = o.get(r);
  return e || (e = new Intl.NumberFormat(a(n), t), o.set(r, e)), e;
}
function m(n, t, r) {
  return u(r, { style: "currency", currency: t }).format(n / 100);
}
function c(n, t) {
  return f(n / 60, t);
}
function f(n, t) {
  return u(t, { maximumFractionDigits: 2 }).format(n);
}
function i(n, t) {
  return u(t, {}).format(n);
}
export {
  i as c,
  f as d,
  c as h,
  m,
  a as n
};
