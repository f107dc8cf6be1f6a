/**
 * Patches what FullCalendar renders so axe passes: its resource timeline puts
 * the (focusable) events inside a table hidden with aria-hidden. Exposing that
 * table breaks the grid roles around it, so the events there leave the tab
 * order instead; the keyboard way to a mission is the week and day views and
 * the mission panel. Its "+N more" links are anchors without href carrying
 * aria-expanded (axe aria-allowed-attr, critical): they act as buttons (Enter
 * and Space open the day's popover), so they get that role, and lose their empty
 * aria-controls. Re-applied whenever the calendar re-renders. (Scrollable
 * headers: see planning-calendar.css.)
 */
import { useEffect, type RefObject } from 'react';

export function patchCalendarA11y(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('.fc-timeline-body [aria-hidden="true"] [tabindex="0"]').forEach((el) => {
    el.tabIndex = -1;
  });
  root.querySelectorAll<HTMLElement>('.fc-more-link').forEach((el) => {
    if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
    if (el.getAttribute('aria-controls') === '') el.removeAttribute('aria-controls');
  });
}

export function useCalendarA11y(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => patchCalendarA11y(root));
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex', 'aria-controls'] });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref]);
}
