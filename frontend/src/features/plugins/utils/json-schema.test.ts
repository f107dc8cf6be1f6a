import { describe, expect, it } from 'vitest';

import { fromFormValues, parseSchema, toFormValues } from '@/features/plugins/utils/json-schema';

// What pydantic's model_json_schema() writes for a config model with every supported kind.
const SCHEMA = {
  $defs: { Tone: { enum: ['calm', 'loud'], title: 'Tone', type: 'string' } },
  additionalProperties: false,
  properties: {
    greeting: { default: 'Bienvenue', maxLength: 100, minLength: 1, title: 'Greeting', type: 'string' },
    repeat: { default: 1, maximum: 5, minimum: 1, title: 'Repeat', type: 'integer' },
    ratio: { anyOf: [{ type: 'number' }, { type: 'null' }], default: null, title: 'Ratio' },
    loud: { default: false, title: 'Loud', type: 'boolean' },
    tone: { $ref: '#/$defs/Tone', default: 'calm' },
    level: { enum: [1, 2, 3], title: 'Level', type: 'integer' },
    tags: { items: { type: 'string' }, title: 'Tags', type: 'array' },
  },
  required: ['level'],
  title: 'DemoConfig',
  type: 'object',
};

describe('parseSchema', () => {
  it('reads string, integer, nullable number, boolean, $ref enum and inline enum fields', () => {
    const parsed = parseSchema(SCHEMA);
    expect(parsed.title).toBe('DemoConfig');
    expect(parsed.unsupported).toEqual(['tags']);
    const byName = Object.fromEntries(parsed.fields.map((f) => [f.name, f]));
    expect(byName.greeting).toMatchObject({ kind: 'string', minLength: 1, maxLength: 100, required: false });
    expect(byName.repeat).toMatchObject({ kind: 'integer', minimum: 1, maximum: 5, defaultValue: 1 });
    expect(byName.ratio).toMatchObject({ kind: 'number', nullable: true, title: 'Ratio' });
    expect(byName.loud).toMatchObject({ kind: 'boolean', defaultValue: false });
    expect(byName.tone).toMatchObject({ kind: 'enum', options: ['calm', 'loud'], title: 'Tone' });
    expect(byName.level).toMatchObject({ kind: 'enum', options: [1, 2, 3], required: true });
  });

  it('survives a schema that is not an object', () => {
    expect(parseSchema(null)).toEqual({ fields: [], unsupported: [] });
    expect(parseSchema({ type: 'object' }).fields).toEqual([]);
  });

  it('humanises a property without a title', () => {
    const parsed = parseSchema({ properties: { max_hours: { type: 'integer' } } });
    expect(parsed.fields[0]?.title).toBe('Max hours');
  });
});

describe('SDK texts', () => {
  const schema = {
    properties: {
      kind: {
        anyOf: [{ enum: ['a', 'b'], type: 'string' }, { type: 'null' }],
        title: 'Kind',
        description: 'English help',
        'x-label': { fr: 'Genre', en: 'Kind' },
        'x-help': { fr: 'Aide', en: 'Help' },
        'x-choices': { a: { fr: 'Premier', en: 'First' } },
      },
      mail: { anyOf: [{ type: 'string', 'x-widget': 'email' }, { type: 'null' }], title: 'Mail' },
      count: { type: 'integer', title: 'Count', 'x-widget': 'time' },
    },
  };

  it('picks the locale, falls back to French then to the value, and keeps widgets of strings only', () => {
    const [kind, mail, count] = parseSchema(schema, 'en').fields;
    expect(kind).toMatchObject({ title: 'Kind', description: 'Help', optionLabels: ['First', 'b'] });
    expect(parseSchema(schema, 'fr').fields[0]).toMatchObject({ title: 'Genre', description: 'Aide', optionLabels: ['Premier', 'b'] });
    expect(parseSchema(schema, 'de').fields[0]?.title).toBe('Genre');
    expect(mail?.widget).toBe('email');
    expect(count?.widget).toBeUndefined();
  });
});

describe('form values', () => {
  const { fields } = parseSchema(SCHEMA);

  it('round-trips a saved config, keeping settings the form cannot show', () => {
    const saved = { greeting: 'Salut', repeat: 2, ratio: null, loud: true, tone: 'loud', level: 3, tags: ['a'] };
    const values = toFormValues(fields, saved);
    expect(values).toMatchObject({ greeting: 'Salut', repeat: '2', ratio: '', loud: true, tone: '1', level: '2' });
    expect(fromFormValues(fields, values, saved)).toEqual({ config: saved, problems: {} });
  });

  it('uses defaults for a config that lacks a field', () => {
    expect(toFormValues(fields, {})).toMatchObject({ greeting: 'Bienvenue', repeat: '1', tone: '0', level: '' });
  });

  it('coerces numbers and reports what cannot be one', () => {
    const values = { ...toFormValues(fields, {}), repeat: '2.5', ratio: '0,75', level: '' };
    const { config, problems } = fromFormValues(fields, values);
    expect(config.ratio).toBe(0.75);
    expect(problems).toEqual({ repeat: 'form_invalid_integer', level: 'form_required' });
  });

  it('leaves an emptied non-null number out so the plugin default applies', () => {
    const values = { ...toFormValues(fields, {}), repeat: '', level: '0' };
    const { config, problems } = fromFormValues(fields, values);
    expect(problems).toEqual({});
    expect('repeat' in config).toBe(false);
    expect(config.level).toBe(1);
  });
});
