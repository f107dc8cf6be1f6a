/** The plugin's words (catalog.ts) in the member's locale, through the host's locale. */
import { useCatalog } from '@coulisses/plugin-ui';

import { words } from './catalog';

export { statusLabel, text } from './catalog';

/** `t(key, vars)` in the member's locale, and the host's `tError` for API errors. */
export const useText = () => useCatalog(words);
