import type { RuleDef } from './types.ts';

const MACHINE = 'AUTO inferred: RULES.md §4.2 "Development rules (machine checks)"';
const CALC = 'AUTO inferred: amount computed by the dues calculator like DUES-002';

/** RULES.md §3 — study, training, points. */
export const EDU_RULES = [
  { id: 'EDU-001', title: 'Member study hours', check: ['AUTO'] },
  { id: 'EDU-002', title: 'Secretaries and committee members', check: ['AUTO'] },
  {
    id: 'EDU-003',
    title: 'S004 secretary training',
    check: ['AUTO'],
    note: 'AUTO inferred: same hour count as EDU-002, stricter applies',
  },
  { id: 'EDU-004', title: 'Secretary rotation & induction', check: ['AUTO'] },
  { id: 'EDU-005', title: "New members' training", check: ['AUTO'] },
  { id: 'EDU-006', title: 'Hour accounting', check: ['AUTO'] },
  { id: 'EDU-007', title: 'Points system (积分)', check: ['AUTO'] },
  { id: 'EDU-008', title: 'Study forms', check: ['SEMI'] },
  {
    id: 'EDU-009',
    title: 'Platforms (integration points, not rules)',
    check: [],
    note: 'integration points',
  },
  { id: 'EDU-010', title: 'Thematic education', check: ['SEMI'] },
] as const satisfies readonly RuleDef[];

/** RULES.md §4 — member development (发展党员). */
export const DEV_RULES = [
  { id: 'DEV-000', title: 'Rule-set version', check: [], note: 'setting dev.ruleSetVersion' },
  { id: 'DEV-001', title: 'Status machine', check: ['AUTO'] },
  { id: 'DEV-002', title: 'Principles', check: ['AUTO'] },
  { id: 'DEV-010', title: 'Age', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-011', title: 'Talk deadline', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-012', title: 'Activist decision & filing', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-013', title: 'Contacts', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-014', title: 'Half-year review', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-015', title: 'Pool analysis', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-016', title: '1-year cultivation', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-017', title: 'Introducers', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-018', title: 'Political review gate', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-019', title: 'Training gate', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-020', title: '3-month departure rule', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-021', title: 'Admission vote', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-022', title: 'Approval authority', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-023', title: 'Approval deadline', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-024', title: '预备期 & 党龄', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-025', title: 'Probation outcome', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-026', title: '转正 approval', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-027', title: 'Archive completeness', check: ['AUTO'] },
  { id: 'DEV-028', title: 'Date-order integrity', check: ['AUTO'] },
  { id: 'DEV-029', title: '公示 (publicity)', check: ['AUTO'], note: MACHINE },
  { id: 'DEV-030', title: '双培养 (S002)', check: ['AUTO'] },
  { id: 'DEV-031', title: 'Dues from probation', check: ['AUTO'], note: 'see DUES-008' },
] as const satisfies readonly RuleDef[];

/** RULES.md §5 — party dues (DFGD 2008). */
export const DUES_RULES = [
  { id: 'DUES-001', title: 'Base (计算基数)', check: ['AUTO'] },
  {
    id: 'DUES-002',
    title: 'In-service rate (flat by bracket, applied to the whole base, not marginal)',
    check: ['AUTO'],
  },
  { id: 'DUES-003', title: 'Annual-salary & irregular income', check: ['AUTO'], note: CALC },
  { id: 'DUES-004', title: 'Retirees (离退休干部、职工)', check: ['AUTO'], note: CALC },
  { id: 'DUES-005', title: 'Fixed amounts', check: ['AUTO'], note: CALC },
  { id: 'DUES-006', title: 'Hardship reduction/exemption', check: ['AUTO'] },
  { id: 'DUES-007', title: 'Voluntary extra', check: ['AUTO'] },
  { id: 'DUES-008', title: 'Start date', check: ['AUTO'] },
  { id: 'DUES-009', title: 'Where to pay', check: [], note: 'routing, no check stated' },
  { id: 'DUES-010', title: 'Timing', check: ['AUTO'] },
  { id: 'DUES-011', title: '6 months unpaid', check: ['AUTO'] },
  { id: 'DUES-012', title: 'Prohibited practices', check: ['AUTO'] },
  { id: 'DUES-013', title: 'Base re-determination', check: [], note: 'setting dues.baseRecalc' },
  { id: 'DUES-014', title: 'Rounding', check: [], note: 'setting dues.rounding' },
  { id: 'DUES-015', title: 'Use of dues', check: ['AUTO'] },
  { id: 'DUES-016', title: 'Approval of spending', check: ['AUTO'] },
  { id: 'DUES-017', title: 'Publicity', check: ['AUTO'] },
  { id: 'DUES-018', title: 'Handling staff', check: ['SEMI'] },
  { id: 'DUES-019', title: 'Upward remittance', check: [], note: 'setting dues.remittance' },
  {
    id: 'DUES-020',
    title: 'Related seed duties',
    check: ['AUTO'],
    note: 'AUTO inferred: on-time rate = months paid by due day / months due',
  },
] as const satisfies readonly RuleDef[];
