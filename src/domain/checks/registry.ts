import { annualPlan } from './annual-plan.ts';
import { branchMinFullMembers } from './branch-min-full-members.ts';
import { branchSizeCap } from './branch-size-cap.ts';
import { committeeStructure } from './committee-structure.ts';
import { hourAccounting } from './hour-accounting.ts';
import { leaderStudyHours } from './leader-study-hours.ts';
import { newMemberTraining } from './new-member-training.ts';
import { pointsPublication } from './points-publication.ts';
import { secretaryConcentrated } from './secretary-concentrated.ts';
import { secretaryRotation } from './secretary-rotation.ts';
import { studyHours } from './study-hours.ts';
import { firstTopic } from './first-topic.ts';
import { jointBranchUnits } from './joint-branch-units.ts';
import { meetingFrequency } from './meeting-frequency.ts';
import { recordCompleteness } from './record-completeness.ts';
import { secretaryPartyAge } from './secretary-party-age.ts';
import { termOfOffice } from './term-of-office.ts';
import { themeDayDate } from './theme-day-date.ts';
import type { CheckDef, EduFacts, LifeFacts, OrgFacts } from './types.ts';
import { voteArithmetic } from './vote-arithmetic.ts';
import { electionValidity } from './election-validity.ts';
import { nonParticipation } from './non-participation.ts';
import { participationRate } from './participation-rate.ts';
import { secretarySource } from './secretary-source.ts';
import { speakingOrder } from './speaking-order.ts';
import { vacancyFill } from './vacancy-fill.ts';
import { votingRights } from './voting-rights.ts';

/** Structure checks (ORG rules), over org facts; the engine runs those whose rule IDs the active pack scores. */
export const ORG_CHECKS: CheckDef<OrgFacts>[] = [
  branchMinFullMembers,
  jointBranchUnits,
  branchSizeCap,
  committeeStructure,
  secretaryPartyAge,
  termOfOffice,
  secretarySource,
  electionValidity,
  vacancyFill,
];

/** Organizational-life checks (LIFE rules), over meeting facts. */
export const LIFE_CHECKS: CheckDef<LifeFacts>[] = [
  meetingFrequency,
  themeDayDate,
  recordCompleteness,
  firstTopic,
  voteArithmetic,
  annualPlan,
  nonParticipation,
  participationRate,
  votingRights,
  speakingOrder,
];

/** Study and points checks (EDU rules), over study facts of the previous and current years. */
export const EDU_CHECKS: CheckDef<EduFacts>[] = [
  studyHours,
  leaderStudyHours,
  secretaryConcentrated,
  secretaryRotation,
  newMemberTraining,
  hourAccounting,
  pointsPublication,
];

/** Any check. */
export type AnyCheck = CheckDef<OrgFacts> | CheckDef<LifeFacts> | CheckDef<EduFacts>;

/** Every check by id. */
export const CHECKS_BY_ID: ReadonlyMap<string, AnyCheck> = new Map<string, AnyCheck>([
  ...ORG_CHECKS.map((c) => [c.id, c] as const),
  ...LIFE_CHECKS.map((c) => [c.id, c] as const),
  ...EDU_CHECKS.map((c) => [c.id, c] as const),
]);

/** Rule IDs some check implements (the rest are "not yet automated"). */
export const IMPLEMENTED_RULE_IDS: ReadonlySet<string> = new Set(
  [...CHECKS_BY_ID.values()].flatMap((c) => c.ruleIds),
);
