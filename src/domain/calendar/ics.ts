/**
 * A minimal RFC 5545 (iCalendar) writer: text escaping (§3.3.11), line folding at 75 octets
 * without splitting a UTF-8 character (§3.1), UTC date-times and all-day dates (§3.3.4–5).
 */

/** When an event happens: an instant (written in UTC) or a whole calendar day 'YYYY-MM-DD'. */
export type IcsTime = { instant: Date } | { date: string };

export type IcsEvent = {
  uid: string;
  start: IcsTime;
  /** Exclusive end (for all-day events: the day after). */
  end: IcsTime;
  summary: string;
  location?: string | null;
  description?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  categories?: string[];
};

export type IcsCalendar = { name: string; stamp: Date; events: IcsEvent[] };

const MAX_OCTETS = 75;

/** Octets of one code point in UTF-8. */
const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Escapes a TEXT value: backslash, semicolon, comma, and newlines (CRLF, CR or LF → \n). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into chunks of at most 75 octets, each continuation starting with a
 * space (which counts toward its 75). Never splits a multi-byte UTF-8 character or a surrogate pair.
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      chunks.push(cur);
      cur = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    cur += ch;
    octets += n;
  }
  chunks.push(cur);
  return chunks.join('\r\n ');
}

/** 'YYYYMMDDTHHMMSSZ' of an instant. */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function timeProp(name: string, t: IcsTime): string {
  return 'instant' in t ? `${name}:${utcStamp(t.instant)}` : `${name};VALUE=DATE:${t.date.replace(/-/g, '')}`;
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    timeProp('DTSTART', e.start),
    timeProp('DTEND', e.end),
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if ('date' in e.start) lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object, CRLF line ends, every line folded. */
export function serializeCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//zhibu//calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...cal.events.flatMap((e) => eventLines(e, cal.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
