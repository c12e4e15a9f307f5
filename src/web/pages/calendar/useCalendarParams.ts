import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `?month=YYYY-MM&meeting=<id>` of a calendar page (the current month by default). */
export function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('month') ?? '';
  const month = MONTH_RE.test(raw) ? raw : dayjs().format('YYYY-MM');
  const meetingId = params.get('meeting');
  const setMonth = (m: string) =>
    setParams(
      (p) => {
        p.set('month', m);
        p.delete('meeting');
        return p;
      },
      { replace: true },
    );
  const clearMeeting = () =>
    setParams(
      (p) => {
        p.delete('meeting');
        return p;
      },
      { replace: true },
    );
  return { month, meetingId, setMonth, clearMeeting };
}
