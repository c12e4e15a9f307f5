/** Beijing wall-clock parts of an instant (UTC+8, no DST), whatever the browser's zone. */
function beijing(iso: string) {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    hm: `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
  };
}

/** 2026年11月20日 */
export function cnDate(iso: string): string {
  const b = beijing(iso);
  return `${b.y}年${b.m}月${b.d}日`;
}

/** 2026年11月20日 14:30—16:30 (end omitted when unknown). */
export function cnTimeRange(start: string, end: string | null): string {
  const s = beijing(start);
  return `${s.y}年${s.m}月${s.d}日 ${s.hm}${end ? `—${beijing(end).hm}` : ''}`;
}

/** The paragraphs of a minutes text (blank lines dropped). */
export const paragraphs = (text: string | null) =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
