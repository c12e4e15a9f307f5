/**
 * Chinese resident ID number (GB 11643-1999): 17 digits + check character.
 * Digits 7–14 are the birth date; digit 17 is odd for men, even for women.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberInfo = { birthDate: string; gender: '男' | '女' };

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Normalizes (trim, full-width digits, lowercase x) without validating. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ｘＸx]/g, 'X');
}

/** Validates an ID number; returns the reason in Chinese, or the info it encodes. */
export function parseIdNumber(
  raw: string,
): { ok: true; value: string; info: IdNumberInfo } | { ok: false; reason: string } {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '身份证号应为18位（最后一位可为X）' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: '身份证号中的出生日期无效' };
  }
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '身份证号校验位错误' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const gender = Number(value[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value, info: { birthDate, gender } };
}

/** Checks an ID number against a stated birth date and gender; returns the mismatch reasons. */
export function idNumberMismatches(
  info: IdNumberInfo,
  birthDate?: string | null,
  gender?: string | null,
): string[] {
  const out: string[] = [];
  if (birthDate && birthDate !== info.birthDate)
    out.push(`身份证号的出生日期为 ${info.birthDate}，与填写的出生日期 ${birthDate} 不一致`);
  if (gender && gender !== info.gender) out.push(`身份证号显示性别为${info.gender}，与填写的性别不一致`);
  return out;
}

/** Masks an ID number for lists: 1101**********001X. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
