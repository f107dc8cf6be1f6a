import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AvailabilityRequestForm } from '@/features/availability-requests/components/availability-request-form';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('AvailabilityRequestForm', () => {
  it('checks title, dates, people and reminder before sending, then sends the slots with keys', async () => {
    const posted: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        posted.push(JSON.parse(String(init?.body)));
        return jsonResponse({ id: 3 }, 201);
      }),
    );
    const onCreated = vi.fn();
    renderWithProviders(
      <AvailabilityRequestForm
        timeZone="Europe/Paris"
        people={[{ id: 4, name: 'Noe Roy' }, { id: 5, name: 'Lea Martin' }]}
        search=""
        onSearch={() => {}}
        onCreated={onCreated}
      />,
    );
    const send = screen.getByRole('button', { name: fr.availability_request_send });
    await userEvent.click(send);
    expect(await screen.findAllByText(fr.form_required)).toHaveLength(3);
    expect(screen.getByText(fr.availability_request_people_required)).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(fr.availability_request_field_title), 'Festival');
    await userEvent.type(screen.getByLabelText(fr.availability_request_field_starts_on), '2027-07-10');
    await userEvent.type(screen.getByLabelText(fr.availability_request_field_ends_on), '2027-07-08');
    await userEvent.type(screen.getByLabelText(fr.availability_request_field_deadline), '2027-06-30T18:00');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Noe Roy' }));
    const remind = screen.getByRole('spinbutton', { name: new RegExp(fr.availability_request_field_remind.replace(/[()]/g, '.')) });
    await userEvent.clear(remind);
    await userEvent.type(remind, '1000');
    await userEvent.click(send);
    expect(await screen.findByText(fr.availability_request_bad_dates)).toBeInTheDocument();
    expect(screen.getByText(fr.availability_request_remind_range)).toBeInTheDocument();
    expect(posted).toEqual([]);

    const ends = screen.getByLabelText(fr.availability_request_field_ends_on);
    await userEvent.clear(ends);
    await userEvent.type(ends, '2027-07-12');
    await userEvent.clear(remind);
    await userEvent.click(screen.getByRole('button', { name: fr.availability_request_slot_add }));
    await userEvent.type(screen.getByLabelText(fr.availability_request_slot_label), 'Montage');
    await userEvent.click(send);
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(posted).toEqual([
      {
        title: 'Festival',
        starts_on: '2027-07-10',
        ends_on: '2027-07-12',
        user_ids: [4],
        deadline: '2027-06-30T16:00:00Z',
        message: '',
        remind_hours_before: null,
        slots: [{ key: 'montage', label: 'Montage', start: '08:00', end: '13:00' }],
      },
    ]);
  });
});
