import type { OrgCategory } from '../../shared/enums.ts';
import { ordinal } from './names.ts';
import type { RosterKind } from './roster.ts';

/**
 * The org tree of the school-scale demo, 中共陇原师范大学委员会 (a fictional north-western normal
 * university): 机关党委, 离退休工作处党委 and 15 院系 (党委 or 党总支) with teacher and student branches,
 * ~150 branches in all. Codes are stable: U, U-01…U-17, U-03-01… (see DEMO_ORG_CODES).
 */
export type BranchSpec = {
  code: string;
  name: string;
  kind: 'branch' | 'joint_branch' | 'temp_branch';
  category: OrgCategory;
  roster: RosterKind;
  /** Undergraduate branches: the enrolment year of their grade. */
  grade?: number;
  unitCount?: number;
  /** Temporary branches: 驻村工作队 (机关 staff) or 研究生支教团 (graduate students). */
  temp?: 'village' | 'teaching';
};
export type UnitSpec = {
  code: string;
  name: string;
  kind: 'committee' | 'general_branch';
  category: OrgCategory;
  branches: BranchSpec[];
};

export const ROOT = { code: 'U', name: '中共陇原师范大学委员会' } as const;

const OFFICES: [string, number?][] = [
  ['党政办公室党支部'],
  ['组织部、统战部党支部'],
  ['宣传部党支部'],
  ['纪委办公室（监察处）党支部'],
  ['教务处党支部'],
  ['科研处党支部'],
  ['人事处党支部'],
  ['财务处党支部'],
  ['学生工作部（处）党支部'],
  ['研究生院党支部'],
  ['国际交流合作处党支部'],
  ['发展规划处党支部'],
  ['资产管理处党支部'],
  ['后勤管理处党支部'],
  ['保卫处党支部'],
  ['图书馆党支部'],
  ['校医院党支部'],
  ['审计处、招标采购办公室联合党支部', 2],
  ['工会、团委、妇委会联合党支部', 3],
  ['档案馆、校史馆、出版社、学报编辑部联合党支部', 4],
];

/** 院系: name, 党委 or 党总支, teacher branches, student branches. */
const COLLEGES: [string, 'committee' | 'general_branch', number, number][] = [
  ['文学院', 'general_branch', 4, 5],
  ['历史文化学院', 'general_branch', 3, 4],
  ['外国语学院', 'general_branch', 4, 5],
  ['马克思主义学院', 'general_branch', 3, 3],
  ['经济学院', 'general_branch', 3, 5],
  ['法学院', 'general_branch', 3, 4],
  ['教育学院', 'committee', 5, 6],
  ['数学与统计学院', 'committee', 4, 6],
  ['物理与电子工程学院', 'general_branch', 4, 5],
  ['化学化工学院', 'committee', 4, 5],
  ['生命科学学院', 'general_branch', 3, 5],
  ['计算机科学与工程学院', 'committee', 4, 6],
  ['地理与环境科学学院', 'general_branch', 3, 4],
  ['美术学院', 'general_branch', 3, 3],
  ['体育学院', 'general_branch', 3, 4],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The academic year that started most recently on or before `asOf` (its freshmen enrol then). */
export function academicYear(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  return Number(asOf.slice(5, 7)) >= 9 ? y : y - 1;
}

export function schoolSpec(asOf: string): UnitSpec[] {
  const units: UnitSpec[] = [];
  const a = academicYear(asOf);
  const offices: BranchSpec[] = OFFICES.map(([name, unitCount], i) => ({
    code: `U-01-${pad(i + 1)}`,
    name,
    kind: unitCount ? 'joint_branch' : 'branch',
    category: '机关',
    roster: 'staff',
    unitCount,
  }));
  offices.push({
    code: `U-01-${pad(offices.length + 1)}`,
    name: '乡村振兴驻村工作队临时党支部',
    kind: 'temp_branch',
    category: '机关',
    roster: 'staff',
    temp: 'village',
  });
  units.push({ code: 'U-01', name: '机关党委', kind: 'committee', category: '机关', branches: offices });

  const retired: string[] = ['老干部党支部'];
  for (let i = 1; i <= 8; i++) retired.push(`退休教工第${ordinal(i)}党支部`);
  units.push({
    code: 'U-02',
    name: '离退休工作处党委',
    kind: 'committee',
    category: '离退休',
    branches: retired.map((name, i) => ({
      code: `U-02-${pad(i + 1)}`,
      name,
      kind: 'branch',
      category: '离退休',
      roster: 'retiree',
    })),
  });

  COLLEGES.forEach(([college, kind, teachers, students], ci) => {
    const code = `U-${pad(ci + 3)}`;
    const branches: BranchSpec[] = [];
    const add = (name: string, category: OrgCategory, roster: RosterKind, extra: Partial<BranchSpec> = {}) =>
      branches.push({
        code: `${code}-${pad(branches.length + 1)}`,
        name: `${college}${name}`,
        kind: 'branch',
        category,
        roster,
        ...extra,
      });
    for (let t = 1; t <= teachers; t++) add(`教工第${ordinal(t)}党支部`, '教师', 'teacher');
    const undergrad = students >= 4 ? 3 : 2;
    for (let g = 0; g < undergrad; g++)
      add(`本科生${a - 3 + g}级党支部`, '学生', 'undergrad', { grade: a - 3 + g });
    const grads = students - undergrad;
    if (grads === 1) add('研究生党支部', '学生', 'grad');
    else if (grads === 2) for (let g = 1; g <= 2; g++) add(`研究生第${ordinal(g)}党支部`, '学生', 'grad');
    else {
      for (let g = 1; g <= grads - 1; g++) add(`硕士研究生第${ordinal(g)}党支部`, '学生', 'grad');
      add('博士研究生党支部', '学生', 'grad');
    }
    if (college === '教育学院') {
      add(`${a}年研究生支教团临时党支部`, '学生', 'grad', { kind: 'temp_branch', temp: 'teaching' });
    }
    units.push({
      code,
      name: `${college}${kind === 'committee' ? '党委' : '党总支'}`,
      kind,
      category: '教师',
      branches,
    });
  });
  return units;
}
