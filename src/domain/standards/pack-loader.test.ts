import { describe, expect, it } from 'vitest';
import { loadPacks, type PackError } from './pack-loader.ts';

const ROOT = `id: national-baseline
title: 基线
source: { document: 《中国共产党支部工作条例（试行）》, issuer: 中共中央 }
parameters:
  org.branch.maxMembers: { value: 50, sourceRef: "ZBTL Ch.2" }
  life.themeDay.rule: { value: { type: MONTHLY_FIXED }, sourceRef: "ZBTL Ch.5" }
  custom.reportDay: { value: 5, sourceRef: "ZBTL Ch.7", description: 每月报告日 }
indicators:
  - id: NB.1
    label: 组织生活
    sourceRef: "ZBTL Ch.4"
    children:
      - { id: NB.1.1, label: 党员大会, sourceRef: "ZBTL Ch.4", mode: AUTO, rules: [LIFE-002] }
`;

const child = (id: string, extra: string) => `id: ${id}
title: 子包
source: { document: 《实施方案》, issuer: 某党委, seed: 002_4218fa479c637482.txt }
extends: national-baseline
${extra}`;

const BROKEN = child(
  'broken',
  `parameters:
  org.branch.maxMembers: { value: fifty, sourceRef: "S002 §三(二)1" }
  no.such.setting: { value: 1, sourceRef: "S002 §二" }
indicators:
  - id: D1
    label: 维度一
    sourceRef: "S002 §二"
    children:
      - { id: D1.1, label: 甲, sourceRef: "S002 §二", mode: AUTO, rules: [LIFE-002, LIFE-999] }
      - { id: D1.1, label: 乙, sourceRef: "S002 §二", mode: MANUAL, evidence: [photo] }
      - { id: D1.2, label: 丙, sourceRef: "S002 §二", mode: AUTO }
`,
);

const ok = (id: string, parent = 'national-baseline') =>
  `id: ${id}
title: ${id}
source: { document: 《方案》, issuer: 某党委 }
extends: ${parent}
indicators:
  - { id: ${id}.1, label: 甲, sourceRef: "ZBTL Ch.5", mode: MANUAL, score: { min: 0, max: 10 } }
`;

const BAD_YAML = `id: bad-yaml
title: 坏文件
indicators:
  - id: X
    label: [unclosed
    sourceRef: "ZBTL"
`;

const find = (errors: PackError[], pack: string, code: string) =>
  errors.filter((e) => e.pack === pack && e.code === code);

describe('loadPacks — every error at once', () => {
  const { packs, errors } = loadPacks({
    'national-baseline': ROOT,
    broken: BROKEN,
    orphan: ok('orphan', 'no-such-pack'),
    'cycle-a': ok('cycle-a', 'cycle-b'),
    'cycle-b': ok('cycle-b', 'cycle-a'),
    'bad-yaml': BAD_YAML,
  });

  it('still loads the valid pack', () => {
    expect(packs.map((p) => p.id)).toEqual(['national-baseline']);
  });

  it('reports an unknown rule id with its path and line', () => {
    const [e] = find(errors, 'broken', 'unknown_rule');
    expect(e).toMatchObject({ path: 'indicators[0].children[0].rules[1]', line: 13 });
    expect(e.message).toContain('LIFE-999');
  });

  it('reports a duplicate indicator id', () => {
    expect(find(errors, 'broken', 'duplicate_id')).toEqual([
      expect.objectContaining({ path: 'indicators[0].children[1].id', line: 14 }),
    ]);
  });

  it('reports an AUTO indicator without rules', () => {
    expect(find(errors, 'broken', 'mode_requirement')).toEqual([
      expect.objectContaining({ path: 'indicators[0].children[2].rules' }),
    ]);
  });

  it('reports a parameter of the wrong type and an unknown parameter key', () => {
    expect(find(errors, 'broken', 'parameter_type')).toEqual([
      expect.objectContaining({ path: 'parameters["org.branch.maxMembers"].value', line: 6 }),
    ]);
    expect(find(errors, 'broken', 'unknown_parameter')).toEqual([
      expect.objectContaining({ path: 'parameters["no.such.setting"]', line: 7 }),
    ]);
  });

  it('reports an unknown extends target', () => {
    expect(find(errors, 'orphan', 'unknown_extends')).toEqual([
      expect.objectContaining({ path: 'extends', line: 4 }),
    ]);
  });

  it('reports an extends cycle on every pack in it', () => {
    expect(find(errors, 'cycle-a', 'extends_cycle')[0].message).toContain('cycle-a → cycle-b → cycle-a');
    expect(find(errors, 'cycle-b', 'extends_cycle')[0].message).toContain('cycle-b → cycle-a → cycle-b');
  });

  it('reports a YAML syntax error with its line', () => {
    const [e] = find(errors, 'bad-yaml', 'yaml_syntax');
    expect(e.line).toBe(6);
    expect(e.message).toContain('第 6 行');
  });

  it('reports nothing twice and nothing for the valid pack', () => {
    expect(errors.filter((e) => e.pack === 'national-baseline')).toEqual([]);
    expect(errors).toHaveLength(new Set(errors.map((e) => `${e.pack}|${e.path}|${e.code}`)).size);
    expect(errors).toHaveLength(9);
  });
});

