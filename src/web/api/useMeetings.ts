import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeetingListResponse, MeetingView } from '../../shared/contracts/meetings.contract.ts';
import { api } from './client.ts';

/** Meeting records of an org in a year. */
export function useMeetings(orgId: string, year: number) {
  return useQuery({
    queryKey: ['org', orgId, 'meetings', year],
    queryFn: () =>
      api<z.infer<typeof MeetingListResponse>>(`/api/orgs/${orgId}/meetings`, { query: { year } }),
  });
}

/** One meeting record (attendance, missing elements, revisions). */
export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: ['meeting', id],
    enabled: !!id,
    queryFn: () => api<MeetingView>(`/api/meetings/${id}`),
  });
}
