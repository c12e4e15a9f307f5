import { sql } from 'kysely';
import { FINDING_COLUMNS, bulkInsert } from '../../db/bulk.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import type { Deps } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { evaluateCompliance } from './evaluate.ts';

const NIGHTLY_LOCK = 7_261_002;

/**
 * Re-evaluates a subtree (default: everything) as of today and replaces its stored findings in one
 * transaction, recording the run. `incremental` runs cover the org a write touched.
 */
export async function refreshFindings(
  deps: Deps,
  opts: { orgId?: string; kind?: 'full' | 'incremental' } = {},
) {
  const started = deps.clock();
  const asOf = shanghaiDate(started);
  const root = opts.orgId
    ? await deps.db
        .selectFrom('org')
        .select(['id', 'code', 'path'])
        .where('id', '=', opts.orgId)
        .executeTakeFirst()
    : undefined;
  if (opts.orgId && !root) return null;
  const result = await evaluateCompliance(deps, { asOf, orgCode: root?.code });
  const paths = new Map(
    (
      await deps.db
        .selectFrom('org')
        .select(['id', 'path'])
        .where('path', 'like', `${root?.path ?? '/'}%`)
        .execute()
    ).map((o) => [o.id, o.path]),
  );
  const runId = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('complianceRun')
      .values({
        id: runId,
        kind: opts.kind ?? (root ? 'incremental' : 'full'),
        asOf,
        rootOrgId: root?.id ?? null,
        rootPath: root?.path ?? '/',
        startedAt: started,
        finishedAt: deps.clock(),
        findingCount: result.findings.length,
      })
      .execute();
    await trx
      .deleteFrom('finding')
      .where('orgPath', 'like', `${root?.path ?? '/'}%`)
      .execute();
    await bulkInsert(
      trx,
      'finding',
      FINDING_COLUMNS,
      result.findings.map((f) => ({
        id: uuidv7(),
        runId,
        asOf,
        orgId: f.orgId,
        orgPath: paths.get(f.orgId)!,
        ruleId: f.ruleId,
        checkId: f.checkId,
        personId: f.personId,
        period: f.period,
        severity: f.severity,
        message: f.message,
        sourceRef: f.sourceRef,
        evidence: f.evidence,
      })),
    );
  });
  return { runId, findings: result.findings.length };
}

/**
 * Refreshes the findings of the branch (with its 党小组) a write touched. Best effort: a failure is
 * logged, never fails the user's write; the nightly full run repairs anything missed.
 */
export async function refreshAfterWrite(
  deps: Deps,
  orgId: string | null | undefined,
  log?: (e: unknown) => void,
): Promise<void> {
  if (!orgId) return;
  try {
    const org = await deps.db
      .selectFrom('org')
      .select(['id', 'kind', 'parentId'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    await refreshFindings(deps, {
      orgId: org?.kind === 'group' ? (org.parentId ?? orgId) : orgId,
      kind: 'incremental',
    });
  } catch (e) {
    log?.(e);
  }
}

/**
 * The nightly full run, after adding the year of today to study_person_year if it is new. When several app servers
 * share one PostgreSQL, only the one that gets the advisory lock runs it; the others return false.
 */
export async function nightlyRefresh(deps: Deps): Promise<boolean> {
  return deps.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${NIGHTLY_LOCK}) as ok`.execute(
      conn,
    );
    if (!rows[0].ok) return false;
    try {
      // a new year's person-years with their study sums (migration 0021; until then its runs enumerate members)
      await sql`select zhibu_person_years_through(${Number(shanghaiDate(deps.clock()).slice(0, 4))})`.execute(
        conn,
      );
      await refreshFindings({ ...deps, db: conn }, { kind: 'full' });
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${NIGHTLY_LOCK})`.execute(conn);
    }
  });
}
