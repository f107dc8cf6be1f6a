import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { MissionTimes } from '@/components/mission-times/mission-times';
import { TimeZoneProvider } from '@/lib/dates';
import { useLocaleStore } from '@/lib/i18n/locale-store';

// A Montreal tour date: 20:00-23:00 there (UTC-4) is 02:00-05:00 the next day in Paris.
const STARTS = '2027-07-11T00:00:00Z';
const ENDS = '2027-07-11T03:00:00Z';

function renderIn(orgZone: string, missionZone: string | null) {
  return render(
    <TimeZoneProvider timeZone={orgZone}>
      <MissionTimes startsAt={STARTS} endsAt={ENDS} timeZone={missionZone} />
    </TimeZoneProvider>,
  );
}

afterEach(() => act(() => useLocaleStore.getState().setLocale('fr')));

describe('MissionTimes', () => {
  it('shows a Montreal date on its own clock, then on the Paris office clock a day later', () => {
    const { container } = renderIn('Europe/Paris', 'America/Montreal');
    const place = container.querySelector('[data-clock="place"]');
    const org = container.querySelector('[data-clock="org"]');
    expect(place).toHaveTextContent('10 juil. 2027 20:00 - 23:00 (Montreal)');
    expect(org).toHaveTextContent('02:00 +1 j - 05:00 +1 j (Paris)');
  });

  it('says days in English', () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    const { container } = renderIn('Europe/Paris', 'America/Montreal');
    expect(container.querySelector('[data-clock="org"]')).toHaveTextContent('2:00 AM +1 d - 5:00 AM +1 d (Paris)');
  });

  it('labels the days before too (a Paris date seen from Montreal)', () => {
    const { container } = render(
      <TimeZoneProvider timeZone="America/Montreal">
        <MissionTimes startsAt="2027-07-10T22:30:00Z" endsAt="2027-07-11T01:00:00Z" timeZone="Europe/Paris" withDate={false} />
      </TimeZoneProvider>,
    );
    // 00:30-03:00 on 11 July in Paris is 18:30-21:00 on 10 July in Montreal.
    expect(container.querySelector('[data-clock="place"]')).toHaveTextContent(/^00:30 - 03:00 \(Paris\)$/);
    expect(container.querySelector('[data-clock="org"]')).toHaveTextContent('18:30 -1 j - 21:00 -1 j (Montreal)');
  });

  it('shows one line on the org clock when the place is on it (or there is no place)', () => {
    for (const zone of ['Europe/Paris', null]) {
      const { container, unmount } = renderIn('Europe/Paris', zone);
      expect(container).toHaveTextContent(/^11 juil\. 2027,? 02:00 - 05:00$/);
      expect(container.querySelector('[data-clock]')).toBeNull();
      unmount();
    }
    expect(screen.queryByText(/Montreal/)).toBeNull();
  });
});
