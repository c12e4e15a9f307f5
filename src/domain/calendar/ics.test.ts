import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, serializeCalendar, utcStamp } from './ics.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText (RFC 5545 §3.3.11)', () => {
  it('escapes backslash, semicolon, comma and every newline form', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('escapes the backslash first, so an escaped comma is not escaped twice', () => {
    expect(escapeText('\\,')).toBe('\\\\\\,');
  });
  it('leaves colons and Chinese text alone', () => {
    expect(escapeText('党员大会：学习')).toBe('党员大会：学习');
  });
});

describe('foldLine (RFC 5545 §3.1)', () => {
  it('leaves a line of exactly 75 octets whole and folds one of 76', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });
  it('keeps every physical line within 75 octets, the leading space included', () => {
    const lines = foldLine(`SUMMARY:${'x'.repeat(300)}`).split('\r\n');
    expect(lines.length).toBe(5);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });
  it('never splits a 3-octet Chinese character: 25 fit on the first line, the 26th moves on', () => {
    const folded = foldLine('党'.repeat(26));
    const [first, second] = folded.split('\r\n');
    expect(octets(first)).toBe(75);
    expect(second).toBe(' 党');
    const shifted = foldLine(`a${'党'.repeat(25)}`).split('\r\n');
    expect(octets(shifted[0])).toBe(73);
    expect(shifted[1]).toBe(' 党');
  });
  it('never splits a 4-octet character (surrogate pair)', () => {
    const folded = foldLine(`${'a'.repeat(73)}😀b`);
    expect(folded).toBe(`${'a'.repeat(73)}\r\n 😀b`);
  });
  it('unfolds back to the original text', () => {
    const text = `DESCRIPTION:${'议程：学习习近平新时代中国特色社会主义思想，讨论发展对象；'.repeat(5)}`;
    expect(foldLine(text).replace(/\r\n /g, '')).toBe(text);
  });
});

describe('serializeCalendar', () => {
  const stamp = new Date('2026-11-24T02:00:00Z');
  const ics = serializeCalendar({
    name: '我的日历',
    stamp,
    events: [
      {
        uid: 'm1@zhibu',
        start: { instant: new Date('2026-11-23T06:30:00Z') },
        end: { instant: new Date('2026-11-23T08:00:00Z') },
        summary: '支委会, 党员大会：研究; 工作',
        location: '党员活动室\\301',
        description: `第一行\n第二行，${'很长的说明'.repeat(20)}`,
        status: 'CONFIRMED',
      },
      {
        uid: 'd1@zhibu',
        start: { date: '2026-12-31' },
        end: { date: '2027-01-01' },
        summary: '2026年第四季度党员大会截止',
      },
    ],
  });

  it('writes CRLF lines of at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
    for (const l of ics.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it('writes UTC date-times and all-day dates', () => {
    expect(utcStamp(stamp)).toBe('20261124T020000Z');
    expect(ics).toContain('DTSTART:20261123T063000Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('round-trips through an independent parser (ical.js), escapes and folds included', () => {
    const comp = new ICAL.Component(ICAL.parse(ics));
    expect(comp.getFirstPropertyValue('version')).toBe('2.0');
    const [meeting, deadline] = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(meeting.uid).toBe('m1@zhibu');
    expect(meeting.summary).toBe('支委会, 党员大会：研究; 工作');
    expect(meeting.location).toBe('党员活动室\\301');
    expect(meeting.description).toBe(`第一行\n第二行，${'很长的说明'.repeat(20)}`);
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2026-11-23T06:30:00.000Z');
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2026-12-31');
  });
});
