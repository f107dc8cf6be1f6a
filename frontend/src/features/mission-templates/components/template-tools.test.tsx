import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TemplateTools } from '@/features/mission-templates/components/template-tools';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const stageDay = {
  id: 4,
  name: 'Journee plateau',
  description: '',
  version: 2,
  title: 'Plateau',
  slots: [
    { start: '08:00', end: '13:00', title: 'Montage', ends_next_day: false, day_offset: 0, fold: 0, roles: null },
    { start: '01:00', end: '04:00', title: 'Demontage', ends_next_day: false, day_offset: 1, fold: 0, roles: null },
  ],
  roles: [{ name: 'machiniste', quota: 4, required_skills: [] }],
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-02T10:00:00Z',
};
const pattern = {
  title: 'Festival',
  slots: [{ start: '19:00', end: '01:00', title: null, ends_next_day: true, day_offset: 0, fold: 0, roles: null }],
  roles: [{ name: 'son', quota: 1, required_skills: ['son'] }],
};

type Call = { url: string; method: string; body: unknown };

function stubApi(create: () => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
      if (method === 'POST') return create();
      return pageResponse([stageDay]);
    }),
  );
  return calls;
}

describe('TemplateTools', () => {
  it('fills the wizard from the chosen template', async () => {
    stubApi(() => jsonResponse({}, 500));
    const onLoad = vi.fn();
    renderWithProviders(<TemplateTools pattern={pattern} onLoad={onLoad} />);
    const picker = screen.getByLabelText(fr.templates_start_from);
    const use = screen.getByRole('button', { name: fr.templates_use });
    expect(use).toBeDisabled();
    await screen.findByRole('option', { name: msg(fr.templates_option, { name: 'Journee plateau', version: 2 }) });
    await userEvent.selectOptions(picker, '4');
    await userEvent.click(use);
    expect(onLoad).toHaveBeenCalledWith({ title: 'Plateau', slots: stageDay.slots, roles: stageDay.roles });
    expect(screen.getByRole('status')).toHaveTextContent(msg(fr.templates_loaded, { name: 'Journee plateau' }));
  });

  it('saves what the wizard holds under a new name, and words a taken name in French', async () => {
    let taken = true;
    const calls = stubApi(() =>
      taken
        ? jsonResponse({ error: { code: 'mission_template.name_taken', message: 'taken', details: { field: 'name' } } }, 409)
        : jsonResponse({ ...stageDay, id: 5, name: 'Soiree', version: 1 }, 201),
    );
    renderWithProviders(<TemplateTools pattern={pattern} onLoad={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: fr.templates_save_as }));
    const group = screen.getByRole('group', { name: fr.templates_save_as });
    await userEvent.type(within(group).getByLabelText(fr.templates_field_name), 'Soiree{Enter}');
    expect(await within(group).findByText(fr.error_mission_template_name_taken)).toBeInTheDocument();
    taken = false;
    await userEvent.click(within(group).getByRole('button', { name: fr.templates_save }));
    expect(await screen.findByText(msg(fr.templates_saved, { name: 'Soiree' }))).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual({ url: '/api/v1/mission-templates', method: 'POST', body: { name: 'Soiree', description: '', ...pattern } });
  });
});
