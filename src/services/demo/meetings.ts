import { addYears } from '../../domain/dates.ts';
import { addMinutes, daysBetween, shiftDays } from './meeting-calendar.ts';
import { type DemoMeetingTag, resolveMeetingGaps } from './meeting-gaps.ts';
import { type Slot, applyGaps, planBranch, planGroup } from './meeting-plan.ts';
import { MeetingRoster, type Present, type RosterSource } from './meeting-roster.ts';
import { lapsedAt, lapseRow } from './member-lapse.ts';
import {
  type Audience,
  LECTURES,
  ORG_LIFE_ITEMS,
  absenceReason,
  assemblyItems,
  audienceOf,
  cnMonth,
  cnQuarter,
  committeeItems,
  firstTopic,
  placeOf,
  startTime,
  studyTheme,
  themeDayTopic,
} from './meeting-texts.ts';
import { Rng, cumulative } from './rng.ts';

/**
 * The `meetings` of the demo dataset (zhibu-dataset/1): two years of 三会一课, 主题党日 and 组织生活会
 * for every branch and 党小组, read off the generated memberships and positions — the host is the
 * secretary of the day, `expected` is who belonged on the day (the branch for 党员大会 / 党课 /
 * 主题党日 / 组织生活会, the committee for 支委会, the group for 党小组会), absentees come from that list
 * with a reason, and the arithmetic adds up (present = expected − absentees > expected / 2, votes
 * within those present) except in the gaps of DEMO_MEETING_GAPS. Each org draws from its own seeded
 * stream, so meetings can be generated one org at a time (`demoMeetings` is a generator).
 */
export type DemoVote = {
  motion: string;
  expected_voting: number;
  present_voting: number;
  yes: number;
  no: number;
  abstain: number;
};
export type DemoMeeting = {
  org: string;
  tags: DemoMeetingTag[];
  held_at: string;
  ended_at: string;
  place: string;
  host: string;
  recorder?: string;
  lecturer?: string;
  topic: string;
  agenda: { title: string; first_topic?: boolean }[];
  expected: number;
  attendance: { person: string; status: 'absent' | 'leave'; reason: string }[];
  minutes: string;
  decisions?: string[];
  votes?: DemoVote[];
  recorded_at: string;
};
export type MeetingOptions = { seed: number; asOf: string; gaps?: boolean };

const BRANCH_KINDS = new Set(['branch', 'joint_branch', 'temp_branch']);
const LATE = cumulative([45, 30, 15, 10]);

/** The meetings of every branch and 党小组 in `doc`, one org after the other. */
export function* demoMeetings(doc: RosterSource, o: MeetingOptions): Generator<DemoMeeting> {
  const roster = new MeetingRoster(doc);
  const windowStart = shiftDays(addYears(o.asOf, -2), 1);
  const gaps = o.gaps ? resolveMeetingGaps(o.asOf) : [];
  const category = new Map(doc.orgs.map((x) => [x.code, x.category]));
  for (const org of doc.orgs) {
    const group = org.kind === 'group';
    if (!group && !BRANCH_KINDS.has(org.kind)) continue;
    const branch = group ? (org.parent as string) : org.code;
    const first = roster.firstMemberDay(branch);
    if (first === null) continue;
    let from = windowStart;
    for (const d of [org.established_on, first]) if (d && d > from) from = d;
    if (from > o.asOf) continue;
    const rng = new Rng(mix(o.seed, org.code));
    const planned = group ? planGroup(rng, from, o.asOf) : planBranch(rng, roster, org.code, from, o.asOf);
    const mine = gaps.filter((g) => g.org === org.code);
    const slots = mine.length > 0 ? applyGaps(planned, mine) : planned;
    const ctx: OrgCtx = { rng, roster, code: org.code, branch, group, asOf: o.asOf };
    const audience = audienceOf(category.get(branch));
    for (const s of slots) {
      const m = buildMeeting(ctx, audience, s);
      if (m) yield m;
    }
  }
}

export function generateMeetings(doc: RosterSource, o: MeetingOptions): DemoMeeting[] {
  return Array.from(demoMeetings(doc, o));
}

type OrgCtx = {
  rng: Rng;
  roster: MeetingRoster;
  code: string;
  branch: string;
  group: boolean;
  asOf: string;
};

