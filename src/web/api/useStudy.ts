import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrgPointsResponse,
  PersonPointsResponse,
  PointsDecisionBody,
  PointsEntryBody,
  PointsItemView,
} from '../../shared/contracts/points.contract.ts';
import type {
  BranchStudyResponse,
  PersonStudyResponse,
  StudyRecordBody,
} from '../../shared/contracts/study.contract.ts';
import { api, apiUrl } from './client.ts';

/** A person's study year: records, meeting credit, threshold and shortfall. */
export function usePersonStudy(personId: string, year: number) {
  return useQuery({
    queryKey: ['study', 'person', personId, year],
    queryFn: () => api<PersonStudyResponse>(`/api/people/${personId}/study`, { query: { year } }),
  });
}

/** The study table of an org subtree for a year. */
export function useOrgStudy(orgId: string, year: number) {
  return useQuery({
    queryKey: ['study', 'org', orgId, year],
    queryFn: () => api<BranchStudyResponse>(`/api/orgs/${orgId}/study`, { query: { year } }),
  });
}

export const studyXlsxUrl = (orgId: string, year: number) =>
  apiUrl(`/api/orgs/${orgId}/study.xlsx`, { year });

/** Adds, edits and deletes a person's study records; refreshes study and compliance views. */
export function useStudyRecordMutations(personId: string) {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: ['study'] });
    void qc.invalidateQueries({ queryKey: ['compliance'] });
  };
  const create = useMutation({
    mutationFn: (body: StudyRecordBody) =>
      api(`/api/people/${personId}/study-records`, { method: 'POST', body }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: Partial<StudyRecordBody> & { id: string; version: number }) =>
      api(`/api/study-records/${id}`, { method: 'PATCH', body }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api(`/api/study-records/${id}`, { method: 'DELETE', body: { version } }),
    onSuccess,
  });
  return { create, update, remove };
}

/** A person's points of a year. */
export function usePersonPoints(personId: string, year: number) {
  return useQuery({
    queryKey: ['points', 'person', personId, year],
    queryFn: () => api<PersonPointsResponse>(`/api/people/${personId}/points`, { query: { year } }),
  });
}

/** The points catalog in force at an org. */
export function usePointsItems(orgId: string | undefined) {
  return useQuery({
    queryKey: ['points', 'items', orgId],
    enabled: !!orgId,
    queryFn: () => api<{ items: PointsItemView[]; canManage: boolean }>(`/api/orgs/${orgId}/points-items`),
  });
}

/** Ranking, tallies, pending claims and publications of an org. */
export function useOrgPoints(orgId: string, year: number) {
  return useQuery({
    queryKey: ['points', 'org', orgId, year],
    queryFn: () => api<OrgPointsResponse>(`/api/orgs/${orgId}/points`, { query: { year } }),
  });
}

/** Points writes: a new entry, a decision on a pending one, a quarterly publication. */
export function usePointsMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: ['points'] });
    void qc.invalidateQueries({ queryKey: ['compliance'] });
  };
  const create = useMutation({
    mutationFn: ({ personId, ...body }: PointsEntryBody & { personId: string }) =>
      api(`/api/people/${personId}/points`, { method: 'POST', body }),
    onSuccess,
  });
  const decide = useMutation({
    mutationFn: ({ id, ...body }: PointsDecisionBody & { id: string }) =>
      api(`/api/points-entries/${id}/decision`, { method: 'POST', body }),
    onSuccess,
  });
  const publish = useMutation({
    mutationFn: ({ orgId, quarter }: { orgId: string; quarter: string }) =>
      api(`/api/orgs/${orgId}/points/publications`, { method: 'POST', body: { quarter } }),
    onSuccess,
  });
  return { create, decide, publish };
}
