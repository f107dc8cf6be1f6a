import { describe, expect, it } from 'vitest';

import { patchCalendarA11y } from '@/features/planning/hooks/use-calendar-a11y';

describe('patchCalendarA11y', () => {
  it('makes "+N more" links buttons without an empty aria-controls', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <a class="fc-more-link" tabindex="0" aria-expanded="false" aria-controls="">+2</a>
      <a class="fc-more-link" tabindex="0" aria-expanded="true" aria-controls="pop-1">+3</a>`;
    patchCalendarA11y(root);
    const [closed, open] = [...root.querySelectorAll('a')];
    expect(closed).toHaveAttribute('role', 'button');
    expect(closed).not.toHaveAttribute('aria-controls');
    expect(open).toHaveAttribute('aria-controls', 'pop-1');
  });

  it('exposes the timeline events table as grid rows and keeps its events in the tab order, named', () => {
    const root = document.createElement('div');
    root.innerHTML = `<div class="fc-timeline-body">
      <div class="fc-timeline-slots"><table aria-hidden="true"><tbody><tr><td></td></tr></tbody></table></div>
      <table aria-hidden="true" class="lanes"><tbody><tr><td>
        <a class="fc-event" tabindex="0"><div role="group" aria-label="Mission Montage Cour, 5 juil., Cour, 4/4">Montage</div></a>
      </td></tr></tbody></table></div>`;
    patchCalendarA11y(root);
    const [slots, lanes] = [...root.querySelectorAll('table')];
    // The slots table holds nothing to reach: it stays hidden.
    expect(slots).toHaveAttribute('aria-hidden', 'true');
    expect(lanes).not.toHaveAttribute('aria-hidden');
    // Its lanes are rows and cells of the calendar's grid (a row group holds rows only).
    expect(lanes).toHaveAttribute('role', 'presentation');
    expect(lanes!.querySelector('tbody')).toHaveAttribute('role', 'presentation');
    expect(lanes!.querySelector('tr')).toHaveAttribute('role', 'row');
    expect(lanes!.querySelector('td')).toHaveAttribute('role', 'gridcell');
    const event = root.querySelector('.fc-event')!;
    expect(event).toHaveAttribute('tabindex', '0');
    expect(event).toHaveAttribute('role', 'button');
    expect(event).toHaveAttribute('aria-label', 'Mission Montage Cour, 5 juil., Cour, 4/4');

    // New rows in the same table (rows by person): rows again, not layout.
    lanes!.querySelector('tbody')!.insertAdjacentHTML('beforeend', '<tr><td></td></tr>');
    patchCalendarA11y(root);
    expect(lanes!.querySelectorAll('tr[role="row"] > td[role="gridcell"]')).toHaveLength(2);
  });

  it('takes the unnamed part of a mission past midnight out of the tab order', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <a class="fc-event" tabindex="0"><div role="group" aria-label="Mission Nuit, 5 juil.">Nuit</div></a>
      <a class="fc-event" tabindex="0"><div>Nuit</div></a>`;
    patchCalendarA11y(root);
    const [start, rest] = [...root.querySelectorAll('.fc-event')];
    expect(start).toHaveAttribute('tabindex', '0');
    expect(rest).toHaveAttribute('tabindex', '-1');
    expect(rest).not.toHaveAttribute('role');
  });

});
