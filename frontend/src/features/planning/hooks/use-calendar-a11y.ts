/**
 * Patches what FullCalendar renders so every mission is reachable with the
 * keyboard and axe passes.
 * - Events: FullCalendar makes them focusable anchors without href (Enter and
 *   Space fire its eventClick, which opens the mission panel); they become
 *   buttons named like the mission inside them (title, day, place, fill, state).
 *   The part of a mission past midnight carries no name of its own and leaves the
 *   tab order: its first part is the one to reach.
 * - The resource timeline draws its events in a table hidden with aria-hidden
 *   (focusable content there is an axe violation, and invisible to screen
 *   readers): that table is exposed, its lanes as rows and cells of
 *   FullCalendar's grid (a grid's row groups may hold rows only: axe
 *   aria-required-children), its events in the tab order like in the other views.
 * - Its "+N more" links are anchors without href carrying aria-expanded (axe
 *   aria-allowed-attr, critical): they act as buttons (Enter and Space open the
 *   day's popover), so they get that role, and lose their empty aria-controls.
 * Re-applied whenever the calendar re-renders. (Scrollable headers and the focus
 * ring: see planning-calendar.css.)
 */
import { useEffect, type RefObject } from 'react';

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function patchCalendarA11y(root: HTMLElement): void {
  // Every pass, not only while aria-hidden is there: FullCalendar replaces the rows (new
  // resources) inside the table it keeps, and rows of a presentational table are layout.
  root.querySelectorAll<HTMLElement>('.fc-timeline-body table').forEach((table) => {
    if (table.closest('.fc-timeline-slots')) return;
    table.removeAttribute('aria-hidden');
    setAttr(table, 'role', 'presentation');
    table.querySelectorAll(':scope > tbody').forEach((el) => setAttr(el, 'role', 'presentation'));
    table.querySelectorAll(':scope > tbody > tr').forEach((el) => setAttr(el, 'role', 'row'));
    table.querySelectorAll(':scope > tbody > tr > td').forEach((el) => setAttr(el, 'role', 'gridcell'));
  });
  root.querySelectorAll<HTMLElement>('.fc-event[tabindex]').forEach((el) => {
    const label = el.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label');
    if (!label) {
      if (el.tabIndex !== -1) el.tabIndex = -1;
      return;
    }
    setAttr(el, 'role', 'button');
    setAttr(el, 'aria-label', label);
  });
  root.querySelectorAll<HTMLElement>('.fc-more-link').forEach((el) => {
    setAttr(el, 'role', 'button');
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
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['tabindex', 'aria-controls', 'aria-hidden', 'aria-label'],
    });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref]);
}
