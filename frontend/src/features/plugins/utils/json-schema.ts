/**
 * Turns a plugin's config JSON schema (as pydantic's model_json_schema() writes
 * it) into form fields, and form values back into a config object.
 *
 * Supported: string, number, integer, boolean and enum properties, optional
 * (`anyOf [X, null]`) or not, enums behind `$ref`/`allOf`. Anything else is
 * listed in `unsupported` and left untouched in the saved config.
 *
 * Texts come from the SDK's extensions (`coulisses_sdk.setting`): `x-label`,
 * `x-help` and `x-choices` map a locale to its text (French is the fallback),
 * `x-widget` asks for a time picker, an email input or a text area. Without
 * them the field falls back to pydantic's `title` / `description`.
 */

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum';
export type EnumValue = string | number | boolean;
export type Widget = 'time' | 'email' | 'textarea';
const WIDGETS: readonly Widget[] = ['time', 'email', 'textarea'];

export interface SchemaField {
  name: string;
  kind: FieldKind;
  title: string;
  description?: string;
  required: boolean;
  nullable: boolean;
  options?: EnumValue[];
  /** The option's label in the locale, by index of `options` (the value itself when absent). */
  optionLabels?: string[];
  widget?: Widget;
  defaultValue?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface ParsedSchema {
  title?: string;
  fields: SchemaField[];
  unsupported: string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: Json, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  if (!isObject(target)) return node;
  const { $ref: _ignored, ...rest } = node;
  return { ...resolveRef(root, target), ...rest };
}

/** Follows $ref / single allOf, and peels `null` off anyOf/oneOf/type lists. */
function normalise(root: Json, input: Json): { node: Json; nullable: boolean } {
  let node = resolveRef(root, input);
  let nullable = false;
  const allOf = node.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0])) {
    const { allOf: _ignored, ...rest } = node;
    node = { ...resolveRef(root, allOf[0]), ...rest };
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const variants = node[key];
    if (!Array.isArray(variants)) continue;
    const nonNull = variants.filter((v) => !(isObject(v) && v.type === 'null'));
    if (nonNull.length !== variants.length) nullable = true;
    if (nonNull.length === 1 && isObject(nonNull[0])) {
      const { [key]: _ignored, ...rest } = node;
      const inner = normalise(root, nonNull[0]);
      node = { ...inner.node, ...rest };
      nullable = nullable || inner.nullable;
    }
  }
  if (Array.isArray(node.type)) {
    const types = node.type.filter((t) => t !== 'null');
    if (types.length !== node.type.length) nullable = true;
    node = { ...node, type: types.length === 1 ? types[0] : types };
  }
  return { node, nullable };
}

function humanise(name: string): string {
  const spaced = name.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A `{locale: text}` extension's text in `locale`, else French, else English. */
export function localizedText(texts: unknown, locale: string): string | undefined {
  if (!isObject(texts)) return undefined;
  for (const key of [locale, 'fr', 'en']) {
    const text = texts[key];
    if (typeof text === 'string' && text.trim()) return text;
  }
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function kindOf(node: Json): FieldKind | null {
  if (Array.isArray(node.enum) && node.enum.length > 0) return 'enum';
  if ('const' in node) return 'enum';
  switch (node.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return null;
  }
}

export function parseSchema(schema: unknown, locale = 'fr'): ParsedSchema {
  const result: ParsedSchema = { fields: [], unsupported: [] };
  if (!isObject(schema)) return result;
  const root = resolveRef(schema, schema);
  if (typeof root.title === 'string') result.title = root.title;
  const properties = isObject(root.properties) ? root.properties : {};
  const required = new Set(Array.isArray(root.required) ? root.required : []);
  for (const [name, raw] of Object.entries(properties)) {
    if (!isObject(raw)) {
      result.unsupported.push(name);
      continue;
    }
    const { node, nullable } = normalise(schema, raw);
    const kind = kindOf(node);
    if (!kind) {
      result.unsupported.push(name);
      continue;
    }
    const field: SchemaField = {
      name,
      kind,
      title: localizedText(node['x-label'], locale) ?? (typeof node.title === 'string' ? node.title : humanise(name)),
      required: required.has(name),
      nullable,
    };
    const help = localizedText(node['x-help'], locale) ?? node.description;
    if (typeof help === 'string') field.description = help;
    const widget = node['x-widget'];
    if (kind === 'string' && WIDGETS.includes(widget as Widget)) field.widget = widget as Widget;
    if ('default' in node) field.defaultValue = node.default;
    if (kind === 'enum') {
      field.options = (Array.isArray(node.enum) ? node.enum : [node.const]).filter(
        (v): v is EnumValue => ['string', 'number', 'boolean'].includes(typeof v),
      );
      const choices = isObject(node['x-choices']) ? node['x-choices'] : {};
      field.optionLabels = field.options.map((option) => localizedText(choices[String(option)], locale) ?? String(option));
    }
    field.minLength = num(node.minLength);
    field.maxLength = num(node.maxLength);
    field.minimum = num(node.minimum) ?? num(node.exclusiveMinimum);
    field.maximum = num(node.maximum) ?? num(node.exclusiveMaximum);
    result.fields.push(field);
  }
  return result;
}

/** What the form holds: text for inputs and selects, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

export function toFormValues(fields: SchemaField[], config: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = field.name in config ? config[field.name] : field.defaultValue;
    if (field.kind === 'boolean') {
      values[field.name] = value === true;
    } else if (field.kind === 'enum') {
      const index = field.options?.findIndex((option) => option === value) ?? -1;
      values[field.name] = index >= 0 ? String(index) : '';
    } else {
      values[field.name] = value === null || value === undefined ? '' : String(value);
    }
  }
  return values;
}

export type CoercionProblem = 'form_invalid_number' | 'form_invalid_integer' | 'form_required';

/**
 * Builds the config to send. Fields the form cannot show keep their saved
 * value; an empty optional field becomes null, an empty non-null one is left
 * out so the plugin's default applies. The server validates the rest.
 */
export function fromFormValues(
  fields: SchemaField[],
  values: FormValues,
  previous: Record<string, unknown> = {},
): { config: Record<string, unknown>; problems: Record<string, CoercionProblem> } {
  const known = new Set(fields.map((f) => f.name));
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(previous)) {
    if (!known.has(key)) config[key] = value;
  }
  const problems: Record<string, CoercionProblem> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === 'boolean') {
      config[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    if (field.kind === 'enum') {
      const option = text === '' ? undefined : field.options?.[Number(text)];
      if (option !== undefined) config[field.name] = option;
      else if (field.nullable) config[field.name] = null;
      else if (field.required) problems[field.name] = 'form_required';
      continue;
    }
    if (field.kind === 'string') {
      config[field.name] = text === '' && field.nullable ? null : text;
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      if (field.nullable) config[field.name] = null;
      else if (field.required) problems[field.name] = 'form_required';
      continue;
    }
    const parsed = Number(trimmed.replace(',', '.'));
    if (!Number.isFinite(parsed)) {
      problems[field.name] = 'form_invalid_number';
    } else if (field.kind === 'integer' && !Number.isInteger(parsed)) {
      problems[field.name] = 'form_invalid_integer';
    } else {
      config[field.name] = parsed;
    }
  }
  return { config, problems };
}
