import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditListResponse, AuditQuery } from '../../shared/contracts/audit.contract.ts';
import { api } from './client.ts';

export type AuditFilter = Partial<z.infer<typeof AuditQuery>>;

export function useAudit(q: AuditFilter) {
  return useQuery({
    queryKey: ['audit', q],
    queryFn: () => api<AuditListResponse>('/api/audit', { query: q }),
    placeholderData: keepPreviousData,
  });
}
