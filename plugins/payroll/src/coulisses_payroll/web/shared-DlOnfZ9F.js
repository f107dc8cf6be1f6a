import { a1 as e } from "./shared-BXgAEld1.js";
const t = e().React, {
  Children: a,
  Component: n,
  Fragment: u,
  StrictMode: o,
  Suspense: r,
  cloneElement: c,
  createContext: i,
  createElement: l,
  forwardRef: m,
  isValidElement: f,
  lazy: d,
  memo: p,
  startTransition: E,
  use: S,
  useActionState: C,
  useCallback: R,
  useContext: x,
  useDeferredValue: y,
  useEffect: h,
  useId: I,
  useImperativeHandle: M,
  useLayoutEffect: T,
  useMemo: V,
  useOptimistic: b,
  useReducer: g,
  useRef: k,
  useState: v,
  useSyncExternalStore: w,
  useTransition: z
} = t;
export {
  V as a,
  v as u
};
