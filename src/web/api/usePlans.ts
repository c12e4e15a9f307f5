import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerResponse } from '../../shared/contracts/ledger.contract.ts';
import type {
  PlanFilingResponse,
  PlanItemBody,
  PlanResponse,
} from '../../shared/contracts/plans.contract.ts';
import { api, apiUrl } from './client.ts';

const planKey = (orgId: string, year: number) => ['org', orgId, 'plan', year];

/** A branch's annual plan of a year with planned vs held (null plan until a draft is generated). */
export function usePlan(orgId: string, year: number, enabled = true) {
  return useQuery({
    queryKey: planKey(orgId, year),
    enabled,
    queryFn: () => api<PlanResponse>(`/api/orgs/${orgId}/plan`, { query: { year } }),
  });
}

/** Filing status of the plans of every branch in an org's subtree. */
export function usePlanFilings(orgId: string, year: number) {
  return useQuery({
    queryKey: ['org', orgId, 'plan-filings', year],
    queryFn: () => api<PlanFilingResponse>(`/api/orgs/${orgId}/plans`, { query: { year } }),
  });
}

/** Generate the draft, save the items, file the plan: each answers the new plan state. */
export function usePlanWrites(orgId: string, year: number) {
  const qc = useQueryClient();
  const onSuccess = (p: PlanResponse) => {
    qc.setQueryData(planKey(orgId, year), p);
    void qc.invalidateQueries({ queryKey: ['org'], predicate: (q) => q.queryKey[2] === 'plan-filings' });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
  return {
    generate: useMutation({
      mutationFn: () => api<PlanResponse>(`/api/orgs/${orgId}/plan`, { method: 'POST', body: { year } }),
      onSuccess,
    }),
    save: useMutation({
      mutationFn: (v: { planId: string; version: number; items: PlanItemBody[] }) =>
        api<PlanResponse>(`/api/plans/${v.planId}/items`, {
          method: 'PUT',
          body: { version: v.version, items: v.items },
        }),
      onSuccess,
    }),
    file: useMutation({
      mutationFn: (v: { planId: string; version: number }) =>
        api<PlanResponse>(`/api/plans/${v.planId}/file`, { method: 'POST', body: { version: v.version } }),
      onSuccess,
    }),
  };
}

/** All meeting records of a branch in a year, for the printed 会议记录本. */
export function useLedger(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['org', orgId, 'ledger', year],
    enabled: !!orgId,
    queryFn: () => api<LedgerResponse>(`/api/orgs/${orgId}/ledger`, { query: { year } }),
  });
}

/** Download URL of the meetings and attendance workbook of a year. */
export const meetingsXlsxUrl = (orgId: string, year: number) =>
  apiUrl(`/api/orgs/${orgId}/meetings.xlsx`, { year });
