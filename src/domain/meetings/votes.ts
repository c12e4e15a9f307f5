/**
 * Vote arithmetic (RULES.md §0.3 C4, ORG-020): a vote of the 党员大会 needs more than half of the
 * voting members present (`present > expected/2`, strict), and a motion passes when the yes votes
 * exceed half of the *expected* voting members (`yes > expected/2`), not of those present.
 */
export type Vote = {
  expected_voting: number;
  present_voting: number;
  yes: number;
  no: number;
  abstain: number;
};

export const hasQuorum = (v: Vote) => v.present_voting * 2 > v.expected_voting;
export const passes = (v: Vote) => hasQuorum(v) && v.yes * 2 > v.expected_voting;
/** Counts that cannot be true: more ballots than voters present, or more present than expected. */
export const inconsistent = (v: Vote) =>
  v.yes + v.no + v.abstain > v.present_voting || v.present_voting > v.expected_voting;
