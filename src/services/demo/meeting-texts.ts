import type { Rng } from './rng.ts';

/**
 * The words of the demo meetings: themes that fit the date (campaigns, anniversaries), places,
 * absence reasons and agenda items. Campaign windows follow the public calendar of national study
 * campaigns; anything outside them falls back to evergreen themes.
 */
export type Audience = 'teacher' | 'student' | 'staff' | 'retiree' | 'community';

export function audienceOf(category: string | null | undefined): Audience {
  switch (category) {
    case '教师':
      return 'teacher';
    case '学生':
      return 'student';
    case '离退休':
      return 'retiree';
    case '社区':
      return 'community';
    default:
      return 'staff';
  }
}

const CN_MONTH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
export const cnMonth = (day: string) => `${CN_MONTH[Number(day.slice(5, 7)) - 1]}月`;
export const cnQuarter = (day: string) =>
  `第${'一二三四'[Math.floor((Number(day.slice(5, 7)) - 1) / 3)]}季度`;

/** National study campaigns: [first month, last month, theme]. */
const CAMPAIGNS: [string, string, string][] = [
  ['2022-11', '2023-12', '学习贯彻党的二十大精神'],
  ['2023-04', '2024-01', '学习贯彻习近平新时代中国特色社会主义思想主题教育'],
  ['2024-04', '2024-07', '党纪学习教育'],
  ['2024-08', '2025-10', '学习贯彻党的二十届三中全会精神'],
  ['2025-03', '2025-07', '深入贯彻中央八项规定精神学习教育'],
  ['2025-11', '2027-06', '学习贯彻党的二十届四中全会精神'],
];

const EVERGREEN = [
  '深入学习习近平总书记重要讲话精神',
  '深入学习贯彻习近平新时代中国特色社会主义思想',
  '学习《中国共产党章程》，增强党章意识',
  '学习《中国共产党纪律处分条例》，严守纪律规矩',
  '学习习近平总书记关于党的建设的重要思想',
];
const BY_AUDIENCE: Record<Audience, string[]> = {
  teacher: ['学习习近平总书记关于教育的重要论述', '弘扬教育家精神，争做新时代“四有”好老师'],
  student: ['青年学生在强国建设中勇担使命', '学习习近平总书记给青年的回信精神'],
  staff: ['深化机关作风建设，提升服务师生能力', '学习习近平总书记关于调查研究的重要论述'],
  retiree: ['离退休党员发挥余热、传承红色基因', '学习习近平总书记关于老龄工作的重要论述'],
  community: ['党建引领基层治理', '学习习近平总书记关于“枫桥经验”的重要论述'],
};

/** The campaign running on `day`, if any. */
export function campaignOn(day: string): string | null {
  const month = day.slice(0, 7);
  let found: string | null = null;
  for (const [from, to, theme] of CAMPAIGNS) if (from <= month && month <= to) found = theme;
  return found;
}

/** A theme for a 党员大会, 党课 or 党小组会 on `day`. */
export function studyTheme(rng: Rng, day: string, audience: Audience): string {
  const campaign = campaignOn(day);
  if (campaign && rng.chance(0.6)) return campaign;
  return rng.chance(0.3) ? rng.pick(BY_AUDIENCE[audience]) : rng.pick(EVERGREEN);
}

/** The 主题党日 theme of the month of `day` (anniversaries first, then campaigns). */
export function themeDayTopic(rng: Rng, day: string, audience: Audience): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month === 6 || month === 7) return `庆祝建党${year - 1921}周年，重温入党誓词`;
  if (month === 9 && year === 2025) return '纪念中国人民抗日战争暨世界反法西斯战争胜利80周年';
  if (month === 10 || (month === 9 && audience !== 'teacher'))
    return `庆祝中华人民共和国成立${year - 1949}周年主题教育`;
  if (month === 9) return '庆祝教师节，弘扬教育家精神';
  if (month === 3) return rng.pick(['学习贯彻全国两会精神', '学雷锋志愿服务']);
  if (month === 4) return '清明祭英烈，赓续红色血脉';
  if (month === 5 && audience === 'student') return '弘扬五四精神，青春建功新时代';
  if (month === 12) return '学习宣传宪法，增强法治观念';
  if (month === 1) return '新年第一课：重温入党初心';
  return studyTheme(rng, day, audience);
}

