import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { clampTo } from '@/features/availability-requests/api/get-day-heatmap';
import { AvailabilityHeatStrip } from '@/features/availability-requests/components/availability-heat-strip';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const DAY = { day: '2027-07-10', asked: 30, yes: 12, if_needed: 3, no: 2, no_answer: 13, request_ids: [7, 9] };

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(days: unknown[]): string[] {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return jsonResponse({ from: '2027-07-01', to: '2027-07-31', days });
    }),
  );
  return urls;
}

describe('AvailabilityHeatStrip', () => {
  it('shows each day with its counts in words and links to the request behind it', async () => {
    const urls = serve([DAY, { ...DAY, day: '2027-07-11', yes: 0, if_needed: 0, no: 30, no_answer: 0, request_ids: [7] }]);
    renderWithProviders(<AvailabilityHeatStrip window={{ from: '2027-07-01', to: '2027-07-31' }} />);

    const list = await screen.findByRole('list', { name: fr.planning_heat_title });
    const first = screen.getByTestId('planning-heat-2027-07-10');
    expect(first).toHaveTextContent('10/07');
    expect(first).toHaveTextContent('15/30');
    expect(first).toHaveAttribute('href', '/availability-requests/7');
    expect(first.getAttribute('aria-label')).toMatch(/12 oui, 3 si besoin, 2 non, 13 sans r\u00e9ponse sur 30$/);
    expect(first.className).toContain('bg-warning-soft'); // half of them, "if needed" counting half
    expect(screen.getByTestId('planning-heat-2027-07-11').className).toContain('bg-muted'); // nobody
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(urls).toEqual(['/api/v1/availability-requests/heatmap?from=2027-07-01&to=2027-07-31']);
  });

  it('says when no request covers the window', async () => {
    serve([]);
    renderWithProviders(<AvailabilityHeatStrip window={{ from: '2027-07-01', to: '2027-07-31' }} />);
    expect(await screen.findByText(fr.planning_heat_none)).toBeInTheDocument();
  });

  it('never asks for more days than the API serves', async () => {
    expect(clampTo('2027-07-01', '2027-07-31')).toBe('2027-07-31');
    expect(clampTo('2027-06-01', '2027-12-31')).toBe('2027-08-01');
    const urls = serve([]);
    renderWithProviders(<AvailabilityHeatStrip window={{ from: '2027-06-01', to: '2027-12-31' }} />);
    await waitFor(() => expect(urls).toEqual(['/api/v1/availability-requests/heatmap?from=2027-06-01&to=2027-08-01']));
  });
});
