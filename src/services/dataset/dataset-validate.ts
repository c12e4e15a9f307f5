import type { z } from 'zod';
import { idNumberMismatches, parseIdNumber } from '../../domain/people/id-number.ts';
import { placementError } from '../../domain/org/org-tree.ts';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';
import {
  Dataset,
  DatasetElection,
  type DatasetElection as El,
  DatasetMembership,
  type DatasetMembership as Mem,
  DatasetOrg,
  type DatasetOrg as Org,
  DatasetPerson,
  type DatasetPerson as Per,
  DatasetPosition,
  type DatasetPosition as Pos,
} from '../../shared/contracts/dataset.contract.ts';
import type { OrgKind } from '../../shared/enums.ts';
import { type ValidMeeting, validateMeetings } from './dataset-meetings.ts';
import { type ValidAnnualPlan, validateAnnualPlans } from './dataset-plans.ts';
import { type ValidStudyRecord, validateStudyRecords } from './dataset-study.ts';

/** What already exists in the target database (codes, refs, org kinds). */
export type ExistingKeys = {
  orgKinds: Map<string, string>;
  personRefs: Set<string>;
  /** 'CODE|YEAR' of the annual plans already in the database. */
  plans?: Set<string>;
};

export type ValidDataset = {
  orgs: { i: number; v: Org }[];
  people: { i: number; v: Per; idNumber: string | null }[];
  memberships: { i: number; v: Mem }[];
  positions: { i: number; v: Pos }[];
  elections: { i: number; v: El }[];
  meetings: ValidMeeting[];
  studyRecords: ValidStudyRecord[];
  annualPlans: ValidAnnualPlan[];
  skipped: Record<string, number>;
};

const fieldOf = (path: PropertyKey[]) => (path.length ? path.map(String).join('.') : null);

function parseArray<T extends z.ZodTypeAny>(
  name: string,
  items: unknown[],
  schema: T,
  errors: ImportIssue[],
) {
  const ok: { i: number; v: z.infer<T> }[] = [];
  items.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) ok.push({ i, v: r.data });
    else
      for (const iss of r.error.issues)
        errors.push({ array: name, index: i, field: fieldOf(iss.path), message: iss.message });
  });
  return ok;
}

/**
 * Validates a zhibu-dataset/1 document: shape, enums, dates, ID numbers, unique codes/refs,
 * references, cycles and overlapping memberships. Returns only well-formed records; every problem
 * names its array, index and field. Breaking a rule (oversized branch, missing recorder) is not an
 * error: such data is imported as it is.
 */
