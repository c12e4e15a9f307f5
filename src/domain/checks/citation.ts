import { SEEDS } from '../standards/rule-catalog.ts';

/** Full titles of the regulations RULES.md cites by abbreviation (§0.1). */
const DOCUMENTS: Record<string, string> = {
  DZ: '《中国共产党章程》',
  ZBTL: '《中国共产党支部工作条例（试行）》',
  FZXZ: '《中国共产党发展党员工作细则》',
  DFGD: '《关于中国共产党党费收缴、使用和管理的规定》',
  RQYJ: '《关于党的基层组织任期的意见》',
  XJTL: '《中国共产党基层组织选举工作条例》',
  JYGH: '《2019—2023年全国党员教育培训工作规划》',
  SZPY: '《党委（党组）书记抓基层党建工作述职评议考核办法（试行）》',
  GXTL: '《中国共产党普通高等学校基层组织工作条例》',
  JGTL: '《中国共产党党和国家机关基层组织工作条例》',
};

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Expands a RULES.md source reference for people: "ZBTL Ch.4; S002 §三(二)3" →
 * "《中国共产党支部工作条例（试行）》第四章; 002_4218fa479c637482.txt 三（二）3". Unknown parts stay as written.
 */
export function citation(ref: string): string {
  // a city run cites a few dozen references ~28k times: each expanded once
  let hit = expanded.get(ref);
  if (hit === undefined) {
    hit = ref
      .split(';')
      .map((part) => expand(part.trim()))
      .filter(Boolean)
      .join('; ');
    if (expanded.size >= 1000) expanded.clear();
    expanded.set(ref, hit);
  }
  return hit;
}

const expanded = new Map<string, string>();

function expand(part: string): string {
  const m = /^([A-Z]+\d*)\s*(.*)$/.exec(part);
  if (!m) return part;
  const [, abbr, rest] = m;
  const seed = SEEDS[abbr as keyof typeof SEEDS];
  if (seed) return `${seed} ${rest.replace(/^§/, '').replace(/\(/g, '（').replace(/\)/g, '）')}`.trim();
  const doc = DOCUMENTS[abbr];
  if (!doc) return part;
  const ch = /^Ch\.(\d+)$/.exec(rest);
  if (ch) return `${doc}第${CN_DIGITS[Number(ch[1])] ?? ch[1]}章`;
  const art = /^Art\.\s*([\d-]+)$/.exec(rest);
  if (art) return `${doc}第${art[1]}条`;
  return rest ? `${doc} ${rest}` : doc;
}