describe('loadPacks — indicator rules', () => {
  const load = (indicators: string) =>
    loadPacks({ 'national-baseline': ROOT, c: child('c', indicators) }).errors;

  it('requires rules and confirm on SEMI, score or evidence on MANUAL, rules only as related on MANUAL', () => {
    const errors = load(`indicators:
  - { id: A, label: 甲, sourceRef: "S002 §二", mode: SEMI, rules: [LIFE-002] }
  - { id: B, label: 乙, sourceRef: "S002 §二", mode: MANUAL }
  - { id: C, label: 丙, sourceRef: "S002 §二", mode: MANUAL, rules: [LIFE-002], evidence: [photo] }
`);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['indicators[0].confirm', 'mode_requirement'],
      ['indicators[1]', 'mode_requirement'],
      ['indicators[2].rules', 'mode_requirement'],
    ]);
  });

  it('separates groups from leaves and rejects rules that cannot be scored', () => {
    const errors = load(`indicators:
  - { id: G, label: 组, sourceRef: "S002 §二", mode: AUTO, children: [{ id: G.1, label: 叶, sourceRef: "S002 §二", mode: AUTO, rules: [LIFE-001] }] }
  - { id: L, label: 叶, sourceRef: "S002 §二" }
`);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['indicators[0]', 'tree_shape'],
      ['indicators[0].children[0].rules[0]', 'rule_not_checkable'],
      ['indicators[1]', 'tree_shape'],
    ]);
  });

  it('rejects ids reused from an ancestor, foreign seeds in sourceRef, unknown seeds and fields', () => {
    const errors = loadPacks({
      'national-baseline': ROOT,
      c: `id: c
title: 子包
source: { document: 《方案》, issuer: 某党委, seed: 009_nope.txt }
extends: national-baseline
weights: {}
indicators:
  - { id: NB.1.1, label: 重复, sourceRef: "S001 #3", mode: MANUAL, evidence: [photo] }
`,
    }).errors;
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['', 'schema'],
      ['source.seed', 'unknown_seed'],
      ['indicators[0].sourceRef', 'source_ref'],
      ['indicators[0].id', 'duplicate_id'],
    ]);
    expect(errors[0]).toMatchObject({ message: '未知字段：weights', line: 5 });
  });

  it('reports missing required fields with the line of their parent', () => {
    const errors = load(`indicators:
  - id: A
    sourceRef: "S002 §二"
    mode: MANUAL
    evidence: [survey]
`);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'indicators[0].label', code: 'schema', line: 6 }),
    ]);
    expect(errors[0].message).toBe('缺少必填字段');
  });

  it('marks a child of a broken parent instead of resolving it', () => {
    const r = loadPacks({ 'national-baseline': ROOT.replace('[LIFE-002]', '[LIFE-000]'), a: ok('a') });
    expect(r.packs).toEqual([]);
    expect(find(r.errors, 'a', 'parent_invalid')).toHaveLength(1);
  });

  it('requires extends everywhere except the root, and an id equal to the directory name', () => {
    const r = loadPacks({
      'national-baseline': ROOT,
      x: ok('y').replace('extends: national-baseline\n', ''),
    });
    expect(r.errors.map((e) => e.code)).toEqual(['id_mismatch', 'extends_required']);
  });
});

describe('loadPacks — resolution', () => {
  const { packs, errors } = loadPacks({
    'national-baseline': ROOT,
    c: child(
      'c',
      `parameters:
  org.branch.maxMembers: { value: 30, sourceRef: "S002 §三(二)1" }
  election.diffRatio: { value: 0.25, sourceRef: "S002 §二" }
  custom.reportDay: { value: 10, sourceRef: "S002 §四" }
indicators:
  - { id: C1, label: 甲, sourceRef: "S002 §二", mode: SEMI, rules: [LIFE-006], confirm: 主题 }
veto:
  - { id: C.V1, label: 否决, sourceRef: "S002 §三", mode: AUTO, rules: [EVAL-021] }
`,
    ),
  });
  const c = packs.find((p) => p.id === 'c')!;

  it('loads without errors', () => expect(errors).toEqual([]));

  it('lets the child override a parameter, keeping each value with its own sourceRef', () => {
    expect(c.parameters['org.branch.maxMembers']).toMatchObject({
      value: 30,
      sourceRef: 'S002 §三(二)1',
      definedIn: 'c',
      overrides: [{ packId: 'national-baseline', value: 50, sourceRef: 'ZBTL Ch.2' }],
    });
    expect(c.parameters['life.themeDay.rule']).toMatchObject({
      definedIn: 'national-baseline',
      value: { type: 'MONTHLY_FIXED' },
    });
  });

  it('takes the unverified flag from the registry unless the pack sets it', () => {
    expect(c.parameters['election.diffRatio'].unverified).toBe(true);
    expect(c.parameters['org.branch.maxMembers'].unverified).toBe(false);
  });

  it('inherits pack-declared parameters with their description', () => {
    expect(c.parameters['custom.reportDay']).toMatchObject({
      value: 10,
      description: '每月报告日',
      definedIn: 'c',
    });
    const bad = loadPacks({
      'national-baseline': ROOT,
      d: child(
        'd',
        `parameters:\n  custom.reportDay: { value: "10", sourceRef: "S002 §四" }\n${'indicators: [{ id: D, label: 甲, sourceRef: "S002 §二", mode: MANUAL, evidence: [photo] }]'}\n`,
      ),
    });
    expect(bad.errors.map((e) => [e.path, e.code])).toEqual([
      ['parameters["custom.reportDay"].value', 'parameter_type'],
    ]);
  });

  it('carries the parent tree as baseline and lists every scored rule', () => {
    expect(c.chain).toEqual(['c', 'national-baseline']);
    expect(c.baseline.map((b) => b.packId)).toEqual(['national-baseline']);
    expect(c.ruleIds).toEqual(['EVAL-021', 'LIFE-002', 'LIFE-006']);
  });
});
