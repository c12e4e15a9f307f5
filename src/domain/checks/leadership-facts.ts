import type { MeetingVoteFacts } from './voting-rights.ts';

/** Facts on an org's leadership for ORG-012/016/017 (loaded set-based for a subtree). */
export type LeadershipFacts = {
  /** Person flags of the secretary in office on the evaluation date (null when the seat is empty). */
  secretaryFlags: string[] | null;
  /** Elections held in the calendar year of the evaluation date, each with the votes recorded at the org's 党员大会 that day. */
  elections: { heldOn: string; kind: string; votes: MeetingVoteFacts[] }[];
  /** Committee seats (书记/副书记/委员) that ended / started since the last regular election (or ever, when none). */
  seatsEnded: Seat[];
  seatsStarted: Seat[];
  /** Days elections were held since then (a seat ending on such a day ended with the term, not in a vacancy). */
  electionDays: string[];
};

export type Seat = { personId: string; role: string; on: string };

export type Vacancy = { seat: Seat; filledOn: string | null };

/**
 * Seats left empty between elections (ORG-017): each seat that ended on a day without an election is
 * matched with the earliest later start not yet used (a by-election or an appointment after one); the
 * rest are still open.
 */
export function vacancies(l: LeadershipFacts): Vacancy[] {
  const elections = new Set(l.electionDays);
  const ended = l.seatsEnded.filter((s) => !elections.has(s.on)).sort((a, b) => (a.on < b.on ? -1 : 1));
  const starts = [...l.seatsStarted].sort((a, b) => (a.on < b.on ? -1 : 1));
  const used = new Set<number>();
  return ended.map((seat) => {
    const i = starts.findIndex((s, k) => !used.has(k) && s.on >= seat.on && s.personId !== seat.personId);
    if (i < 0) return { seat, filledOn: null };
    used.add(i);
    return { seat, filledOn: starts[i].on };
  });
}
