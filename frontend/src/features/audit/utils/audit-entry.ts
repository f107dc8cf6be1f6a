/**
 * Pure helpers that turn an audit entry into readable parts: the action's label key,
 * the changed fields (before -> after) and the payload's other details.
 */

/** Nouns an action starts with, offered as filters (`mission.` matches every mission action). */
export const AUDIT_NOUNS = [
  'org',
  'member',
  'plugin',
  'user',
  'project',
  'place',
  'mission',
  'assignment',
  'invitation',
  'availability',
  'absence_type',
  'rate',
  'conflict_rules',
] as const;

/** What the server writes instead of a secret value (legal ids): it changed, not to what. */
export const REDACTED = '[redacted]';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Catalog key candidate of an action (`mission.role_updated` -> `audit_action_mission_role_updated`). */
export function actionMessageKey(action: string): string {
  return `audit_action_${action.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

/** Catalog key candidate of a field name (`ends_at` -> `audit_field_ends_at`). */
export function fieldMessageKey(field: string): string {
  return `audit_field_${field.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

/**
 * The fields an update changed, in the order of `after`: a nested object (a plugin
 * config, the rules of one scope) is flattened to `parent.child` rows.
 */
export function fieldChanges(payload: Record<string, unknown>): FieldChange[] {
  const { before, after } = payload;
  if (!isRecord(after)) return [];
  const old = isRecord(before) ? before : {};
  const rows: FieldChange[] = [];
  const walk = (prefix: string, was: Record<string, unknown>, now: Record<string, unknown>) => {
    for (const key of new Set([...Object.keys(now), ...Object.keys(was)])) {
      const field = prefix ? `${prefix}.${key}` : key;
      const [b, a] = [was[key] ?? null, now[key] ?? null];
      if (isRecord(b) && isRecord(a)) walk(field, b, a);
      else rows.push({ field, before: b, after: a });
    }
  };
  walk('', old, after);
  return rows;
}

/** The payload's other keys (`via`, `user_id`, `count`...), for a details line. */
export function otherDetails(payload: Record<string, unknown>): [string, unknown][] {
  return Object.entries(payload).filter(([key]) => key !== 'before' && key !== 'after');
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CODE = /^[A-Z][A-Z_]*$/;

export type ValuePart =
  | { kind: 'empty' }
  | { kind: 'redacted' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'instant'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'text'; value: string };

/** How a before/after value shows: instants in the org timezone, status codes translated. */
export function classifyValue(value: unknown): ValuePart {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (value === REDACTED) return { kind: 'redacted' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return { kind: 'instant', value };
    if (CODE.test(value)) return { kind: 'code', value };
    return { kind: 'text', value };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.length ? { kind: 'text', value: value.join(', ') } : { kind: 'empty' };
  }
  if (Array.isArray(value) && value.every((item) => isRecord(item) && 'name' in item)) {
    // skills: [{name, level}]
    const parts = (value as Record<string, unknown>[]).map((item) =>
      'level' in item ? `${String(item.name)} (${String(item.level)})` : String(item.name),
    );
    return parts.length ? { kind: 'text', value: parts.join(', ') } : { kind: 'empty' };
  }
  return { kind: 'text', value: typeof value === 'object' ? JSON.stringify(value) : String(value) };
}

/** Catalog key candidate of a status code (`PUBLISHED` -> `audit_value_published`). */
export function codeMessageKey(code: string): string {
  return `audit_value_${code.toLowerCase()}`;
}
