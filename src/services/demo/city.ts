import type { OrgCategory } from '../../shared/enums.ts';
import { shiftDays } from './history.ts';
import { addGroups, elect } from './leadership.ts';
import { ordinal } from './names.ts';
import { dateBetweenYears, settleFoundingDates } from './orgs.ts';
import {
  type Ctx,
  type Member,
  type OrgRow,
  type RosterKind,
  fillBranch,
  memberCount,
  rosterSlots,
} from './roster.ts';

/**
 * The city-scale dataset for benchmarks: 中共金城市委员会 → 50 党委 → 250 党总支 → 5,000 branches
 * (with a few joint and temporary branches and some 党小组) and ~150,000 people. Same shape rules as
 * the school demo, plainer names, no deliberate imperfections.
 */
const COMMITTEES: [string, OrgCategory][] = [
  ...'教育局 公安局 财政局 人力资源和社会保障局 自然资源局 生态环境局 住房和城乡建设局 交通运输局 农业农村局 商务局 文化和旅游局 卫生健康委员会 应急管理局 市场监督管理局 统计局 医疗保障局 税务局 科学技术局 民政局 司法局'
    .split(' ')
    .map((n): [string, OrgCategory] => [`市${n}机关党委`, '机关']),
  ...'城市发展投资集团 公交集团 水务集团 热力公司 能源集团 轨道交通公司 国际陆港集团 文旅集团 农业投资集团 建设工程集团 供电公司 商贸集团'
    .split(' ')
    .map((n): [string, OrgCategory] => [`金城${n}党委`, '企业']),
  ...'城关区东岗街道 城关区皋兰路街道 七里河区西湖街道 七里河区敦煌路街道 安宁区培黎街道 安宁区十里店街道 西固区陈坪街道 西固区福利路街道 红古区窑街街道 榆中县城关镇'
    .split(' ')
    .map((n): [string, OrgCategory] => [`${n}党工委`, '社区']),
  ...'第一中学 第二中学 外国语学校 职业技术学院 实验小学'
    .split(' ')
    .map((n): [string, OrgCategory] => [`金城${n}党委`, '教师']),
  ['金城市第一人民医院党委', '其他'],
  ['市委老干部局党委', '离退休'],
  ['市直机关离退休干部党委', '离退休'],
];

const ROSTER: Record<OrgCategory, RosterKind> = {
  机关: 'staff',
  企业: 'worker',
  社区: 'resident',
  教师: 'teacher',
  学生: 'undergrad',
  离退休: 'retiree',
  其他: 'worker',
};

const GENERAL_BRANCHES = 5;
const pad = (n: number) => String(n).padStart(2, '0');

export function generateCity(ctx: Ctx, branches = 5000): void {
  const { rng, asOf } = ctx;
  const nominal = new Map<string, string>([['C', '1950-10-01']]);
  const root: OrgRow = {
    code: 'C',
    name: '中共金城市委员会',
    kind: 'committee',
    parent: null,
    category: '机关',
    pack: 'national-baseline',
  };
  ctx.orgs.push(root);
  let rootPool: Member[] = [];
  COMMITTEES.forEach(([name, category], ci) => {
    const short = name.replace(/党(工)?委$/, '');
    const committee: OrgRow = { code: `C-${pad(ci + 1)}`, name, kind: 'committee', parent: 'C', category };
    ctx.orgs.push(committee);
    nominal.set(committee.code, dateBetweenYears(rng, 1980, 2005));
    const kind = ROSTER[category];
    // `branches` spread evenly over the 250 general branches.
    const perGeneral = (g: number) => {
      const i = ci * GENERAL_BRANCHES + g - 1;
      const all = COMMITTEES.length * GENERAL_BRANCHES;
      return Math.floor(branches / all) + (i < branches % all ? 1 : 0);
    };
    const codes: string[] = [];
    for (let g = 1; g <= GENERAL_BRANCHES; g++) {
      for (let b = 1; b <= perGeneral(g); b++) codes.push(`${committee.code}-${pad(g)}-${pad(b)}`);
    }
    let n = 0;
    let committeePool: Member[] = [];
    for (let g = 1; g <= GENERAL_BRANCHES; g++) {
      const general: OrgRow = {
        code: `${committee.code}-${pad(g)}`,
        name: `${short}第${ordinal(g)}党总支`,
        kind: 'general_branch',
        parent: committee.code,
        category,
      };
      ctx.orgs.push(general);
      nominal.set(general.code, dateBetweenYears(rng, 1990, 2010));
      let generalPool: Member[] = [];
      for (let b = 1; b <= perGeneral(g); b++) {
        n++;
        const code = `${general.code}-${pad(b)}`;
        const joint = n % 40 === 0;
        const temp = ci % 10 === 0 && n === 50;
        const org: OrgRow = {
          code,
          name: `${short}第${n}${joint ? '联合' : temp ? '临时' : ''}党支部`,
          kind: joint ? 'joint_branch' : temp ? 'temp_branch' : 'branch',
          parent: general.code,
          category,
        };
        if (joint) org.unit_count = rng.int(2, 4);
        ctx.orgs.push(org);
        const founded = temp ? shiftDays(asOf, -rng.int(100, 600)) : dateBetweenYears(rng, 2000, 2022);
        nominal.set(code, founded);
        const pool = codes.filter((c) => c !== code);
        const slots = rosterSlots(rng, kind, asOf, {
          size: rng.int(14, 37),
          pipeline: kind === 'retiree' ? 0 : rng.int(0, 6),
          left: rng.int(0, 4),
          transferPool: pool,
        });
        if (temp) for (const s of slots) s.transfer = { org: rng.pick(pool), at: founded };
        const members = fillBranch(ctx, code, slots);
        const lead = elect(ctx, org, members, { byElection: rng.chance(0.1) });
        if (memberCount(members) >= 30 && rng.chance(0.3)) addGroups(ctx, org, members, 2, lead);
        if (b === 1) generalPool = members;
      }
      elect(ctx, general, generalPool, { seats: 5, deputy: true });
      if (g === 1) committeePool = generalPool;
    }
    elect(ctx, committee, committeePool, { seats: 5, deputy: true });
    if (ci === 0) rootPool = committeePool;
  });
  elect(ctx, root, rootPool, { seats: 5, deputy: true });
  settleFoundingDates(ctx, nominal);
}