/** The 第一议题 of a 支委会 / 党员大会. */
export function firstTopic(rng: Rng, day: string, audience: Audience): string {
  const campaign = campaignOn(day);
  if (campaign && rng.chance(0.35))
    return campaign.startsWith('学习')
      ? `第一议题：${campaign}`
      : `第一议题：围绕${campaign}，学习习近平总书记有关重要论述`;
  return rng.pick([
    '第一议题：学习习近平总书记最新重要讲话和重要指示批示精神',
    '第一议题：学习习近平总书记最新重要讲话精神',
    audience === 'teacher' || audience === 'student'
      ? '第一议题：学习习近平总书记关于教育的重要论述'
      : '第一议题：学习习近平总书记关于党的建设的重要思想',
  ]);
}

export const LECTURES = [
  '从党的百年奋斗历程中汲取前进力量',
  '以党的创新理论凝心铸魂',
  '严守政治纪律和政治规矩',
  '深刻领悟“两个确立”的决定性意义',
  '发扬党的优良传统和作风',
  '坚定理想信念，筑牢信仰之基',
  '做合格党员，在岗位上践行初心使命',
  '学习党章，做党章的坚定维护者',
];

/** 支委会 agenda items and the decision each leads to. */
const COMMITTEE_ITEMS: [string, string][] = [
  ['研究本月主题党日活动安排', '确定本月主题党日活动方案'],
  ['讨论入党积极分子培养考察情况', '同意入党积极分子培养考察意见'],
  ['研究党费收缴情况', '督促党员按时足额交纳党费'],
  ['研究下阶段党员学习计划', '确定下阶段党员学习计划'],
  ['通报意识形态工作情况', '落实意识形态工作责任制'],
  ['研究“三会一课”落实情况', '按计划落实“三会一课”'],
];
export const committeeItems = (rng: Rng) => rng.shuffle([...COMMITTEE_ITEMS]).slice(0, rng.int(1, 2));

const ASSEMBLY_ITEMS = [
  '通报支部上季度工作情况',
  '公示党费收缴情况',
  '部署下阶段重点工作',
  '交流学习体会',
  '征求党员对支部工作的意见建议',
];
export const assemblyItems = (rng: Rng) => rng.shuffle([...ASSEMBLY_ITEMS]).slice(0, rng.int(1, 3));

export const ORG_LIFE_ITEMS = [
  '通报上年度组织生活会整改落实情况',
  '支部书记代表支委会作对照检查',
  '党员逐一对照检查，开展批评和自我批评',
  '民主评议党员（个人自评、党员互评、民主测评）',
];

const REASONS: Record<Audience, string[]> = {
  teacher: ['教学任务', '出差', '外出培训', '病假', '参加学术会议', '事假'],
  student: ['课程冲突', '外出实习', '外出调研', '病假', '事假'],
  staff: ['出差', '外出培训', '值班', '病假', '事假'],
  retiree: ['病假', '行动不便', '外出探亲', '住院治疗'],
  community: ['出差', '病假', '事假', '外出务工'],
};
export const absenceReason = (rng: Rng, audience: Audience) => rng.pick(REASONS[audience]);

/** The usual meeting places of a branch. */
export function placeOf(rng: Rng, audience: Audience, theme: boolean): string {
  if (theme && rng.chance(0.15))
    return rng.pick(['八路军兰州办事处纪念馆', '兰州战役纪念馆', '高台烈士陵园', '社区党群服务中心']);
  switch (audience) {
    case 'student':
      return rng.pick(['党员活动室', `教学楼 ${rng.pick(['A', 'B', 'C'])}${rng.int(2, 5)}0${rng.int(1, 9)}`]);
    case 'retiree':
      return rng.pick(['老干部活动中心', '离退休党员活动室']);
    default:
      return rng.pick(['党员活动室', `会议室 ${rng.int(2, 5)}0${rng.int(1, 9)}`]);
  }
}

/** Usual start time of a meeting ('HH:mm'). */
export function startTime(rng: Rng, audience: Audience, short: boolean): string {
  if (audience === 'student') return rng.pick(['19:00', '19:30', '12:30']);
  if (audience === 'retiree') return rng.pick(['09:00', '09:30']);
  if (short) return rng.pick(['12:30', '16:30', '08:30']);
  return rng.pick(['14:30', '14:30', '15:00', '15:30', '09:00']);
}
