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
