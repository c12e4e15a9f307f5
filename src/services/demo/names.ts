import { type Rng, cumulative } from './rng.ts';

/**
 * Word lists for realistic Chinese people. Surname weights are per mille of the population, roughly
 * following the published national frequency tables (王 李 张 刘 陈 … lead; compound surnames are rare).
 */
const SURNAME_TABLE =
  '王71 李70 张65 刘54 陈45 杨31 黄22 赵20 吴19 周19 徐15 孙15 马14 朱13 胡12 郭11 何10 林10 高10 罗9 ' +
  '郑8 梁8 谢6 宋6 唐6 许5 韩5 冯5 邓5 曹5 彭5 曾5 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程4 ' +
  '苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石2 廖2 贾2 夏2 韦2 付2 方2 白2 ' +
  '邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶1 黎1 贺1 顾1 毛1 郝1 龚1 邵1 万1 钱1 ' +
  '严1 武1 戴1 孔1 汤1 常1 牛1 安1 祁1 欧阳0.3 司马0.1 上官0.1 诸葛0.1';

const SURNAMES: string[] = [];
const SURNAME_WEIGHTS: number[] = [];
for (const entry of SURNAME_TABLE.split(' ')) {
  const m = /^(\D+)([\d.]+)$/.exec(entry);
  if (!m) continue;
  SURNAMES.push(m[1]);
  SURNAME_WEIGHTS.push(Number(m[2]));
}
const SURNAME_CUM = cumulative(SURNAME_WEIGHTS);

/** Given names by generation (born before 1975 / 1975–1994 / 1995 on) and gender. */
const GIVEN = {
  old: {
    男: '建国 建华 国强 志强 建军 卫东 振华 德明 国庆 红军 志刚 永胜 文革 立新 宝山 玉成 长青 兴旺 守仁 世杰 海 军 勇 平 刚 斌 明 林 伟 毅',
    女: '秀英 桂兰 玉兰 淑珍 秀珍 凤英 红梅 丽华 淑华 桂英 玉梅 素芳 翠兰 月娥 金凤 春花 美英 爱华 晓红 丽 红 霞 英 芳 萍 燕 敏 华 梅 琴',
  },
  mid: {
    男: '伟 磊 涛 鹏 勇 斌 超 杰 强 波 俊 亮 浩 军 刚 海涛 志刚 晓东 建伟 文博 晓峰 俊杰 宏伟 振宇 鹏飞 立军 海波 永红 明辉 国栋',
    女: '丽 静 敏 燕 艳 娟 霞 芳 婷 玲 丹 红霞 晓燕 丽娟 春燕 海燕 雪梅 文静 晓丽 慧敏 婷婷 丽萍 亚楠 小娟 佳 琳 蕾 洁 颖 倩',
  },
  young: {
    男: '浩然 子轩 宇航 俊豪 博文 一鸣 皓轩 思远 梓豪 明哲 天宇 子墨 嘉懿 睿 泽宇 昊天 煜祺 文轩 鑫 晨阳 宇 哲 航 博 翔 恒 凯 帅 鹏 楠',
    女: '欣怡 梓萱 子涵 诗涵 雨萱 思彤 佳怡 可馨 梦瑶 雨桐 心怡 若曦 一诺 语嫣 紫琪 慧妍 晓雯 佳琪 雅婷 思雨 萌 璐 瑶 琪 悦 珊 莹 彤 妍 楠',
  },
} as const;

const GIVEN_LISTS = {
  old: { 男: GIVEN.old.男.split(' '), 女: GIVEN.old.女.split(' ') },
  mid: { 男: GIVEN.mid.男.split(' '), 女: GIVEN.mid.女.split(' ') },
  young: { 男: GIVEN.young.男.split(' '), 女: GIVEN.young.女.split(' ') },
};

/** Characters for composed two-character given names (first, second), by gender. */
const COMPOSE = {
  男: [
    '子浩宇俊文志建明国伟嘉家永立振德海天泽博晨思一昊鹏云瑞晓金承兆少长学'.split(''),
    '轩然航豪杰强峰辉涛林华军龙平宁远鸣阳哲翔恒凯睿霖诚森川铭斌亮超彬东'.split(''),
  ],
  女: [
    '雨欣梓诗思佳可梦心若语紫慧晓雅静丽秀春美婉书子玉嘉怡淑彩金红文小'.split(''),
    '涵萱怡彤瑶桐馨琪雯婷琳颖洁娜妍萍霞芳燕丹慧悦宁蕾薇璐月茜琴洁楠'.split(''),
  ],
} as const;

export function chineseName(rng: Rng, gender: '男' | '女', birthYear: number): string {
  const surname = rng.weighted(SURNAMES, SURNAME_CUM);
  const era = birthYear < 1975 ? 'old' : birthYear < 1995 ? 'mid' : 'young';
  if (rng.chance(0.45)) {
    const [first, second] = COMPOSE[gender];
    return surname + rng.pick(first) + rng.pick(second);
  }
  return surname + rng.pick(GIVEN_LISTS[era][gender]);
}

/**
 * Real-looking 6-digit administrative division codes for ID numbers: mostly Gansu (the demo
 * university is in the north-west), some from elsewhere.
 */
const REGIONS_LOCAL = [
  '620102',
  '620103',
  '620104',
  '620105',
  '620111',
  '620121',
  '620402',
  '620502',
  '620503',
  '620602',
  '620702',
  '620802',
  '620902',
  '621002',
  '621102',
  '621202',
  '622901',
  '623001',
];
const REGIONS_OTHER = [
  '110105',
  '110108',
  '130102',
  '140105',
  '150102',
  '320106',
  '330106',
  '370303',
  '410102',
  '410402',
  '420106',
  '510107',
  '610104',
  '610113',
  '630102',
  '640104',
  '650102',
];

export function regionCode(rng: Rng): string {
  return rng.chance(0.65) ? rng.pick(REGIONS_LOCAL) : rng.pick(REGIONS_OTHER);
}

const ETHNICITIES = ['汉族', '回族', '藏族', '东乡族', '土族', '满族', '蒙古族', '裕固族'];
const ETHNICITY_CUM = cumulative([90, 4, 2, 1, 1, 1, 0.6, 0.4]);

export function ethnicity(rng: Rng): string {
  return rng.weighted(ETHNICITIES, ETHNICITY_CUM);
}

/** A mobile number 1[3-9]xxxxxxxxx. */
export function mobilePhone(rng: Rng): string {
  let s = `1${rng.int(3, 9)}`;
  for (let i = 0; i < 9; i++) s += rng.int(0, 9);
  return s;
}

/** Chinese ordinal numerals for 1…99 (第一、第十二…). */
export function ordinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
