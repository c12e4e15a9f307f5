import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Scope } from '../domain/auth/scope.ts';
import { orgForRead } from './scope-guard.ts';
import type { Actor, Deps, Tx } from './deps.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 7_261_001;
const PII_KEYS = new Set(['idNumberEnc', 'idNumberHash', 'idNumber', 'passwordHash', 'password']);

/** JSON with sorted keys, so a row's hash survives jsonb's key reordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Drops secrets and PII from an audited snapshot (the masked ID number stays). */
export function maskForAudit(row: unknown): unknown {
  if (row === null || row === undefined) return null;
  if (row instanceof Date) return row.toISOString();
  if (Array.isArray(row)) return row.map(maskForAudit);
  if (typeof row !== 'object') return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!PII_KEYS.has(k)) out[k] = maskForAudit(v);
  return out;
}

type AuditContent = {
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  orgPath: string | null;
  before: unknown;
  after: unknown;
};

export function auditHash(prevHash: string, c: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(c)).digest('hex');
}

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends a hash-chained audit row inside the caller's transaction. */
export async function recordAudit(trx: Tx, now: Date, actor: Actor, e: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('auditLog')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: AuditContent = {
    at: now.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    orgPath: e.orgPath ?? null,
    before: JSON.parse(canonicalJson(maskForAudit(e.before ?? null))),
    after: JSON.parse(canonicalJson(maskForAudit(e.after ?? null))),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('auditLog')
    .values({
      ...content,
      before: JSON.stringify(content.before),
      after: JSON.stringify(content.after),
      prevHash,
      hash: auditHash(prevHash, content),
    })
    .execute();
}

export type AuditVerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenSeq: number; reason: string };

/** Walks the chain in order; reports the first row whose hash or link does not match. */
export async function verifyAuditChain(deps: Pick<Deps, 'db'>): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(2000)
      .execute();
    if (rows.length === 0) return { ok: true, rows: count };
    for (const r of rows) {
      count++;
      if (r.prevHash !== prev)
        return {
          ok: false,
          rows: count,
          brokenSeq: r.seq,
          reason: '前一条记录的哈希不匹配（记录被删除或插入）',
        };
      const expect = auditHash(prev, {
        at: new Date(r.at).toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        orgPath: r.orgPath,
        before: r.before,
        after: r.after,
      });
      if (expect !== r.hash)
        return { ok: false, rows: count, brokenSeq: r.seq, reason: '记录内容与哈希不符（记录被修改）' };
      prev = r.hash;
      after = r.seq;
    }
  }
}

/** Lists audit rows the caller may read (by org path), newest first. */
export async function listAudit(
  deps: Pick<Deps, 'db'>,
  scope: Scope,
  q: { entity?: string; entityId?: string; orgId?: string; page: number; pageSize: number },
) {
  let query = deps.db.selectFrom('auditLog');
  if (q.orgId) {
    const org = await orgForRead(deps.db, scope, q.orgId);
    query = query.where('orgPath', 'like', `${org.path}%`);
  }
  if (!scope.admin) {
    if (scope.read.length === 0) return { items: [], total: 0 };
    query = query.where((eb) => eb.or(scope.read.map((p) => eb('orgPath', 'like', `${p}%`))));
  }
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(['seq', 'at', 'actorName', 'action', 'entity', 'entityId', 'before', 'after'])
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: items.map((i) => ({ ...i, at: new Date(i.at).toISOString() })), total: Number(total) };
}
