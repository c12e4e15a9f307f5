import type { OrgFacts, ParamReader } from '../src/domain/checks/types.ts';

/**
 * A parameter reader for check tests: `defaults` as the pack's values (cited as `ZBTL …`), `over` as a
 * child pack's values (cited as S002), so tests can assert which source a finding cites.
 */
export const paramReader = (
  defaults: Record<string, unknown>,
  over: Record<string, unknown> = {},
): ParamReader =>
  (<T>(key: string) => ({
    value: (key in over ? over[key] : defaults[key]) as T,
    sourceRef: key in over ? 'S002 §三(二)1' : 'ZBTL Ch.2',
    unverified: false,
  })) as ParamReader;

/** Facts of one branch for check tests; override any field. */
export const orgFacts = (o: Partial<OrgFacts> = {}): OrgFacts => ({
  orgId: 'o1',
  code: 'B01',
  name: '测试支部',
  kind: 'branch',
  category: '教师',
  unitCount: 1,
  establishedOn: null,
  counts: {},
  positions: [],
  lastRegularElection: null,
  ...o,
});
