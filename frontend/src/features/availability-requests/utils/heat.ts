/** Pure helpers of the availability requests screens: days of a period, cells, heat levels. */

export type Answer = 'yes' | 'if_needed' | 'no';

export interface Counts {
  yes: number;
  if_needed: number;
  no: number;
  no_answer: number;
}

/** Every `YYYY-MM-DD` from `first` to `last`, both included (calendar days, no zone). */
export function daysOf(first: string, last: string): string[] {
  const days: string[] = [];
  const [y = 1970, m = 1, d = 1] = first.split('-').map(Number);
  for (let n = 0; n < 400; n += 1) {
    const day = new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

/** The key of a (day, slot) cell; `slot` is `''` for a whole-day request. */
export function cellKey(day: string, slot: string): string {
  return `${day}|${slot}`;
}

/** Answers as a map by cell key. */
export function answerMap(answers: readonly { day: string; slot: string; answer: string }[]): Map<string, Answer> {
  return new Map(answers.map((a) => [cellKey(a.day, a.slot), a.answer as Answer]));
}

export type HeatLevel = 'empty' | 'low' | 'mid' | 'high';

/**
 * How well a cell is covered, for its colour: the share of people who said yes, an
 * "if needed" counting half. `empty` when nobody said yes or if needed.
 */
export function heatLevel(counts: Counts): HeatLevel {
  const total = counts.yes + counts.if_needed + counts.no + counts.no_answer;
  const score = total ? (counts.yes + counts.if_needed / 2) / total : 0;
  if (score <= 0) return 'empty';
  if (score < 1 / 3) return 'low';
  if (score < 2 / 3) return 'mid';
  return 'high';
}

/** The colour of each heat level (a soft background, its strong text: AA contrast). */
export const HEAT_CLASS: Record<HeatLevel, string> = {
  empty: 'bg-muted text-foreground',
  low: 'bg-danger-soft text-danger',
  mid: 'bg-warning-soft text-warning',
  high: 'bg-success-soft text-success',
};

/** A slot key from its label: lowercase ASCII letters, digits and `_`, starting with a letter. */
export function slotKey(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 30) || 'creneau';
  let key = base;
  for (let n = 2; taken.includes(key); n += 1) key = `${base}_${n}`;
  return key;
}
