import type { StudyItem } from '../study/hours.ts';
import type { OrgFacts } from './types.ts';

/** One person evaluated at an org in one year: a member or position holder on the reference day. */
export type EduPersonYear = {
  year: number;
  /** Dec 31 of an ended year, else the evaluation date. */
  refDate: string;
  /** Position roles held at the org on the reference day. */
  roles: string[];
  /** First day of the current secretary position at the org (EDU-004 induction), else null. */
  secretarySince: string | null;
};

/** Study facts of one person of an org (EDU-001…006). */
export type EduPerson = {
  personId: string;
  name: string;
  years: EduPersonYear[];
  /** Own study records of the evaluated years. */
  items: StudyItem[];
  /** Hours credited from attended study-type meetings of the evaluated years. */
  credits: StudyItem[];
  /** Dates of concentrated trainings up to the evaluation date, all years (EDU-004/005). */
  concentratedDates: string[];
  /** First day as probationary member and as full member (EDU-005), if known. */
  probationFrom: string | null;
  fullFrom: string | null;
};

/** Study and points facts of one org for the previous (ended) and current calendar years. */
export type EduFacts = {
  org: OrgFacts;
  /** [previous year, current year] of the evaluation date. */
  years: number[];
  people: EduPerson[];
  /** Quarters 'YYYY-Qn' whose points were published (季公示, EDU-007). */
  publications: string[];
};
