import { a4 as e } from "./shared-I8XOHv-_.js";
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
  useEffect: b,
  useId: h,
  useImperativeHandle: I,
  useLayoutEffect: M,
  useMemo: T,
  useOptimistic: V,
  useReducer: g,
  useRef: k,
  useState: v,
  useSyncExternalStore: w,
  useTransition: z
} = t;
export {
  T as a,
  R as b,
  v as u
};
