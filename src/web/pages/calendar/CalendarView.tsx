import { useState } from 'react';
import { type CalendarSource, useCalendar } from '../../api/useCalendar.ts';
import { CalendarEventDrawer } from './CalendarEventDrawer.tsx';
import { type CalendarSelection, MonthCalendar } from './MonthCalendar.tsx';
import { useCalendarParams } from './useCalendarParams.ts';

/** A month calendar bound to the URL (?month, ?meeting opens that meeting), with the detail drawer. */
export function CalendarView({
  source,
  title,
  compact,
}: {
  source: CalendarSource;
  title?: string;
  compact?: boolean;
}) {
  const { month, meetingId, setMonth, clearMeeting } = useCalendarParams();
  const q = useCalendar(source, month);
  const [picked, setPicked] = useState<CalendarSelection | null>(null);
  const linked = meetingId ? q.data?.meetings.find((m) => m.id === meetingId) : undefined;
  const selection = picked ?? (linked ? { type: 'meeting' as const, meeting: linked } : null);
  const handleClose = () => {
    setPicked(null);
    if (meetingId) clearMeeting();
  };
  return (
    <>
      <MonthCalendar
        month={month}
        onMonthChange={setMonth}
        data={q.data}
        loading={q.isPending}
        error={q.error}
        onSelect={setPicked}
        title={title}
        compact={compact}
      />
      <CalendarEventDrawer selection={selection} onClose={handleClose} />
    </>
  );
}
