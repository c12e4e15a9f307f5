import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ScoreBody, ScoreResponse } from '../../shared/contracts/scores.contract.ts';
import { api } from './client.ts';

/** Saves the 自评 or 考评 of an indicator; refreshes the scorecards. */
export function useSaveScore(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: ScoreBody }) =>
      api<ScoreResponse>(`/api/orgs/${orgId}/indicators/${encodeURIComponent(indicatorId)}/score`, {
        method: 'PUT',
        body,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['compliance', 'scorecard', orgId] }),
  });
}
