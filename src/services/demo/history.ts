import { addYears } from '../../domain/dates.ts';
import type { MemberStatus } from '../../shared/enums.ts';
import type { Rng } from './rng.ts';

/**
 * Membership histories: a person's rows are consecutive half-open intervals (`to` of one row = `from`
 * of the next) and the last row is open (`to: null`). The development pipeline follows RULES.md §4:
 * applicant ≥ 6 months before activist, activist ≥ 1 year before candidate, probationary exactly one
 * year before full membership.
 */
export type MembershipRow = {
  person: string;
  org: string;
  status: MemberStatus;
  from: string;
  to: string | null;
};
export type PipelineStatus = Exclude<MemberStatus, 'left'>;
export type StatusEvent = { status: PipelineStatus; from: string };

export const PIPELINE: readonly PipelineStatus[] = [
  'applicant',
  'activist',
  'candidate',
  'probationary',
  'full',
];

const DAY = 86_400_000;
/** Day number of a 'YYYY-MM-DD' date (days since 1970-01-01). */
export function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}
export function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
export const shiftDays = (date: string, days: number) => fromDay(toDay(date) + days);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);

/** Days elapsed in the current stage, by stage (kept below each stage's normal length). */
const ELAPSED: Record<PipelineStatus, [number, number]> = {
  applicant: [5, 300],
  activist: [5, 360],
  candidate: [5, 150],
  probationary: [5, 350],
  full: [30, 1500],
};

/** The pipeline events ending in `target`, whose current stage started on `start`. */
export function eventsEndingIn(rng: Rng, target: PipelineStatus, start: string): StatusEvent[] {
  const gaps = [185 + rng.int(0, 240), 366 + rng.int(0, 200), rng.int(60, 200)];
  return buildEvents(target, start, gaps);
}

function buildEvents(target: PipelineStatus, start: string, gaps: number[]): StatusEvent[] {
  const idx = PIPELINE.indexOf(target);
  let t = start;
  if (idx === 4 && t.endsWith('-02-29')) t = shiftDays(t, 1);
  const events: StatusEvent[] = [{ status: target, from: t }];
  if (idx >= 4) {
    t = addYears(t, -1);
    events.unshift({ status: 'probationary', from: t });
  }
  for (let s = Math.min(idx, 3) - 1; s >= 0; s--) {
    t = shiftDays(t, -gaps[s]);
    events.unshift({ status: PIPELINE[s], from: t });
  }
  return events;
}

/**
 * Events ending in `target` (or an earlier stage when `target` cannot be reached since `earliest`,
 * e.g. a second-year student cannot be a full member yet). The current stage started before `asOf`.
 */
export function fitEvents(
  rng: Rng,
  target: PipelineStatus,
  asOf: string,
  earliest: string,
  elapsed: [number, number] = ELAPSED[target],
): StatusEvent[] {
  const last = toDay(asOf) - 1;
  for (let idx = PIPELINE.indexOf(target); idx >= 0; idx--) {
    const status = PIPELINE[idx];
    const [lo, hi] = status === target ? elapsed : ELAPSED[status];
    const gaps = [185 + rng.int(0, 240), 366 + rng.int(0, 200), rng.int(60, 200)];
    let start = last - rng.int(lo, hi) + 1;
    let events = buildEvents(status, fromDay(start), gaps);
    for (let tries = 0; tries < 3 && events[0].from < earliest; tries++) {
      start += toDay(earliest) - toDay(events[0].from) + rng.int(0, 20);
      events = buildEvents(status, fromDay(start), gaps);
    }
    if (events[0].from >= earliest && toDay(events[events.length - 1].from) <= last) return events;
  }
  return [{ status: 'applicant', from: minDate(maxDate(earliest, shiftDays(asOf, -30)), fromDay(last)) }];
}

/** Consecutive rows in `org` for the events (the last row is open). */
export function rowsFromEvents(person: string, org: string, events: readonly StatusEvent[]): MembershipRow[] {
  return events.map((e, i) => ({
    person,
    org,
    status: e.status,
    from: e.from,
    to: i + 1 < events.length ? events[i + 1].from : null,
  }));
}

/** Moves the part of the history before `at` to `priorOrg` (a transfer on `at`). False when impossible. */
export function transferAt(rows: MembershipRow[], at: string, priorOrg: string): boolean {
  if (at <= rows[0].from) return false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.to !== null && r.to <= at) r.org = priorOrg;
    else if (r.from < at) {
      rows.splice(i, 0, { ...r, org: priorOrg, to: at });
      r.from = at;
      break;
    }
  }
  return true;
}

/** Ends the open row on `at` and adds an open `left` row (transferred out, graduated, deceased). */
export function leaveAt(rows: MembershipRow[], at: string): boolean {
  const open = rows[rows.length - 1];
  if (at <= open.from) return false;
  open.to = at;
  rows.push({ person: open.person, org: open.org, status: 'left', from: at, to: null });
  return true;
}

/** The date the person became a full member (first full row), or null. */
export function fullSince(rows: readonly MembershipRow[]): string | null {
  for (const r of rows) if (r.status === 'full') return r.from;
  return null;
}

/** The date the person's current (open-row) branch membership began. */
export function branchSince(rows: readonly MembershipRow[]): string {
  const org = rows[rows.length - 1].org;
  let i = rows.length - 1;
  while (i > 0 && rows[i - 1].org === org) i--;
  return rows[i].from;
}
