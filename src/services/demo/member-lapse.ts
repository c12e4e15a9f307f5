import { MEMBER_WIDE_TAGS } from '../../domain/checks/participation.ts';
import { addMonths } from '../../domain/dates.ts';
import { DEMO_PERSON_REFS } from './demo-accounts.ts';
import type { MeetingRoster, Present } from './meeting-roster.ts';

/**
 * The school demo's non-participation case (LIFE-018): in one branch, one ordinary full member misses every
 * member-wide record, without leave, from the start of the month `months` before the month of `asOf` —
 * `months` ended months by `asOf`, a 预警 (warn) at 5. Everyone else attends as generated.
 */
export const DEMO_LAPSE = {
  org: 'U-03-02',
  months: 5,
  ruleId: 'LIFE-018',
  description: '文学院教工第二党支部：一名党员连续5个月未参加组织生活且未请假',
} as const;

const WIDE = new Set<string>(MEMBER_WIDE_TAGS);
const DEMO_PEOPLE = new Set<string>(Object.values(DEMO_PERSON_REFS));
const chosen = new WeakMap<MeetingRoster, string | null>();

/** The member of DEMO_LAPSE.org who lapses: the full member with the highest ref holding no seat on `asOf`. */
export function lapsedRef(roster: MeetingRoster, asOf: string): string | null {
  if (chosen.has(roster)) return chosen.get(roster) ?? null;
  const seated = new Set(roster.seatsAt(DEMO_LAPSE.org, asOf).map((s) => s.person));
  const refs = roster
    .membersAt(DEMO_LAPSE.org, asOf)
    .filter((m) => m.full && !seated.has(m.ref) && !DEMO_PEOPLE.has(m.ref))
    .map((m) => m.ref)
    .sort();
  const ref = refs.at(-1) ?? null;
  chosen.set(roster, ref);
  return ref;
}

/** The lapsing member when this record is one they should attend and are not needed at (host, recorder …). */
export function lapsedAt(
  roster: MeetingRoster,
  o: { code: string; group: boolean; day: string; tags: readonly string[]; asOf: string },
  pool: readonly Present[],
  keep: readonly string[],
): Present | null {
  if (o.group || o.code !== DEMO_LAPSE.org || !o.tags.some((t) => WIDE.has(t))) return null;
  if (o.day < addMonths(`${o.asOf.slice(0, 7)}-01`, -DEMO_LAPSE.months)) return null;
  const ref = lapsedRef(roster, o.asOf);
  if (!ref || keep.includes(ref)) return null;
  return pool.find((m) => m.ref === ref) ?? null;
}

/** The attendance row of the lapsing member. */
export const lapseRow = (ref: string) => ({
  person: ref,
  status: 'absent' as const,
  reason: '未请假，联系不上',
});
