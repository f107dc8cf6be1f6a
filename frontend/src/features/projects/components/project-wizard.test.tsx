import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProjectWizard } from '@/features/projects/components/project-wizard';
import fr from '@/locales/fr.json';
import { pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('ProjectWizard first step', () => {
  it('asks for a name and dates in order under their fields, then keeps them for the missions step', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => pageResponse([])),
    );
    renderWithProviders(<ProjectWizard onDone={() => {}} placePicker={() => null} />);
    const next = screen.getByRole('button', { name: fr.projects_wizard_next });
    await userEvent.click(next);
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(fr.projects_field_name), 'Festival 2027');
    fireEvent.change(screen.getByLabelText(fr.projects_field_starts_on), { target: { value: '2027-07-10' } });
    fireEvent.change(screen.getByLabelText(fr.projects_field_ends_on), { target: { value: '2027-07-01' } });
    await userEvent.click(next);
    expect(await screen.findByText(fr.projects_wizard_bad_dates)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(fr.projects_field_ends_on), { target: { value: '2027-07-20' } });
    await userEvent.click(next);
    // The missions step starts from the project's dates.
    expect(await screen.findByLabelText(fr.projects_field_from)).toHaveValue('2027-07-10');
    expect(screen.getByLabelText(fr.projects_field_to)).toHaveValue('2027-07-20');
    // Back to the first step: what was typed is still there.
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_back }));
    expect(screen.getByLabelText(fr.projects_field_name)).toHaveValue('Festival 2027');
  });
});

describe('ProjectWizard missions step', () => {
  const toMissions = async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => pageResponse([])),
    );
    renderWithProviders(<ProjectWizard onDone={() => {}} placePicker={() => null} />);
    await userEvent.type(screen.getByLabelText(fr.projects_field_name), 'Festival 2027');
    fireEvent.change(screen.getByLabelText(fr.projects_field_starts_on), { target: { value: '2027-07-10' } });
    fireEvent.change(screen.getByLabelText(fr.projects_field_ends_on), { target: { value: '2027-07-12' } });
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_next }));
    await screen.findByLabelText(fr.projects_field_from);
  };
  const slotLabel = (key: string, n: number) => key.replace('{n}', String(n));

  it('says each mistake under its own field and keeps the step until they are fixed', async () => {
    await toMissions();
    fireEvent.change(screen.getByLabelText(slotLabel(fr.projects_slot_day_offset, 1)), { target: { value: '9' } });
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    expect(await screen.findByText(fr.projects_wizard_need_title)).toBeInTheDocument();
    expect(screen.getByLabelText(fr.projects_field_mission_title)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(fr.projects_wizard_bad_offset.replace('{max}', '7'))).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: fr.projects_wizard_step_preview })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(fr.projects_field_mission_title), 'Accueil');
    fireEvent.change(screen.getByLabelText(slotLabel(fr.projects_slot_day_offset, 1)), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText(slotLabel(fr.projects_slot_end, 1)), { target: { value: '08:00' } });
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    // Start and end equal: the slot makes nothing, said under its end.
    expect(await screen.findByText(fr.projects_wizard_bad_slot)).toBeInTheDocument();
    expect(screen.queryByText(fr.projects_wizard_need_title)).not.toBeInTheDocument();
    // Said once, under the slot: not again as "this pattern makes no mission".
    expect(screen.queryByText(fr.projects_wizard_no_mission)).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(slotLabel(fr.projects_slot_end, 1)), { target: { value: '13:00' } });
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    // 10 to 12 July, one slot: three missions.
    expect(await screen.findByText(fr.projects_wizard_summary_other.replace('{count}', '3').replace('{name}', 'Festival 2027'))).toBeInTheDocument();
  });

  it('refuses a list of days with a wrong date, then days outside the project', async () => {
    await toMissions();
    await userEvent.type(screen.getByLabelText(fr.projects_field_mission_title), 'Accueil');
    await userEvent.click(screen.getByLabelText(fr.projects_wizard_mode_days));
    await userEvent.type(screen.getByLabelText(fr.projects_field_days), '2027-07-11, 11/07/2027');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    expect(await screen.findByText(fr.projects_wizard_bad_days)).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText(fr.projects_field_days));
    await userEvent.type(screen.getByLabelText(fr.projects_field_days), '2027-07-11 2027-07-20');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.projects_wizard_outside.replace('{days}', '20 juil. 2027'));
  });
});
