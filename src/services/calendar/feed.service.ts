import { createHash, randomBytes } from 'node:crypto';
import { type IcsEvent, serializeCalendar } from '../../domain/calendar/ics.ts';
import { shiftMonth } from '../../domain/calendar/month.ts';
import { addDays, shanghaiDate } from '../../domain/dates.ts';
import type { CalendarTokenCreated, CalendarTokenStatus } from '../../shared/contracts/calendar.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { personMeetings } from './calendar-meetings.ts';
import { personDeadlines } from './calendar.service.ts';

/** The secret in a feed URL is 32 random bytes, base64url; only its SHA-256 is stored. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/ics/${token}.ics`;

/** How far the feed reaches: meetings from 6 months back to a year ahead; deadlines for 3 months. */
const PAST_DAYS = 183;
const FUTURE_DAYS = 366;
const DEADLINE_MONTHS = 3;

const STATUS_LABEL: Record<string, string> = {
  planned: '计划',
  held: '已召开',
  submitted: '已提交待审核',
  returned: '已退回',
  reviewed: '已审核',
};

/** The caller's active feed token (without its secret). */
export async function tokenStatus(deps: Deps, userId: string): Promise<CalendarTokenStatus> {
  const t = await deps.db
    .selectFrom('calendarToken')
    .select(['id', 'createdAt', 'lastUsedAt'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  return {
    active: t
      ? {
          id: t.id,
          createdAt: new Date(t.createdAt).toISOString(),
          lastUsedAt: t.lastUsedAt ? new Date(t.lastUsedAt).toISOString() : null,
        }
      : null,
  };
}

async function revokeActive(trx: Tx, now: Date, actor: Actor, userId: string): Promise<number> {
  const revoked = await trx
    .updateTable('calendarToken')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .returning('id')
    .execute();
  for (const r of revoked)
    await recordAudit(trx, now, actor, { action: 'revoke', entity: 'calendar_token', entityId: r.id });
  return revoked.length;
}

/** Revokes the user's active tokens (their URLs then answer 404). Audited. Returns how many. */
export async function revokeTokens(deps: Deps, actor: Actor, userId: string): Promise<number> {
  const now = deps.clock();
  return deps.db.transaction().execute((trx) => revokeActive(trx, now, actor, userId));
}

/** Creates a new feed token (revoking any previous one) and returns its URL path, shown only once. */
export async function createToken(deps: Deps, actor: Actor, userId: string): Promise<CalendarTokenCreated> {
  const now = deps.clock();
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7(now.getTime());
  await deps.db.transaction().execute(async (trx) => {
    await revokeActive(trx, now, actor, userId);
    await trx
      .insertInto('calendarToken')
      .values({ id, userId, tokenHash: hashToken(token), createdAt: now })
      .execute();
    await recordAudit(trx, now, actor, {
      action: 'create',
      entity: 'calendar_token',
      entityId: id,
      after: { id, userId, createdAt: now.toISOString() },
    });
  });
  return { id, createdAt: now.toISOString(), path: feedPath(token) };
}

const kinds = (tags: string[]) => tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');

/**
 * The RFC 5545 feed of a token's owner, or null when the token is malformed, unknown or revoked
 * (or the user is disabled): one VEVENT per meeting (UID = meeting id@zhibu) and all-day deadlines.
 */
export async function feedFor(deps: Deps, token: string): Promise<string | null> {
  if (!TOKEN_RE.test(token)) return null;
  const row = await deps.db
    .selectFrom('calendarToken as t')
    .innerJoin('appUser as u', 'u.id', 't.userId')
    .select(['t.id', 'u.personId', 'u.displayName', 'u.disabled'])
    .where('t.tokenHash', '=', hashToken(token))
    .where('t.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const now = deps.clock();
  await deps.db.updateTable('calendarToken').set({ lastUsedAt: now }).where('id', '=', row.id).execute();
  const today = shanghaiDate(now);
  const events: IcsEvent[] = [];
  if (row.personId) {
    const meetings = await personMeetings(
      deps.db,
      row.personId,
      addDays(today, -PAST_DAYS),
      addDays(today, FUTURE_DAYS),
    );
    for (const m of meetings) {
      const start = new Date(m.heldAt);
      events.push({
        uid: `${m.id}@zhibu`,
        start: { instant: start },
        end: { instant: m.endedAt ? new Date(m.endedAt) : new Date(start.getTime() + 90 * 60_000) },
        summary: m.topic ? `${kinds(m.tags)}：${m.topic}` : kinds(m.tags),
        location: m.place,
        description: `${m.orgName}\n${STATUS_LABEL[m.status] ?? m.status}`,
        status: m.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED',
        categories: m.tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t),
      });
    }
    const months = Array.from({ length: DEADLINE_MONTHS }, (_, i) => shiftMonth(today.slice(0, 7), i));
    for (const d of await personDeadlines(deps.db, row.personId, months, today)) {
      events.push({
        uid: `deadline-${d.orgId}-${d.ruleId}-${d.kind}-${d.date}@zhibu`,
        start: { date: d.date },
        end: { date: addDays(d.date, 1) },
        summary: `【截止】${d.title}`,
        description: `${d.orgName}\n${d.detail}\n${d.ruleId}（${d.sourceRef}）`,
        categories: ['截止日期'],
      });
    }
  }
  return serializeCalendar({ name: `${row.displayName}的支部日历`, stamp: now, events });
}
