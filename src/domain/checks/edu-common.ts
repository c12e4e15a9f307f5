import { type YearHours, yearHours } from '../study/hours.ts';
import { citation } from './citation.ts';
import type { EduFacts, EduPerson, EduPersonYear } from './edu-facts.ts';
import { BRANCHES } from './finding.ts';
import type { Finding, ParamReader, Severity } from './types.ts';

/** A person-year with its hours, for the hour rules. */
export type PersonYear = { person: EduPerson; py: EduPersonYear; hours: YearHours; ended: boolean };

/** Whether a calendar year has ended by asOf (only ended years yield violations). */
export const yearEnded = (year: number, asOf: string) => `${year}-12-31` < asOf;

/** Person-years already computed for a facts object (several EDU checks judge the same facts). */
const computed = new WeakMap<EduFacts, Map<string, PersonYear[]>>();

/** Each evaluated person-year of a branch with its counted hours (records + meeting credit). */
export function personYears(f: EduFacts, asOf: string, param: ParamReader): PersonYear[] {
  if (!BRANCHES.has(f.org.kind)) return [];
  const countOnline = param<boolean>('edu.countOnline').value;
  const key = `${asOf}|${countOnline}`;
  const byKey = computed.get(f) ?? new Map<string, PersonYear[]>();
  computed.set(f, byKey);
  const hit = byKey.get(key);
  if (hit) return hit;
  const out = computeYears(f, asOf, countOnline);
  byKey.set(key, out);
  return out;
}

function computeYears(f: EduFacts, asOf: string, countOnline: boolean): PersonYear[] {
  return f.people.flatMap((person) =>
    person.years.map((py) => ({
      person,
      py,
      hours: yearHours(py.year, person.items, person.credits, countOnline),
      ended: yearEnded(py.year, asOf),
    })),
  );
}

/** A finding about one person: violation for an ended period, else info "due by". */
export function personFinding(
  checkId: string,
  ruleId: string,
  f: EduFacts,
  personId: string,
  ended: boolean,
  period: string,
  message: string,
  src: string,
  evidence: Record<string, unknown>,
  severity?: Severity,
): Finding {
  return {
    ruleId,
    checkId,
    orgId: f.org.orgId,
    personId,
    period,
    severity: severity ?? (ended ? 'violation' : 'info'),
    message,
    sourceRef: citation(src),
    evidence,
  };
}

/** "30学时" with at most one decimal. */
export const fmtHours = (h: number) => `${Math.round(h * 10) / 10}学时`;
