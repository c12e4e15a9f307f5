import type { CheckDef, OrgFacts } from './types.ts';
import { branchMinFullMembers } from './branch-min-full-members.ts';
import { jointBranchUnits } from './joint-branch-units.ts';
import { branchSizeCap } from './branch-size-cap.ts';
import { committeeStructure } from './committee-structure.ts';
import { secretaryPartyAge } from './secretary-party-age.ts';
import { termOfOffice } from './term-of-office.ts';

/** Every check, by id (the engine runs those whose rule IDs the active pack scores). */
export const ORG_CHECKS: CheckDef<OrgFacts>[] = [
  branchMinFullMembers,
  jointBranchUnits,
  branchSizeCap,
  committeeStructure,
  secretaryPartyAge,
  termOfOffice,
];

export const CHECKS_BY_ID: ReadonlyMap<string, CheckDef<OrgFacts>> = new Map(
  ORG_CHECKS.map((c) => [c.id, c]),
);
