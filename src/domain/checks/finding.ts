import { citation } from './citation.ts';
import type { Finding, OrgFacts, Severity } from './types.ts';

/** Branch kinds that hold members and elect leadership. */
export const BRANCHES = new Set(['branch', 'joint_branch', 'temp_branch']);
/** Roles that make up a 支部委员会. */
export const COMMITTEE_ROLES = new Set(['secretary', 'deputy_secretary', 'committee_member']);

/** Builds an org-level finding with its source citation expanded. */
export function orgFinding(
  check: string,
  ruleId: string,
  o: OrgFacts,
  severity: Severity,
  period: string,
  message: string,
  src: string,
  evidence: Record<string, unknown>,
): Finding {
  return {
    ruleId,
    checkId: check,
    orgId: o.orgId,
    personId: null,
    period,
    severity,
    message,
    sourceRef: citation(src),
    evidence,
  };
}

/** Adds the parameter's own source to the rule's when it comes from elsewhere (e.g. S002's cap of 30). */
export const withParam = (ruleSrc: string, paramSrc: string) =>
  ruleSrc.includes(paramSrc) ? ruleSrc : `${ruleSrc}; ${paramSrc}`;
