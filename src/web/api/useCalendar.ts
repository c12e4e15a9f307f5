import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarResponse,
  CalendarTokenCreated,
  CalendarTokenStatus,
  TodoResponse,
} from '../../shared/contracts/calendar.contract.ts';
import { api } from './client.ts';

/** The caller's 待办 list. */
export function useTodos() {
  return useQuery({ queryKey: ['me', 'todos'], queryFn: () => api<TodoResponse>('/api/me/todos') });
}

const tokenKey = ['me', 'calendar-token'] as const;

/** The caller's ICS feed token: status, create (returns the URL once), revoke. */
export function useCalendarToken() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: tokenKey,
    queryFn: () => api<CalendarTokenStatus>('/api/me/calendar-token'),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: tokenKey });
  const create = useMutation({
    mutationFn: () => api<CalendarTokenCreated>('/api/me/calendar-token', { method: 'POST' }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => api<{ ok: true }>('/api/me/calendar-token', { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { status, create, revoke };
}

/** Whose calendar: an org's, or the caller's own. */
export type CalendarSource = { orgId: string } | 'me';

/** The month calendar of an org or of the caller. */
export function useCalendar(source: CalendarSource, month: string) {
  const org = source === 'me' ? null : source.orgId;
  return useQuery({
    queryKey: org ? ['org', org, 'calendar', month] : ['me', 'calendar', month],
    queryFn: () =>
      api<CalendarResponse>(org ? `/api/orgs/${org}/calendar` : '/api/me/calendar', { query: { month } }),
  });
}
