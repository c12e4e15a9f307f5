import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import type { DatasetStudyRecord } from '../../shared/contracts/study-dataset.contract.ts';
import { addDays } from '../../domain/dates.ts';
import { DEMO_PERSON_REFS } from './demo-accounts.ts';
import { Rng } from './rng.ts';

const LEADER_ROLES = new Set(['secretary', 'deputy_secretary', 'committee_member']);
const TOPICS = [
  '学习党的二十届三中全会精神',
  '学习《中国共产党章程》',
  '学习新修订的《纪律处分条例》',
  '党史专题学习',
  '学习习近平总书记重要讲话精神',
];
const PLATFORMS = ['学习强国', '甘肃党建信息化平台', '干部网络学院'];

/** Whether a membership/position row covers a day ('to' exclusive). */
const on = (r: { from: string; to?: string | null }, day: string) => r.from <= day && (!r.to || r.to > day);

/**
 * The `study_records` of the demo (zhibu-dataset/1): two calendar years up to `asOf` for every member
 * (probationary or full) of the year's reference day — a concentrated training, collective study
 * sessions, some online and self study; committee members get 56+ hours, secretaries their rotation
 * training (24 concentrated hours). About one member in thirty stays below 32 hours (EDU-001), and the
 * demo member account (p00002) is one of them in the previous year. Party lectures of the demo
 * meetings add credit on top. Deterministic for a seed.
 */
export function generateStudyRecords(
  doc: DatasetDoc,
  opts: { seed: number; asOf: string },
): DatasetStudyRecord[] {
  const rng = new Rng(opts.seed ^ 0x5d1e);
  const thisYear = Number(opts.asOf.slice(0, 4));
  const out: DatasetStudyRecord[] = [];
  // EDU-005: members admitted since two years before the demo window attend one training within months
  const firstDay = `${thisYear - 1}-01-01`;
  for (const m of doc.memberships) {
    if (m.status !== 'probationary' || m.from > opts.asOf) continue;
    const trained = addDays(m.from, rng.int(30, 150));
    if (trained >= firstDay || trained > opts.asOf || m.from < `${thisYear - 3}-01-01`) continue;
    out.push({
      person: m.person,
      date: trained,
      hours: 8,
      kind: 'concentrated_training',
      title: '新党员集中培训',
    });
  }
  for (const year of [thisYear - 1, thisYear]) {
    const ref = year === thisYear ? opts.asOf : `${year}-12-31`;
    const lastMonth = year === thisYear ? Number(opts.asOf.slice(5, 7)) : 12;
    const day = (fromMonth: number, toMonth: number) => {
      const m = Math.min(rng.int(fromMonth, toMonth), lastMonth);
      const date = `${year}-${String(m).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      return date <= opts.asOf ? date : opts.asOf;
    };
    const members = new Set(
      doc.memberships
        .filter((m) => (m.status === 'full' || m.status === 'probationary') && on(m, ref))
        .map((m) => m.person),
    );
    const roles = new Map<string, Set<string>>();
    for (const p of doc.positions)
      if (on({ from: p.from, to: p.to ?? null }, ref))
        roles.set(p.person, (roles.get(p.person) ?? new Set()).add(p.role));
    for (const person of [...members].sort()) {
      const mine = roles.get(person) ?? new Set<string>();
      const leader = [...mine].some((r) => LEADER_ROLES.has(r));
      const short = rng.chance(1 / 30) || (person === DEMO_PERSON_REFS.member && year === thisYear - 1);
      const add = (
        date: string,
        hours: number,
        kind: DatasetStudyRecord['kind'],
        title: string,
        provider?: string,
      ) => out.push({ person, date, hours, kind, title, ...(provider ? { provider } : {}) });
      add(day(3, 6), 8, 'concentrated_training', '党员集中轮训');
      const sessions = short ? 2 : rng.int(6, 7);
      for (let i = 0; i < sessions; i++)
        add(day(1 + (i % 6) * 2, 2 + (i % 6) * 2), 4, 'collective_study', rng.pick(TOPICS));
      for (let i = rng.int(0, 3); i > 0; i--)
        add(day(1, 12), 2, 'online', '网络专题学习', rng.pick(PLATFORMS));
      if (rng.chance(0.5)) add(day(1, 12), 2, 'self_study', '自学党章党规');
      if (leader)
        for (let i = 0; i < 3; i++) add(day(2 + i * 3, 4 + i * 3), 8, 'collective_study', '支委会专题学习');
      if (mine.has('secretary')) {
        const d = day(9, 10);
        add(d, 8, 'concentrated_training', '党支部书记轮训班');
        add(d < opts.asOf ? nextDay(d) : d, 8, 'concentrated_training', '党支部书记轮训班');
      }
    }
  }
  return out;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
