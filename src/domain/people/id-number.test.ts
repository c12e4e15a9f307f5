import { describe, expect, it } from 'vitest';
import { idCheckChar, idNumberMismatches, maskIdNumber, parseIdNumber } from './id-number.ts';

const make = (first17: string) => first17 + idCheckChar(first17);

describe('parseIdNumber', () => {
  it('accepts a checksum-correct number and reads birth date and gender', () => {
    const r = parseIdNumber('11010519491231002X');
    expect(r).toEqual({
      ok: true,
      value: '11010519491231002X',
      info: { birthDate: '1949-12-31', gender: '女' },
    });
  });
  it('accepts lowercase x and full-width digits', () => {
    const r = parseIdNumber('１１０１０５１９４９１２３１００２x');
    expect(r.ok).toBe(true);
  });
  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: '身份证号校验位错误' });
  });
  it('refuses an impossible birth date (Feb 30) even with a matching check digit', () => {
    expect(parseIdNumber(make('62010219900230001'))).toEqual({
      ok: false,
      reason: '身份证号中的出生日期无效',
    });
  });
  it('accepts Feb 29 in a leap year and refuses it in a common year', () => {
    expect(parseIdNumber(make('62010220000229001')).ok).toBe(true);
    expect(parseIdNumber(make('62010219990229001')).ok).toBe(false);
  });
  it('refuses wrong length and letters', () => {
    expect(parseIdNumber('12345').ok).toBe(false);
    expect(parseIdNumber('1101051949123100AX').ok).toBe(false);
  });
  it('odd 17th digit is male', () => {
    const r = parseIdNumber(make('62010219900101001'));
    expect(r.ok && r.info.gender).toBe('男');
  });
});

describe('idNumberMismatches', () => {
  it('names birth date and gender mismatches', () => {
    const info = { birthDate: '1990-01-01', gender: '男' as const };
    expect(idNumberMismatches(info, '1990-01-01', '男')).toEqual([]);
    expect(idNumberMismatches(info, '1990-01-02', '女')).toHaveLength(2);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
