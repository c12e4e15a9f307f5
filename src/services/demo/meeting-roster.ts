import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';

/**
 * Who belonged to a branch, and who held which seat, on a given day — read back from the generated
 * memberships and positions (half-open intervals: `from` ≤ day < `to`). 党小组 have no membership
 * rows of their own (members stay attached to the branch), so the demo assigns each branch member
 * to one of its groups: the group leader to their own group, everyone else round-robin by ref.
 */
export type RosterSource = Pick<DatasetDoc, 'orgs' | 'people' | 'memberships' | 'positions'>;
type Span = { person: string; full: boolean; from: string; to: string | null };
type Seat = { person: string; role: string; duty: string | null; from: string; to: string | null };
/** A status change voted on by the 党员大会 (接收预备党员 / 预备党员转正), on the day it took effect. */
export type MemberEvent = { person: string; kind: 'admit' | 'full'; on: string };
export type Present = { ref: string; full: boolean };

const COMMITTEE_ROLES = new Set(['secretary', 'deputy_secretary', 'committee_member']);
const inSpan = (s: { from: string; to?: string | null }, day: string) =>
  s.from <= day && (s.to == null || day < s.to);
const byRef = <T extends { person: string }>(a: T, b: T) => (a.person < b.person ? -1 : 1);

export class MeetingRoster {
  private readonly spans = new Map<string, Span[]>();
  private readonly seats = new Map<string, Seat[]>();
  private readonly events = new Map<string, MemberEvent[]>();
  private readonly names = new Map<string, string>();
  /** Person → 党小组 code (only for branches that have groups). */
  readonly groupOf = new Map<string, string>();

  constructor(doc: RosterSource) {
    for (const p of doc.people) this.names.set(p.ref, p.name);
    const ms = doc.memberships;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.status === 'full' || m.status === 'probationary')
        push(this.spans, m.org, {
          person: m.person,
          full: m.status === 'full',
          from: m.from,
          to: m.to ?? null,
        });
      const prev = i > 0 ? ms[i - 1] : undefined;
      if (prev && prev.person === m.person && prev.org === m.org && prev.to === m.from) {
        if (prev.status === 'candidate' && m.status === 'probationary')
          push(this.events, m.org, { person: m.person, kind: 'admit', on: m.from });
        if (prev.status === 'probationary' && m.status === 'full')
          push(this.events, m.org, { person: m.person, kind: 'full', on: m.from });
      }
    }
    for (const p of doc.positions)
      push(this.seats, p.org, {
        person: p.person,
        role: p.role,
        duty: p.duty ?? null,
        from: p.from,
        to: p.to ?? null,
      });
    for (const list of this.spans.values()) list.sort(byRef);
    for (const list of this.seats.values()) list.sort(byRef);
    const groups = new Map<string, string[]>();
    for (const o of doc.orgs) if (o.kind === 'group' && o.parent) push(groups, o.parent, o.code);
    for (const [branch, codes] of groups) this.assignGroups(branch, codes.sort());
  }

  private assignGroups(branch: string, codes: string[]): void {
    const leaders = new Set<string>();
    for (const code of codes)
      for (const s of this.seats.get(code) ?? []) {
        if (s.role === 'group_leader' && !leaders.has(s.person)) {
          leaders.add(s.person);
          this.groupOf.set(s.person, code);
        }
      }
    const refs = [...new Set((this.spans.get(branch) ?? []).map((s) => s.person))].sort();
    let i = 0;
    for (const ref of refs) if (!leaders.has(ref)) this.groupOf.set(ref, codes[i++ % codes.length]);
  }

  name(ref: string): string {
    return this.names.get(ref) ?? ref;
  }

  /** Full and probationary members of `branch` on `day`, ordered by ref. */
  membersAt(branch: string, day: string): Present[] {
    const out: Present[] = [];
    for (const s of this.spans.get(branch) ?? [])
      if (inSpan(s, day)) out.push({ ref: s.person, full: s.full });
    return out;
  }

  /** The first day anyone was a full or probationary member of `branch`. */
  firstMemberDay(branch: string): string | null {
    let first: string | null = null;
    for (const s of this.spans.get(branch) ?? []) if (first === null || s.from < first) first = s.from;
    return first;
  }

  /** Seats (secretary, deputy, committee members, group leader) held in `org` on `day`. */
  seatsAt(org: string, day: string): Seat[] {
    return (this.seats.get(org) ?? []).filter((s) => inSpan(s, day));
  }

  /** The branch committee on `day`, one seat per person (secretary first), or [] with fewer than 3 people. */
  committeeAt(branch: string, day: string): Seat[] {
    const seats = this.seatsAt(branch, day).filter((s) => COMMITTEE_ROLES.has(s.role));
    seats.sort((a, b) => (a.role === 'secretary' ? -1 : b.role === 'secretary' ? 1 : 0));
    const people = seats.filter((s, i) => seats.findIndex((x) => x.person === s.person) === i);
    return people.length >= 3 ? people : [];
  }

  /** The secretary on `day` (the one who took office last, should two seats overlap). */
  secretaryAt(branch: string, day: string): string | null {
    let found: Seat | null = null;
    for (const s of this.seatsAt(branch, day))
      if (s.role === 'secretary' && (found === null || s.from > found.from)) found = s;
    return found?.person ?? null;
  }

  /** Admissions and full-membership changes in `branch`. */
  eventsOf(branch: string): readonly MemberEvent[] {
    return this.events.get(branch) ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
