import { useQuery } from '@tanstack/react-query';
import type { ParticipationResponse } from '../../shared/contracts/participation.contract.ts';
import { api } from './client.ts';

/** Members' participation in an org's organizational life in a year (LIFE-018 streaks, LIFE-019 rates). */
export function useParticipation(orgId: string, year: number) {
  return useQuery({
    queryKey: ['org', orgId, 'participation', year],
    queryFn: () => api<ParticipationResponse>(`/api/orgs/${orgId}/participation`, { query: { year } }),
  });
}
