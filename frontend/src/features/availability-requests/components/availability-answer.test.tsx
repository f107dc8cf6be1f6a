import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AvailabilityAnswer } from '@/features/availability-requests/components/availability-answer';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const REQUEST = {
  recipient_id: 7,
  answered_at: null,
  answers: [{ day: '2027-07-02', slot: 'soir', answer: 'if_needed' }],
  closed: false,
  deadline: '2027-06-20T18:00:00Z',
  deadline_passed: false,
  starts_on: '2027-07-01',
  ends_on: '2027-07-02',
  first_name: 'Lea',
  message: '',
  org_name: 'Festival',
  slots: [{ key: 'soir', label: 'Soir', start: '18:00', end: '23:00' }],
  timezone: 'Europe/Paris',
  title: 'Semaine 1',
};

/** The page's GET answers the request; a PUT is kept and answers the saved request. */
function stubApi(request: typeof REQUEST = REQUEST) {
  const puts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        return jsonResponse(request);
      }
      return jsonResponse(request);
    }),
  );
  return puts;
}

describe('AvailabilityAnswer', () => {
  it('keeps saved answers, asks for one before saving nothing, then sends every chosen cell', async () => {
    const puts = stubApi();
    renderWithProviders(<AvailabilityAnswer recipientId="7" token="secret" />);
    const radios = await screen.findAllByRole('radio');
    // Two days x one slot x three choices; the saved "if needed" of 2 July is checked.
    expect(radios).toHaveLength(6);
    expect(radios.filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
    expect(radios[4]).toBeChecked();

    await userEvent.click(radios[4]!.closest('label')!);
    await userEvent.click(screen.getByRole('button', { name: fr.availability_answer_all_no }));
    await userEvent.click(screen.getByRole('button', { name: fr.availability_answer_submit }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      answers: [
        { day: '2027-07-01', slot: 'soir', answer: 'no' },
        { day: '2027-07-02', slot: 'soir', answer: 'no' },
      ],
    });
    expect(await screen.findByText(fr.availability_answer_saved)).toBeInTheDocument();

    await userEvent.click(radios[0]!.closest('label')!);
    await userEvent.click(screen.getByRole('button', { name: fr.availability_answer_submit }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toEqual({
      answers: [
        { day: '2027-07-01', slot: 'soir', answer: 'yes' },
        { day: '2027-07-02', slot: 'soir', answer: 'no' },
      ],
    });
  });

  it('refuses to save a page where nothing is chosen', async () => {
    const puts = stubApi({ ...REQUEST, answers: [] });
    renderWithProviders(<AvailabilityAnswer recipientId="7" token="secret" />);
    await userEvent.click(await screen.findByRole('button', { name: fr.availability_answer_submit }));
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.availability_answer_none);
    expect(puts).toHaveLength(0);
    // One choice answers the alert; "All yes" too.
    await userEvent.click(screen.getAllByRole('radio')[2]!.closest('label')!);
    await waitFor(() => expect(screen.queryByText(fr.availability_answer_none)).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: fr.availability_answer_all_yes }));
    await userEvent.click(screen.getByRole('button', { name: fr.availability_answer_submit }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      answers: [
        { day: '2027-07-01', slot: 'soir', answer: 'yes' },
        { day: '2027-07-02', slot: 'soir', answer: 'yes' },
      ],
    });
  });
});
