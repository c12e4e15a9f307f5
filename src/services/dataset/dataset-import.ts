import { sql } from 'kysely';
import {
  ELECTION_COLUMNS,
  MEMBERSHIP_COLUMNS,
  ORG_COLUMNS,
  PERSON_COLUMNS,
  POSITION_COLUMNS,
  bulkInsert,
} from '../../db/bulk.ts';
import { maskIdNumber } from '../../domain/people/id-number.ts';
import { childPath, pathDepth } from '../../domain/org/org-tree.ts';
import type { ImportReport } from '../../shared/contracts/import.contract.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { withKeptTotalsDeferred } from '../infra/kept-totals.ts';
import { uuidv7 } from '../infra/ids.ts';
import { nextOrgSeqs } from '../org/org-write.service.ts';
import { writeMeetings } from './dataset-meetings.ts';
import { writeAnnualPlans } from './dataset-plans.ts';
import { writeStudyRecords } from './dataset-study.ts';
import { type ValidDataset, validateDataset } from './dataset-validate.ts';

export type ImportOptions = {
  partial?: boolean;
  dryRun?: boolean;
  onProgress?: (done: number, total: number, what: string) => void;
};

/**
 * Imports a zhibu-dataset/1 document. All-or-nothing by default: any error → nothing written and
 * every error reported. `partial` writes the valid records; `dryRun` validates only.
 */
export async function importDataset(
  deps: Deps,
  actor: Actor,
  doc: unknown,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const existingOrgs = await deps.db.selectFrom('org').select(['code', 'kind']).execute();
  const existingPlans = await deps.db
    .selectFrom('annualPlan as p')
    .innerJoin('org as o', 'o.id', 'p.orgId')
    .select(['o.code', 'p.year'])
    .execute();
  const existingRefs = await deps.db
    .selectFrom('person')
    .select('ref')
    .where('ref', 'is not', null)
    .execute();
  const { errors, warnings, valid } = validateDataset(doc, {
    orgKinds: new Map(existingOrgs.map((o) => [o.code, o.kind])),
    personRefs: new Set(existingRefs.map((r) => r.ref!)),
    plans: new Set(existingPlans.map((p) => `${p.code}|${p.year}`)),
  });
  const counts: Record<string, number> = valid
    ? {
        orgs: valid.orgs.length,
        people: valid.people.length,
        memberships: valid.memberships.length,
        positions: valid.positions.length,
        elections: valid.elections.length,
        meetings: valid.meetings.length,
        study_records: valid.studyRecords.length,
        annual_plans: valid.annualPlans.length,
      }
    : {};
  const report = (written: boolean): ImportReport => ({
    dryRun: !!opts.dryRun,
    partial: !!opts.partial,
    written,
    counts,
    errors,
    warnings,
  });
  if (!valid || opts.dryRun || (errors.length > 0 && !opts.partial)) return report(false);
  await deps.db.transaction().execute(async (trx) => {
    // the totals kept per person (meeting credit, absences) are derived once, after all their rows are in (not per chunk)
    const ids: string[] = [];
    await withKeptTotalsDeferred(
      trx,
      () => ids,
      () => writeDataset(deps, trx, valid, opts.onProgress, ids),
    );
    await recordAudit(trx, deps.clock(), actor, {
      action: 'import_dataset',
      entity: 'dataset',
      after: { counts, errors: errors.length, partial: !!opts.partial },
    });
  });
  // fresh statistics after a bulk load: PGlite has no autovacuum, and a planner that still thinks
  // the tables are empty picks nested loops over hundreds of thousands of rows. Vacuumed too (outside a
  // transaction: it cannot run in one): the visibility map lets index-only scans skip the heap, which PGlite
  // would otherwise never get (school demo on PGlite: import 6.8 s + 0.7 s, a whole evaluation 218 → 181 ms)
  await sql`${sql.raw(deps.db.isTransaction ? 'analyze' : 'vacuum analyze')}`.execute(deps.db);
  return report(true);
}

