import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  DashboardResponse,
  FindingsResponse,
  ScorecardResponse,
  SeverityValue,
} from '../../shared/contracts/compliance.contract.ts';
import { api, apiUrl } from './client.ts';

/** Filters of the findings list as the UI holds them (server fills the defaults). */
export type FindingsFilters = {
  orgId?: string;
  asOf?: string;
  ruleId?: string;
  severity?: SeverityValue;
  period?: string;
  page?: number;
  pageSize?: number;
};

/** Filters of the dashboard. */
export type DashboardFilters = {
  orgId?: string;
  asOf?: string;
  granularity: 'month' | 'quarter';
  periods: number;
};

export const complianceKeys = {
  all: ['compliance'] as const,
  findings: (q: FindingsFilters) => ['compliance', 'findings', q] as const,
  scorecard: (id: string, asOf: string | undefined) => ['compliance', 'scorecard', id, asOf] as const,
  dashboard: (q: DashboardFilters) => ['compliance', 'dashboard', q] as const,
};

/** One page of findings of an org subtree. */
export function useFindings(q: FindingsFilters) {
  return useQuery({
    queryKey: complianceKeys.findings(q),
    queryFn: () => api<FindingsResponse>('/api/compliance/findings', { query: q }),
    enabled: !!q.orgId,
    placeholderData: keepPreviousData,
  });
}

/** The xlsx export URL of the same filters (without paging). */
export function findingsXlsxUrl({ page: _p, pageSize: _s, ...q }: FindingsFilters): string {
  return apiUrl('/api/compliance/findings.xlsx', q);
}

/** The scorecard of one org. */
export function useScorecard(id: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: complianceKeys.scorecard(id ?? '', asOf),
    queryFn: () => api<ScorecardResponse>(`/api/compliance/scorecard/${id}`, { query: { asOf } }),
    enabled: !!id,
    retry: false,
  });
}

/** Heat-map data of a subtree. */
export function useDashboard(q: DashboardFilters) {
  return useQuery({
    queryKey: complianceKeys.dashboard(q),
    queryFn: () => api<DashboardResponse>('/api/compliance/dashboard', { query: q }),
    enabled: !!q.orgId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