export function validateDataset(
  doc: unknown,
  existing: ExistingKeys,
): { errors: ImportIssue[]; warnings: ImportIssue[]; valid: ValidDataset | null } {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const top = Dataset.safeParse(doc);
  if (!top.success) {
    for (const iss of top.error.issues) {
      const keys = iss.code === 'unrecognized_keys' ? `未知的顶层字段：${iss.keys.join(', ')}` : iss.message;
      const nested = iss.path.length > 1;
      errors.push({
        array: nested ? String(iss.path[0]) : '(根)',
        index: nested && typeof iss.path[1] === 'number' ? iss.path[1] : 0,
        field: nested ? fieldOf(iss.path.slice(2)) : (fieldOf(iss.path) ?? null),
        message: keys,
      });
    }
    return { errors, warnings, valid: null };
  }
  const d = top.data;
  const orgs = parseArray('orgs', d.orgs, DatasetOrg, errors);
  const people = parseArray('people', d.people, DatasetPerson, errors);
  const memberships = parseArray('memberships', d.memberships, DatasetMembership, errors);
  const positions = parseArray('positions', d.positions, DatasetPosition, errors);
  const elections = parseArray('elections', d.elections, DatasetElection, errors);

  // orgs: unique codes, not already present, parents known, no cycles
  const fileKinds = new Map<string, string>();
  const goodOrgs = orgs.filter(({ i, v }) => {
    if (fileKinds.has(v.code))
      return !errors.push({
        array: 'orgs',
        index: i,
        field: 'code',
        message: `组织编码 ${v.code} 在文件中重复`,
      });
    if (existing.orgKinds.has(v.code))
      return !errors.push({
        array: 'orgs',
        index: i,
        field: 'code',
        message: `组织编码 ${v.code} 已存在于系统中`,
      });
    fileKinds.set(v.code, v.kind);
    return true;
  });
  const parentOf = new Map(goodOrgs.map(({ v }) => [v.code, v.parent]));
  const kindOf = (code: string) => fileKinds.get(code) ?? existing.orgKinds.get(code);
  const orgOk = goodOrgs.filter(({ i, v }) => {
    if (v.parent && !kindOf(v.parent))
      return !errors.push({
        array: 'orgs',
        index: i,
        field: 'parent',
        message: `上级组织编码 ${v.parent} 不存在`,
      });
    const seen = new Set([v.code]);
    for (let p = v.parent; p && parentOf.has(p); p = parentOf.get(p) ?? null) {
      if (seen.has(p))
        return !errors.push({
          array: 'orgs',
          index: i,
          field: 'parent',
          message: `上级关系形成循环（${[...seen].join(' → ')}）`,
        });
      seen.add(p);
    }
    const why = placementError(v.kind, v.parent ? (kindOf(v.parent) as OrgKind) : null);
    if (why) warnings.push({ array: 'orgs', index: i, field: 'kind', message: why });
    return true;
  });

  // people: unique refs, ID numbers valid and consistent
  const refs = new Set<string>();
  const idSeen = new Map<string, number>();
  const peopleOk = people
    .map(({ i, v }) => {
      if (refs.has(v.ref))
        return (
          !errors.push({
            array: 'people',
            index: i,
            field: 'ref',
            message: `人员 ref ${v.ref} 在文件中重复`,
          }) && null
        );
      if (existing.personRefs.has(v.ref))
        return (
          !errors.push({
            array: 'people',
            index: i,
            field: 'ref',
            message: `人员 ref ${v.ref} 已存在于系统中`,
          }) && null
        );
      refs.add(v.ref);
      if (!v.id_number) return { i, v, idNumber: null };
      const p = parseIdNumber(v.id_number);
      if (!p.ok)
        return !errors.push({ array: 'people', index: i, field: 'id_number', message: p.reason }) && null;
      const mism = idNumberMismatches(p.info, v.birth_date, v.gender);
      if (mism.length)
        return (
          !errors.push({ array: 'people', index: i, field: 'id_number', message: mism.join('；') }) && null
        );
      const dup = idSeen.get(p.value);
      if (dup !== undefined)
        return (
          !errors.push({
            array: 'people',
            index: i,
            field: 'id_number',
            message: `与 people[${dup}] 的身份证号重复`,
          }) && null
        );
      idSeen.set(p.value, i);
      return { i, v, idNumber: p.value };
    })
    .filter((x): x is { i: number; v: Per; idNumber: string | null } => x !== null && x !== false);
  const okRefs = new Set(peopleOk.map((p) => p.v.ref));
  const okCodes = new Set([...orgOk.map((o) => o.v.code), ...existing.orgKinds.keys()]);

  const refCheck = <T extends { person?: string; org: string }>(name: string, items: { i: number; v: T }[]) =>
    items.filter(({ i, v }) => {
      if (v.person !== undefined && !okRefs.has(v.person))
        return !errors.push({
          array: name,
          index: i,
          field: 'person',
          message: refs.has(v.person)
            ? `人员 ${v.person} 的记录有错误，未能导入`
            : `人员 ref ${v.person} 不存在`,
        });
      if (!okCodes.has(v.org))
        return !errors.push({
          array: name,
          index: i,
          field: 'org',
          message: kindOf(v.org) ? `组织 ${v.org} 的记录有错误，未能导入` : `组织编码 ${v.org} 不存在`,
        });
      return true;
    });
  const memOk = refCheck('memberships', memberships).filter(
    ({ i, v }) =>
      v.to === null ||
      v.to >= v.from ||
      !errors.push({ array: 'memberships', index: i, field: 'to', message: '结束日期早于开始日期' }),
  );
  // per person: intervals must not overlap and at most one is open (ORG-001)
  const byPerson = new Map<string, { i: number; v: Mem }[]>();
  for (const m of memOk) byPerson.set(m.v.person, [...(byPerson.get(m.v.person) ?? []), m]);
  const badMem = new Set<number>();
  for (const rows of byPerson.values()) {
    const sorted = [...rows].sort((a, b) => (a.v.from < b.v.from ? -1 : a.v.from > b.v.from ? 1 : 0));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1].v;
      if (prev.to === null || prev.to > sorted[k].v.from) {
        badMem.add(sorted[k].i);
        errors.push({
          array: 'memberships',
          index: sorted[k].i,
          field: 'from',
          message: `与 memberships[${sorted[k - 1].i}] 的时间段重叠（一人同一时间只能有一个组织关系）`,
        });
      }
    }
  }
  const posOk = refCheck('positions', positions).filter(
    ({ i, v }) =>
      v.to === null ||
      v.to >= v.from ||
      !errors.push({ array: 'positions', index: i, field: 'to', message: '结束日期早于开始日期' }),
  );
  const elOk = refCheck(
    'elections',
    elections.map(({ i, v }) => ({ i, v: { ...v, person: undefined } })),
  ).map(({ i, v }) => ({ i, v: { org: v.org, held_on: v.held_on, kind: v.kind, term_years: v.term_years } }));

  const meetings = validateMeetings(d.meetings, okRefs, okCodes, errors);
  const skipped: Record<string, number> = {};
  const studyRecords = validateStudyRecords(d.study_records, okRefs, memOk, errors);
  const annualPlans = validateAnnualPlans(
    d.annual_plans,
    okCodes,
    okRefs,
    existing.plans ?? new Set(),
    errors,
  );
  for (const k of ['dues_payments', 'development_cases'] as const) {
    if (d[k].length) {
      skipped[k] = d[k].length;
      warnings.push({
        array: k,
        index: 0,
        field: null,
        message: `本版本尚不导入 ${k}（共 ${d[k].length} 条），已跳过；相关模块上线后可再次导入`,
      });
    }
  }
  return {
    errors,
    warnings,
    valid: {
      orgs: orgOk,
      people: peopleOk,
      memberships: memOk.filter((m) => !badMem.has(m.i)),
      positions: posOk,
      elections: elOk,
      meetings,
      studyRecords,
      annualPlans,
      skipped,
    },
  };
}
