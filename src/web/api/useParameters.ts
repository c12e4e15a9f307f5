import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParametersResponse } from '../../shared/contracts/parameters.contract.ts';
import { api } from './client.ts';

const key = (orgId: string) => ['org', orgId, 'parameters'] as const;

/** The parameters in force at an org (pack values, local overrides with reasons). */
export function useParameters(orgId: string) {
  return useQuery({
    queryKey: key(orgId),
    queryFn: () => api<ParametersResponse>(`/api/orgs/${orgId}/parameters`),
  });
}

/** Sets or removes a local override; refreshes the parameters and every compliance view. */
export function useOverride(orgId: string) {
  const qc = useQueryClient();
  const done = (data: ParametersResponse) => {
    qc.setQueryData(key(orgId), data);
    void qc.invalidateQueries({ queryKey: ['compliance'] });
  };
  const set = useMutation({
    mutationFn: (v: { key: string; value: unknown; reason: string }) =>
      api<ParametersResponse>(`/api/orgs/${orgId}/parameters/${encodeURIComponent(v.key)}`, {
        method: 'PUT',
        body: { value: v.value, reason: v.reason },
      }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (v: { key: string; reason: string }) =>
      api<ParametersResponse>(`/api/orgs/${orgId}/parameters/${encodeURIComponent(v.key)}`, {
        method: 'DELETE',
        body: { reason: v.reason },
      }),
    onSuccess: done,
  });
  return { set, remove };
}
