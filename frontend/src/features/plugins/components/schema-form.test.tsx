import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { ApiError } from '@/lib/api/api-error';
import { SchemaForm } from '@/features/plugins/components/schema-form';
import { renderWithProviders } from '@/testing/render';

const SCHEMA = {
  properties: {
    greeting: { default: 'Bienvenue', maxLength: 100, minLength: 1, title: 'Greeting', type: 'string' },
    repeat: { default: 1, title: 'Repeat', type: 'integer', description: 'How many times' },
    loud: { default: false, title: 'Loud', type: 'boolean' },
    tone: { enum: ['calm', 'loud'], default: 'calm', title: 'Tone', type: 'string' },
  },
  title: 'HelloConfig',
  type: 'object',
};

/** A schema as `coulisses_sdk.setting` writes it: texts per locale, a time widget, choice labels. */
const LABELLED = {
  properties: {
    quiet_start: {
      default: '22:00',
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
      title: 'Quiet Start',
      type: 'string',
      description: 'Org time',
      'x-label': { fr: 'Debut des heures calmes', en: 'Quiet hours start' },
      'x-help': { fr: "Heure de l'organisation", en: 'Org time' },
      'x-widget': 'time',
    },
    diet: {
      enum: ['any', 'veggie'],
      default: 'any',
      title: 'Diet',
      type: 'string',
      'x-label': { fr: 'Regime' },
      'x-choices': { any: { fr: 'Tout', en: 'Anything' }, veggie: { fr: 'Vegetarien', en: 'Vegetarian' } },
    },
  },
  type: 'object',
};

describe('SchemaForm', () => {
  it("labels fields in the member's language from the plugin's schema, with a time picker", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(<SchemaForm schema={LABELLED} value={{}} onSubmit={onSubmit} submitLabel="Enregistrer" />);
    const start = screen.getByLabelText('Debut des heures calmes');
    expect(start).toHaveAttribute('type', 'time');
    expect(start).toHaveValue('22:00');
    expect(start).toHaveAccessibleDescription("Heure de l'organisation");
    const diet = screen.getByLabelText('Regime');
    expect(screen.getByRole('option', { name: 'Vegetarien' })).toBeInTheDocument();
    await user.selectOptions(diet, 'Vegetarien');
    await user.clear(start);
    await user.type(start, '23:30');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(onSubmit).toHaveBeenCalledWith({ quiet_start: '23:30', diet: 'veggie' });
  });


  it('renders one labelled control per field and submits the typed config', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(
      <SchemaForm schema={SCHEMA} value={{ greeting: 'Salut', repeat: 2 }} onSubmit={onSubmit} submitLabel="Save" />,
    );
    const greeting = screen.getByLabelText('Greeting');
    expect(greeting).toHaveValue('Salut');
    expect(screen.getByLabelText('Repeat')).toHaveAccessibleDescription('How many times');
    await user.clear(greeting);
    await user.type(greeting, 'Hello');
    await user.clear(screen.getByLabelText('Repeat'));
    await user.type(screen.getByLabelText('Repeat'), '3');
    await user.click(screen.getByLabelText('Loud'));
    await user.selectOptions(screen.getByLabelText('Tone'), 'loud');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ greeting: 'Hello', repeat: 3, loud: true, tone: 'loud' });
  });

  it('blocks a fractional value in an integer field before asking the server', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const schema = { properties: { n: { type: 'integer', title: 'N' } }, type: 'object' };
    renderWithProviders(<SchemaForm schema={schema} value={{}} onSubmit={onSubmit} submitLabel="Save" />);
    await user.type(screen.getByLabelText('N'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('N')).toHaveAccessibleDescription(fr.form_invalid_integer);
  });

  it('shows the 422 field errors from the API next to their fields, in the catalog words of their codes', () => {
    const error = new ApiError(422, 'plugin.invalid_config', 'Invalid config for plugin hello', [
      { field: 'greeting', message: 'String should have at least 1 character', code: 'field.too_short', params: { min: 1 } },
    ]);
    renderWithProviders(
      <SchemaForm schema={SCHEMA} value={{ greeting: '' }} onSubmit={vi.fn()} error={error} submitLabel="Save" />,
    );
    expect(screen.getByLabelText('Greeting')).toHaveAccessibleDescription(fr.error_field_too_short.replace('{min}', '1'));
    expect(screen.getByLabelText('Greeting')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/configuration/i);
  });

  it('says so when the plugin has nothing to configure', () => {
    renderWithProviders(
      <SchemaForm schema={{ type: 'object', properties: {} }} value={{}} onSubmit={vi.fn()} submitLabel="Save" />,
    );
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});
