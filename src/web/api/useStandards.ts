import { useQuery } from '@tanstack/react-query';
import type { PackDocResponse, PackListResponse } from '../../shared/contracts/standards.contract.ts';
import { api } from './client.ts';

export const standardsKeys = {
  list: ['standards', 'packs'] as const,
  doc: (id: string) => ['standards', 'pack', id] as const,
};

/** All standard packs with their counts (they change only with a deployment). */
export function usePacks() {
  return useQuery({
    queryKey: standardsKeys.list,
    queryFn: () => api<PackListResponse>('/api/standards/packs'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One resolved pack as a document. */
export function usePackDoc(id: string | undefined) {
  return useQuery({
    queryKey: standardsKeys.doc(id ?? ''),
    queryFn: () => api<PackDocResponse>(`/api/standards/packs/${id}`),
    enabled: !!id,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