async function writeDataset(
  deps: Deps,
  trx: Tx,
  d: ValidDataset,
  progress: ImportOptions['onProgress'] | undefined,
  /** Receives the ids of the people written. */
  peopleWritten: string[],
): Promise<void> {
  const total =
    d.orgs.length +
    d.people.length +
    d.memberships.length +
    d.positions.length +
    d.elections.length +
    d.meetings.length +
    d.studyRecords.length +
    d.annualPlans.length;
  let done = 0;
  const step = (n: number, what: string) => {
    done += n;
    progress?.(done, total, what);
  };
  // orgs, parents first
  const existing = await trx.selectFrom('org').select(['id', 'code', 'path']).execute();
  const orgByCode = new Map(existing.map((o) => [o.code, { id: o.id, path: o.path }]));
  const seqs = await nextOrgSeqs(trx, d.orgs.length);
  const pending = [...d.orgs];
  const orgRows: Record<string, unknown>[] = [];
  while (pending.length) {
    const before = pending.length;
    for (let k = 0; k < pending.length; ) {
      const { v } = pending[k];
      const parent = v.parent ? orgByCode.get(v.parent) : null;
      if (v.parent && !parent) {
        k++;
        continue;
      }
      const seq = seqs[orgRows.length];
      const path = childPath(parent?.path ?? null, seq);
      const id = uuidv7();
      orgByCode.set(v.code, { id, path });
      orgRows.push({
        id,
        seq,
        parentId: parent?.id ?? null,
        path,
        depth: pathDepth(path),
        kind: v.kind,
        category: v.category,
        code: v.code,
        name: v.name,
        establishedOn: v.established_on ?? null,
        dissolvedOn: v.dissolved_on ?? null,
        unitCount: v.unit_count ?? 1,
        pack: v.pack ?? null,
        settings: '{}',
      });
      pending.splice(k, 1);
    }
    if (pending.length === before) throw new Error('unresolvable org parents after validation');
  }
  await bulkInsert(trx, 'org', ORG_COLUMNS, orgRows);
  step(orgRows.length, 'orgs');

  const personId = new Map<string, string>();
  const personRows = d.people.map(({ v, idNumber }) => {
    const id = uuidv7();
    personId.set(v.ref, id);
    peopleWritten.push(id);
    return {
      id,
      ref: v.ref,
      name: v.name,
      gender: v.gender ?? null,
      ethnicity: v.ethnicity ?? null,
      birthDate: v.birth_date ?? null,
      education: v.education ?? null,
      title: v.title ?? null,
      phone: v.phone ?? null,
      flags: JSON.stringify(v.flags ?? []),
      idNumberEnc: idNumber ? deps.crypto.encrypt(idNumber) : null,
      idNumberHash: idNumber ? deps.crypto.lookupHash(idNumber) : null,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    };
  });
  await bulkInsert(trx, 'person', PERSON_COLUMNS, personRows);
  step(personRows.length, 'people');

  const org = (code: string) => orgByCode.get(code)!;
  await bulkInsert(
    trx,
    'membership',
    MEMBERSHIP_COLUMNS,
    d.memberships.map(({ v }) => ({
      id: uuidv7(),
      personId: personId.get(v.person)!,
      orgId: org(v.org).id,
      orgPath: org(v.org).path,
      status: v.status,
      validFrom: v.from,
      validTo: v.to,
      note: null,
    })),
  );
  step(d.memberships.length, 'memberships');
  await bulkInsert(
    trx,
    'election',
    ELECTION_COLUMNS,
    d.elections.map(({ v }) => ({
      id: uuidv7(),
      orgId: org(v.org).id,
      heldOn: v.held_on,
      kind: v.kind,
      termYears: v.term_years,
      note: null,
    })),
  );
  step(d.elections.length, 'elections');
  await bulkInsert(
    trx,
    'position',
    POSITION_COLUMNS,
    d.positions.map(({ v }) => ({
      id: uuidv7(),
      personId: personId.get(v.person)!,
      orgId: org(v.org).id,
      role: v.role,
      duty: v.duty,
      validFrom: v.from,
      validTo: v.to,
      electionId: null,
    })),
  );
  step(d.positions.length, 'positions');
  await writeMeetings(trx, d.meetings, org, (ref) => personId.get(ref)!, deps.clock());
  step(d.meetings.length, 'meetings');
  await writeStudyRecords(trx, d.studyRecords, org, (ref) => personId.get(ref)!, deps.clock(), '导入');
  step(d.studyRecords.length, 'study_records');
  await writeAnnualPlans(trx, d.annualPlans, org, (ref) => personId.get(ref)!, '导入');
  step(d.annualPlans.length, 'annual_plans');
}
