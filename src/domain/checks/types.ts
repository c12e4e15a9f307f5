import type { z } from 'zod';
import type { EduFacts } from './edu-facts.ts';
import type { LeadershipFacts } from './leadership-facts.ts';
import type { ParticipationFacts } from './participation.ts';
import type { MajorMatterFacts } from './speaking-order.ts';

export type Severity = 'info' | 'warn' | 'violation';

/**
 * One result of a check (DESIGN "Standards as code"): which rule it enforces, on which org (and
 * person), for which period, how severe, in Chinese, citing its source.
 */
export type Finding = {
  ruleId: string;
  checkId: string;
  orgId: string;
  personId: string | null;
  /** YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, or YYYY-MM-DD for a point in time. */
  period: string;
  severity: Severity;
  message: string;
  sourceRef: string;
  /** What the judgement rests on (counts, dates, ids), for the "why" panel. */
  evidence: Record<string, unknown>;
};

/** A parameter value as the active pack resolves it (RULES.md §0.3 C6: every value carries its source). */
export type ParamValue<T = unknown> = { value: T; sourceRef: string; unverified: boolean };

/** Reads a parameter of the org's active pack (or the registry default). */
export type ParamReader = <T>(key: string) => ParamValue<T>;

/** Facts of one org for structure checks, as of the evaluation date (loaded set-based for a subtree). */
export type OrgFacts = {
  orgId: string;
  code: string;
  name: string;
  kind: string;
  category: string;
  unitCount: number;
  establishedOn: string | null;
  /** Current members by status on the evaluation date. */
  counts: Partial<Record<'applicant' | 'activist' | 'candidate' | 'probationary' | 'full', number>>;
  /** Positions held on the evaluation date, with each holder's first day as a full member. */
  positions: {
    personId: string;
    role: string;
    duty: string | null;
    validFrom: string;
    fullSince: string | null;
  }[];
  /** The latest regular election on or before the evaluation date. */
  lastRegularElection: { heldOn: string; termYears: number } | null;
  /** ORG-012/016/017: secretary flags, elections of the current term, seat changes (absent = not loaded). */
  leadership?: LeadershipFacts;
};

/** Organizational-life facts of one org for the calendar year of the evaluation date. */
export type LifeFacts = {
  org: OrgFacts;
  /** Complete records per tag per month 'YYYY-MM' (a record counts for every tag it completes, §0.3 C5). */
  monthly: Record<string, Record<string, number>>;
  /** Dates (YYYY-MM-DD) of complete 主题党日 records. */
  themeDays: string[];
  /** Records with missing elements (LIFE-015). */
  incomplete: { meetingId: string; date: string; tags: string[]; missing: Record<string, string[]> }[];
  /** 党员大会/支委会 records whose first agenda item is not flagged 第一议题 (LIFE-013). */
  noFirstTopic: { meetingId: string; date: string; tags: string[] }[];
  /** The annual plan of the evaluation year (LIFE-014), as of the evaluation date; absent = none. */
  plan?: PlanFacts | null;
  /** LIFE-018/019: current party members and their attendance marks (absent = not loaded). */
  participation?: ParticipationFacts;
  /** LIFE-016: 支委会 records of the year with 重大事项 (absent = not loaded). */
  majorMatters?: MajorMatterFacts[];
  /** ORG-019: full members with voting rights on the day of each meeting with votes, by meeting id. */
  votersOn?: Record<string, number>;
  /** Recorded votes (ORG-020). */
  votes: {
    meetingId: string;
    date: string;
    vote: {
      motion: string;
      expected_voting: number;
      present_voting: number;
      yes: number;
      no: number;
      abstain: number;
    };
  }[];
};

/** An org's annual plan (年度计划) for the evaluation year: filing and planned meetings per tag per month. */
export type PlanFacts = {
  /** Day it was filed with the parent org (null while a draft). */
  filedOn: string | null;
  /** Planned meetings per tag per month 'YYYY-MM'. */
  monthly: Record<string, Record<string, number>>;
};

/** A compliance check: pure judgement over compact facts, with the rule IDs it implements. */
export type CheckDef<F> = {
  id: string;
  ruleIds: readonly string[];
  /** Which fact loader feeds it. */
  facts: F extends LifeFacts ? 'life' : F extends EduFacts ? 'edu' : 'org';
  /** Parameter keys it reads (for the "why" panel and pack validation). */
  params: readonly string[];
  judge(facts: F, ctx: { asOf: string; param: ParamReader }): Finding[];
};

/** Keeps zod out of check files that need no schema while letting those that do declare one. */
export type ParamsSchema = z.ZodType;

export type { EduFacts } from './edu-facts.ts';
