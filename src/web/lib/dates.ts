import dayjs, { type Dayjs } from 'dayjs';
import { M } from '../messages.ts';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Show a date as 2025-03-27 ('—' when empty). */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return M.common.none;
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** Show a timestamp as 2025-03-27 14:05:09. */
export function fmtDateTime(value: string | null | undefined): string {
  if (!value) return M.common.none;
  // instants are shown in Beijing time whatever the browser's zone (UTC+8, no DST)
  const d = dayjs(value);
  return d.isValid()
    ? dayjs(d.valueOf() + 8 * 3600_000 + d.toDate().getTimezoneOffset() * 60_000).format(
        'YYYY-MM-DD HH:mm:ss',
      )
    : value;
}

/** A DatePicker value as 'YYYY-MM-DD' (null when empty). */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format(DATE_FORMAT) : null;
}

/** An ISO date string as a DatePicker value. */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}
