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
  /**
   * Own study records of the person's evaluated years (`years`), up to the evaluation date (the loader
   * sends one sum per year and kind, `sessions` = records).
   */
  items: StudyItem[];
  /** Days of the evaluated years whose own records add up to more than {@link EduFacts.dayFloor} hours (EDU-006). */
  dayTotals: { date: string; hours: number }[];
  /** Hours credited from attended study-type meetings of the evaluated years. */
  credits: StudyItem[];
  /**
   * Dates of concentrated trainings up to the evaluation date, all years (EDU-004/005). The loader
   * sends them, and the admission dates below, only for people these rules can concern (an EDU-005
   * window reaching the evaluated years, or made secretary in them); empty/null for the others.
   */
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
  /** `dayTotals` list the days over this many hours: at most the smallest per-day cap in force (EDU-006). */
  dayFloor: number;
};
