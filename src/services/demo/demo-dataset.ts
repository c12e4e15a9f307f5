import { isIsoDate } from '../../domain/dates.ts';
import { DATASET_FORMAT, type DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import { generateCity } from './city.ts';
import { generateMeetings } from './meetings.ts';
import { Rng } from './rng.ts';
import { generateStudyRecords } from './study.ts';
import type { Ctx } from './roster.ts';
import { generateSchool } from './school.ts';

export {
  DEMO_ACCOUNTS,
  DEMO_IMPERFECTIONS,
  DEMO_ORG_CODES,
  DEMO_PERSON_REFS,
  type DemoAccount,
  type DemoImperfection,
} from './demo-accounts.ts';
export {
  DEMO_MEETING_GAPS,
  type DemoMeetingGap,
  type ResolvedMeetingGap,
  resolveMeetingGaps,
} from './meeting-gaps.ts';
export { type DemoMeeting, type MeetingOptions, demoMeetings } from './meetings.ts';

export type DemoOptions = {
  seed?: number;
  /** 'YYYY-MM-DD': the "today" of the demo; every record is dated on or before it. */
  asOf: string;
  /** 'school' (default): the demo university; 'city': 5,000 branches and ~150,000 people for benchmarks. */
  scale?: 'school' | 'city';
  /** City scale only: number of branches (default 5,000). The school tree is fixed (its codes are part of the demo). */
  branches?: number;
  /** Generate `meetings` (two years before `asOf`): default true at school scale, false at city scale. */
  meetings?: boolean;
};

export const DEFAULT_DEMO_SEED = 20260101;

/**
 * A realistic, deterministic demo dataset (zhibu-dataset/1): the same options always give the same
 * document. Pure: no clock, no I/O, no randomness beyond the seeded PRNG.
 */
export function generateDemoDataset(opts: DemoOptions): DatasetDoc {
  if (!isIsoDate(opts.asOf)) throw new Error(`asOf 必须是 YYYY-MM-DD 格式的日期：${opts.asOf}`);
  const scale = opts.scale ?? 'school';
  const width = scale === 'city' ? 6 : 5;
  let next = scale === 'school' ? 4 : 1;
  const ctx: Ctx = {
    rng: new Rng(opts.seed ?? DEFAULT_DEMO_SEED),
    asOf: opts.asOf,
    orgs: [],
    people: [],
    memberships: [],
    positions: [],
    elections: [],
    nextRef: () => `p${String(next++).padStart(width, '0')}`,
    idNumbers: new Set(),
  };
  if (scale === 'city') generateCity(ctx, opts.branches);
  else generateSchool(ctx);
  const doc: DatasetDoc = {
    format: DATASET_FORMAT,
    orgs: ctx.orgs,
    people: ctx.people,
    memberships: ctx.memberships,
    positions: ctx.positions,
    elections: ctx.elections,
  };
  if (opts.meetings ?? scale === 'school') {
    const seed = opts.seed ?? DEFAULT_DEMO_SEED;
    doc.meetings = generateMeetings(doc, { seed, asOf: opts.asOf, gaps: scale === 'school' });
    doc.study_records = generateStudyRecords(doc, { seed, asOf: opts.asOf });
  }
  return doc;
}
