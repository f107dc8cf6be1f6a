import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { renderWithProviders } from '@/testing/render';

const schema = z.object({
  name: z.string().trim().min(1, 'form_required'),
  // No catalog key: zod's own English sentence must never reach the screen.
  code: z.string().regex(/^[A-Z]+$/),
  seats: z.coerce.number<string>().int('form_invalid_integer'),
});

function Probe({ onValid }: { onValid: (values: z.output<typeof schema>) => void }) {
  const form = useZodForm(schema, { defaultValues: { name: '', code: '', seats: '' } });
  const errorText = useFormText();
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onValid)} noValidate>
      <input aria-label="name" {...form.register('name')} />
      <p data-testid="name-error">{errorText(errors.name)}</p>
      <input aria-label="code" {...form.register('code')} />
      <p data-testid="code-error">{errorText(errors.code)}</p>
      <input aria-label="seats" {...form.register('seats')} />
      <p data-testid="seats-error">{errorText(errors.seats)}</p>
      <button type="submit">ok</button>
    </form>
  );
}

describe('useZodForm and useFormText', () => {
  it('shows catalog texts, never zod sentences, and submits the parsed values', async () => {
    const onValid = vi.fn();
    renderWithProviders(<Probe onValid={onValid} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('code'), 'abc');
    await user.type(screen.getByLabelText('seats'), '2.5');
    await user.click(screen.getByRole('button', { name: 'ok' }));
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    expect(screen.getByTestId('code-error')).toHaveTextContent(fr.form_invalid);
    expect(screen.getByTestId('seats-error')).toHaveTextContent(fr.form_invalid_integer);
    expect(onValid).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('name'), '  Plateau  ');
    await user.clear(screen.getByLabelText('code'));
    await user.type(screen.getByLabelText('code'), 'ABC');
    await user.clear(screen.getByLabelText('seats'));
    await user.type(screen.getByLabelText('seats'), '12');
    await user.click(screen.getByRole('button', { name: 'ok' }));
    await vi.waitFor(() => expect(onValid).toHaveBeenCalledTimes(1));
    expect(onValid.mock.calls[0]?.[0]).toEqual({ name: 'Plateau', code: 'ABC', seats: 12 });
  });

  it('follows the member language', async () => {
    useLocaleStore.getState().setLocale('en');
    try {
      renderWithProviders(<Probe onValid={vi.fn()} />);
      await userEvent.setup().click(screen.getByRole('button', { name: 'ok' }));
      expect(await screen.findByText(en.form_required)).toBeInTheDocument();
    } finally {
      useLocaleStore.getState().setLocale('fr');
    }
  });
});
