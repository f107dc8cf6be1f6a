import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ExportDataButton } from '@/features/users/components/export-data-button';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExportDataButton', () => {
  it('downloads the zip under the name the server gave', async () => {
    const fetchMock = vi.fn(
      async (_url: string) =>
        new Response(new Blob(['PK']), {
          status: 200,
          headers: {
            'Content-Type': 'application/zip',
            'Content-Disposition': 'attachment; filename="coulisses-donnees-personne-4-2027-02-01.zip"',
          },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:zip');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderWithProviders(<ExportDataButton target={4} label={fr.privacy_export_button} />);

    await userEvent.click(screen.getByRole('button', { name: fr.privacy_export_button }));

    await vi.waitFor(() => expect(names).toEqual(['coulisses-donnees-personne-4-2027-02-01.zip']));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/users/4/export');
    expect(createObjectURL).toHaveBeenCalledOnce();
  });

  it('says in French why the export failed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ error: { code: 'gdpr.no_person', message: 'no person' } }, 404)),
    );
    renderWithProviders(<ExportDataButton target="me" label={fr.privacy_export_mine} />);
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_export_mine }));
    expect(await screen.findByText(fr.error_gdpr_no_person)).toBeInTheDocument();
  });
});