function buildMeeting(c: OrgCtx, audience: Audience, s: Slot): DemoMeeting | null {
  const { rng, roster } = c;
  const members = roster.membersAt(c.branch, s.day);
  if (members.length === 0) return null;
  const isMember = (ref: string) => members.some((m) => m.ref === ref);
  const committee = roster.committeeAt(c.branch, s.day).filter((x) => isMember(x.person));
  const secretary = roster.secretaryAt(c.branch, s.day);
  const fallback = members.find((m) => m.full)?.ref ?? members[0].ref;
  let host = secretary && isMember(secretary) ? secretary : (committee[0]?.person ?? fallback);
  const tag = s.tags[0];
  let pool: Present[] = members;
  if (c.group) {
    pool = members.filter((m) => roster.groupOf.get(m.ref) === c.code);
    const leader = roster.seatsAt(c.code, s.day).find((x) => x.role === 'group_leader')?.person;
    if (leader && pool.some((m) => m.ref === leader)) host = leader;
  } else if (tag === 'committee_meeting') {
    pool = members.filter((m) => committee.some((x) => x.person === m.ref));
  }
  if (pool.length === 0) return null;
  const others = pool.filter((m) => m.ref !== host);
  const organizer = committee.find((x) => x.duty === 'organization' && x.person !== host)?.person;
  const recorder = c.group
    ? others.length > 0
      ? rng.pick(others).ref
      : host
    : (organizer ?? committee.find((x) => x.person !== host)?.person ?? pickFull(rng, others) ?? host);
  const lecturing = s.tags.includes('party_lecture');
  const lecturer = !lecturing
    ? undefined
    : s.secretaryLecture || rng.chance(0.35)
      ? host
      : (pickFull(
          rng,
          members.filter((m) => m.ref !== host),
        ) ?? host);
  const keep = [host, recorder, lecturer ?? '', ...s.subjects.map((e) => e.person)];
  const candidates = pool.filter((m) => !keep.includes(m.ref));
  const r = rng.next();
  let away = r < 0.35 ? 0 : r < 0.65 ? 1 : r < 0.85 ? 2 : 3;
  if (pool.length > 30) away += rng.int(0, 3);
  away = Math.min(away, Math.ceil(pool.length / 2) - 1, candidates.length);
  const absent: Present[] = [];
  for (let i = 0; i < away; i++) {
    // A partial Fisher–Yates: `away` distinct candidates.
    const j = rng.int(i, candidates.length - 1);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    absent.push(candidates[i]);
  }
  // LIFE-018 demo case: one member of DEMO_LAPSE.org stays away without leave (no extra random draws)
  const lapsed = lapsedAt(
    roster,
    { code: c.code, group: c.group, day: s.day, tags: s.tags, asOf: c.asOf },
    pool,
    keep,
  );
  const forced = lapsed && !absent.includes(lapsed) ? lapsed : null;
  if (forced) absent.unshift(forced);
  const assembly = s.tags.includes('branch_assembly');
  const votes =
    assembly && (s.subjects.length > 0 || s.voteError || rng.chance(0.12))
      ? voteOn(c, s, members, absent)
      : undefined;

  const start = startTime(rng, audience, tag === 'committee_meeting' || tag === 'group_meeting');
  const minutesLong = s.tags.includes('org_life_meeting') ? 150 : s.tags.includes('theme_day') ? 120 : 90;
  const length =
    tag === 'committee_meeting' ? 60 : tag === 'group_meeting' ? rng.pick([60, 90]) : minutesLong;
  const end = addMinutes(start, length + rng.pick([0, 0, 10, 20, 30]));
  const t = text(c, audience, s, votes);
  const attendance = absent.map((m) => {
    if (m === forced) return lapseRow(m.ref);
    const row = {
      person: m.ref,
      status: rng.chance(0.85) ? ('leave' as const) : ('absent' as const),
      reason: absenceReason(rng, audience),
    };
    return m === lapsed ? lapseRow(m.ref) : row;
  });
  const present = pool.length - attendance.length;
  const meeting: DemoMeeting = {
    org: c.code,
    tags: [...s.tags],
    held_at: `${s.day}T${start}`,
    ended_at: `${s.day}T${end}`,
    place: placeOf(rng, audience, s.tags.includes('theme_day')),
    host,
    ...(s.noRecorder ? {} : { recorder }),
    ...(lecturer ? { lecturer } : {}),
    topic: t.topic,
    agenda: t.agenda,
    expected: pool.length,
    attendance,
    minutes: `${roster.name(host)}主持会议，应到${pool.length}人，实到${present}人。${t.minutes}`,
    ...(assembly || tag === 'committee_meeting' ? { decisions: t.decisions } : {}),
    ...(votes ? { votes } : {}),
    recorded_at: recordedAt(rng, s, end, c.asOf),
  };
  return meeting;
}

const pickFull = (rng: Rng, people: Present[]) => {
  const full = people.filter((m) => m.full);
  return full.length > 0 ? rng.pick(full).ref : people[0]?.ref;
};

