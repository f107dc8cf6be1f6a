/** Short names for the generated OpenAPI types (see schema.d.ts, `npm run gen:api`). */
import type { components } from '@/lib/api/schema';

export type Schemas = components['schemas'];
export type Schema<Name extends keyof Schemas> = Schemas[Name];
