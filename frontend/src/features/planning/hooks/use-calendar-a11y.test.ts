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

  it('takes events hidden from assistive technology out of the tab order', () => {
    const root = document.createElement('div');
    root.innerHTML = `<div class="fc-timeline-body"><table aria-hidden="true"><tbody><tr><td>
      <a class="fc-event" tabindex="0">Montage</a></td></tr></tbody></table></div>`;
    patchCalendarA11y(root);
    expect(root.querySelector('.fc-event')).toHaveAttribute('tabindex', '-1');
  });

});
