import type { CreditMode, StudyKind } from '../../shared/study-enums.ts';

/** One study record as the hour rules see it. */
/**
 * Hours of one kind on a date. `sessions` > 1 marks a sum of several sittings (meeting credit is summed per
 * person, year and kind by the fact loader; `date` is then the first day of that year).
 */
export type StudyItem = { date: string; hours: number; kind: StudyKind; sessions?: number };

/** Adds a credit into sums keyed by year and kind (see {@link sumCredits}). */
export function addCredit(sums: Map<string, StudyItem>, c: StudyItem): void {
  const year = c.date.slice(0, 4);
  const key = `${year}|${c.kind}`;
  const sum = sums.get(key);
  if (sum) {
    sum.hours += c.hours;
    sum.sessions = (sum.sessions ?? 1) + (c.sessions ?? 1);
  } else sums.set(key, { date: `${year}-01-01`, hours: c.hours, kind: c.kind, sessions: c.sessions ?? 1 });
}

/** Meeting credits summed per year and kind (same yearly hours and session counts, one item each). */
export function sumCredits(credits: Iterable<StudyItem>): StudyItem[] {
  const sums = new Map<string, StudyItem>();
  for (const c of credits) addCredit(sums, c);
  return [...sums.values()];
}

/** An attended meeting that may credit hours (present attendance only). */
export type AttendedMeeting = { date: string; tags: string[]; minutes: number | null };

/** Which attended meetings count as study and for how many hours (per org subtree; nearest applies). */
export type CreditSetting = { tags: string[]; mode: CreditMode; hoursPerMeeting: number; kind: StudyKind };

/** Product default: 集中学习 and 党课 count as 集体学习, by duration (fallback 2 h when no end time). */
export const DEFAULT_CREDIT: CreditSetting = {
  tags: ['study', 'party_lecture'],
  mode: 'duration',
  hoursPerMeeting: 2,
  kind: 'collective_study',
};

/** Rounds down to half hours (EDU-006: hours are counted, never rounded up). */
export const halfHours = (h: number) => Math.floor(h * 2 + 1e-9) / 2;

/**
 * The study credit of one attended meeting: none when no tag is study-type; else the fixed hours
 * per meeting, or its duration in half hours (the fixed hours when the end time is unknown).
 */
export function meetingCredit(m: AttendedMeeting, s: CreditSetting): StudyItem | null {
  if (!m.tags.some((t) => s.tags.includes(t))) return null;
  const hours =
    s.mode === 'duration' && m.minutes !== null && m.minutes > 0
      ? halfHours(m.minutes / 60)
      : s.hoursPerMeeting;
  return hours > 0 ? { date: m.date, hours, kind: s.kind } : null;
}

/** Kinds that count toward the yearly hours (EDU-001): 集中培训 + 集体学习, plus online when `edu.countOnline`. */
export const countedKinds = (countOnline: boolean): StudyKind[] =>
  countOnline
    ? ['concentrated_training', 'collective_study', 'online']
    : ['concentrated_training', 'collective_study'];

export type YearHours = {
  year: number;
  byKind: Record<StudyKind, number>;
  /** Hours credited from attended meetings (included in byKind). */
  fromMeetings: number;
  /** Hours of the counted kinds. */
  counted: number;
  concentratedHours: number;
  concentratedSessions: number;
};

/** Yearly hours of one person: own records + meeting credit, within the calendar year (hours do not carry over). */
export function yearHours(
  year: number,
  items: StudyItem[],
  credits: StudyItem[],
  countOnline: boolean,
): YearHours {
  // plain sums, not a record per call (the whole city's person-years go through here on every run)
  const y = String(year);
  let concentrated = 0;
  let collective = 0;
  let online = 0;
  let self = 0;
  let sessions = 0;
  let fromMeetings = 0;
  for (let pass = 0; pass < 2; pass++)
    for (const it of pass === 0 ? items : credits) {
      if (it.date.slice(0, 4) !== y) continue;
      if (it.kind === 'concentrated_training') {
        concentrated += it.hours;
        sessions += it.sessions ?? 1;
      } else if (it.kind === 'collective_study') collective += it.hours;
      else if (it.kind === 'online') online += it.hours;
      else self += it.hours;
      if (pass === 1) fromMeetings += it.hours;
    }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    year,
    byKind: {
      concentrated_training: round(concentrated),
      collective_study: round(collective),
      online: round(online),
      self_study: round(self),
    },
    fromMeetings: round(fromMeetings),
    // summed in the order of countedKinds
    counted: round(countOnline ? 0 + concentrated + collective + online : 0 + concentrated + collective),
    concentratedHours: round(concentrated),
    concentratedSessions: sessions,
  };
}

/** The thresholds of the study rules that bind a person. */
export type StudyThreshold = {
  /** EDU-001 (members) or EDU-002 (secretaries and committee members): yearly counted hours. */
  ruleId: 'EDU-001' | 'EDU-002';
  minHours: number;
  sourceRef: string;
  /** EDU-002: concentrated training sessions required. */
  minConcentratedSessions: number;
  /** EDU-003 (S004): secretary's concentrated hours, when the pack sets it. */
  minConcentratedHours: number | null;
};

export type ThresholdParams = {
  memberHours: { value: number; sourceRef: string };
  leaderHours: { value: number; sourceRef: string };
  leaderSessions: number;
  /** null when EDU-003 is not in force. */
  secretaryConcentrated: number | null;
};

/** Roles that make a person a leader for EDU-002 (书记/副书记/委员). */
export const LEADER_ROLES = new Set(['secretary', 'deputy_secretary', 'committee_member']);

/** The threshold that applies: 56 h (EDU-002) for leaders, 32 h (EDU-001) otherwise; EDU-003 for secretaries. */
export function thresholdFor(roles: string[], p: ThresholdParams): StudyThreshold {
  const leader = roles.some((r) => LEADER_ROLES.has(r));
  const secretary = roles.includes('secretary');
  return {
    ruleId: leader ? 'EDU-002' : 'EDU-001',
    minHours: leader ? Math.max(p.leaderHours.value, p.memberHours.value) : p.memberHours.value,
    sourceRef: leader ? p.leaderHours.sourceRef : p.memberHours.sourceRef,
    minConcentratedSessions: leader ? p.leaderSessions : 0,
    minConcentratedHours: secretary ? p.secretaryConcentrated : null,
  };
}

/** How a person's year stands against the threshold ("不少于" includes the bound, RULES.md §0.3 C2). */
export function shortfall(h: YearHours, t: StudyThreshold) {
  const hours = Math.max(0, Math.round((t.minHours - h.counted) * 10) / 10);
  const sessions = Math.max(0, t.minConcentratedSessions - h.concentratedSessions);
  const concentrated =
    t.minConcentratedHours === null
      ? 0
      : Math.max(0, Math.round((t.minConcentratedHours - h.concentratedHours) * 10) / 10);
  return { hours, sessions, concentrated, met: hours === 0 && sessions === 0 && concentrated === 0 };
}
