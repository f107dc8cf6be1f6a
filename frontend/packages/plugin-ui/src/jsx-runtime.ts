/** `react/jsx-runtime` for a plugin bundle (aliased by its Vite config): the host's. */
import { host } from './host';

export const { jsx, jsxs, Fragment } = host().jsxRuntime;