/** Votes of a 党员大会: only full members vote; the motion's subjects do not vote on themselves. */
function voteOn(c: OrgCtx, s: Slot, members: Present[], absent: Present[]): DemoVote[] {
  const { rng, roster } = c;
  const subjects = new Set(s.subjects.map((e) => e.person));
  const expected = members.filter((m) => m.full && !subjects.has(m.ref)).length;
  // Keep a quorum of voters: drop full-member absentees until more than half are present.
  let absentFull = absent.filter((m) => m.full).length;
  while (absentFull > 0 && (expected - absentFull) * 2 <= expected) {
    absent.splice(
      absent.findLastIndex((m) => m.full),
      1,
    );
    absentFull--;
  }
  const present = expected - absentFull;
  const motions = s.subjects.map((e) =>
    e.kind === 'admit'
      ? `关于接收${roster.name(e.person)}同志为中共预备党员的决议`
      : `关于${roster.name(e.person)}同志预备党员转为正式党员的决议`,
  );
  if (motions.length === 0)
    motions.push(rng.pick(['审议通过支部年度工作计划', '推荐优秀共产党员人选', '审议通过支部党费使用计划']));
  return motions.map((motion, i) => {
    let no = rng.chance(0.1) ? 1 : 0;
    let abstain = rng.chance(0.2) ? rng.int(1, 2) : 0;
    if ((present - no - abstain) * 2 <= expected) no = abstain = 0;
    const yes = s.voteError && i === 0 ? present + 1 : present - no - abstain;
    if (s.voteError && i === 0) no = abstain = 0;
    return { motion, expected_voting: expected, present_voting: present, yes, no, abstain };
  });
}

function text(c: OrgCtx, audience: Audience, s: Slot, votes: DemoVote[] | undefined) {
  const { rng } = c;
  const has = (t: DemoMeetingTag) => s.tags.includes(t);
  const agenda: { title: string; first_topic?: boolean }[] = [];
  const decisions: string[] = [];
  const said: string[] = [];
  let topic: string;
  if (has('org_life_meeting')) {
    topic = `${s.day.slice(0, 4)}年度组织生活会暨民主评议党员`;
    agenda.push(...ORG_LIFE_ITEMS.map((title) => ({ title })));
    decisions.push('形成支部问题清单和整改清单，明确整改责任人和时限', '民主评议党员结果报上级党组织');
    said.push('支部班子和党员逐一对照检查，开展批评和自我批评，并进行民主评议。');
  } else if (has('committee_meeting')) {
    topic = `研究${cnMonth(s.day)}支部工作`;
    for (const [item, decision] of committeeItems(rng)) {
      agenda.push({ title: item });
      decisions.push(decision);
    }
    said.push('支委逐一发表意见，书记最后发言，会议形成一致意见。');
  } else if (has('group_meeting')) {
    topic = studyTheme(rng, s.day, audience);
    agenda.push({ title: `集体学习：${topic}` }, { title: '交流学习体会' });
    said.push('小组成员结合学习工作实际逐一交流发言。');
  } else if (has('theme_day')) {
    topic = themeDayTopic(rng, s.day, audience);
    agenda.push({ title: topic }, { title: '交纳党费' });
    said.push(`开展“${topic}”主题党日活动，党员按月交纳党费。`);
  } else if (has('branch_assembly'))
    topic = `${cnQuarter(s.day)}党员大会：${studyTheme(rng, s.day, audience)}`;
  else topic = rng.pick(LECTURES);
  if (has('branch_assembly') && !has('org_life_meeting')) {
    for (const item of assemblyItems(rng)) agenda.push({ title: item });
    decisions.push('通过支部下阶段工作安排');
    said.push('会议通报了支部工作，部署了下阶段任务。');
  }
  if (has('party_lecture')) {
    const title = has('branch_assembly') ? rng.pick(LECTURES) : topic;
    agenda.push({ title: `专题党课：${title}` }, { title: '交流研讨' });
    said.push(`讲授专题党课《${title}》，党员交流学习体会。`);
  }
  for (const v of votes ?? []) {
    agenda.push({ title: `讨论并表决${v.motion.replace(/^关于|的决议$/g, '')}` });
    decisions.push(`表决通过${v.motion}`);
  }
  if (has('committee_meeting') || has('branch_assembly')) {
    if (s.noFirstTopic) {
      agenda.unshift({ title: '传达学习上级有关文件精神' });
      said.unshift('会议传达学习了上级有关文件精神。');
    } else {
      const first = firstTopic(rng, s.day, audience);
      agenda.unshift({ title: first, first_topic: true });
      said.unshift(`会议首先${first.replace('第一议题：', '')}。`);
    }
  }
  return { topic, agenda, decisions, minutes: said.join('') };
}

function recordedAt(rng: Rng, s: Slot, end: string, asOf: string): string {
  let days = s.late ? rng.int(20, 40) : rng.weighted([0, 1, 2, 3], LATE);
  days = Math.max(0, Math.min(days, daysBetween(s.day, asOf)));
  if (days === 0) return `${s.day}T${addMinutes(end, rng.int(10, 90))}`;
  const hh = String(rng.int(8, 21)).padStart(2, '0');
  return `${shiftDays(s.day, days)}T${hh}:${String(rng.int(0, 59)).padStart(2, '0')}`;
}

/** A 32-bit seed for one org: the dataset seed mixed with the org code (FNV-1a). */
function mix(seed: number, code: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
