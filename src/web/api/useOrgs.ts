import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ElectionBody,
  ElectionView,
  ElectionsResponse,
  OrgChangeBody,
  OrgChangeView,
  OrgChangesResponse,
  OrgCreateBody,
  OrgDetail,
  OrgDissolveBody,
  OrgListResponse,
  OrgMoveBody,
  OrgNode,
  OrgSearchResponse,
  OrgUpdateBody,
  PositionBody,
  PositionEndBody,
  PositionView,
  PositionsResponse,
} from '../../shared/contracts/orgs.contract.ts';
import { api } from './client.ts';

export type OrgChangeInput = z.input<typeof OrgChangeBody>;
export type ElectionInput = z.input<typeof ElectionBody>;
export type PositionInput = z.input<typeof PositionBody>;
export type OrgCreateInput = z.input<typeof OrgCreateBody>;

export const orgKeys = {
  all: ['orgs'] as const,
  roots: (dissolved: boolean) => ['orgs', 'roots', dissolved] as const,
  children: (id: string, dissolved: boolean) => ['orgs', 'children', id, dissolved] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
  changes: (id: string) => ['orgs', 'changes', id] as const,
  elections: (id: string) => ['orgs', 'elections', id] as const,
  positions: (id: string, all: boolean) => ['orgs', 'positions', id, all] as const,
};

/** Root orgs of the caller's scope. `includeDissolved` is only sent when true. */
export function fetchRoots(dissolved: boolean): Promise<OrgListResponse> {
  return api<OrgListResponse>('/api/orgs/roots', { query: { includeDissolved: dissolved || undefined } });
}

/** Direct children of an org. `includeDissolved` is only sent when true. */
export function fetchChildren(id: string, dissolved: boolean): Promise<OrgListResponse> {
  return api<OrgListResponse>(`/api/orgs/${id}/children`, {
    query: { includeDissolved: dissolved || undefined },
  });
}

export function fetchOrgDetail(id: string): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}`);
}

export function useOrgSearch(q: string) {
  return useQuery({
    queryKey: orgKeys.search(q),
    queryFn: () => api<OrgSearchResponse>('/api/orgs/search', { query: { q } }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}

export function useOrgDetail(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => fetchOrgDetail(id!),
    enabled: !!id,
    retry: false,
  });
}

export function useOrgChanges(id: string) {
  return useQuery({
    queryKey: orgKeys.changes(id),
    queryFn: () => api<z.infer<typeof OrgChangesResponse>>(`/api/orgs/${id}/changes`),
  });
}

export function useElections(id: string) {
  return useQuery({
    queryKey: orgKeys.elections(id),
    queryFn: () => api<z.infer<typeof ElectionsResponse>>(`/api/orgs/${id}/elections`),
  });
}

export function usePositions(id: string, all: boolean, enabled = true) {
  return useQuery({
    enabled,
    queryKey: orgKeys.positions(id, all),
    queryFn: () =>
      api<z.infer<typeof PositionsResponse>>(`/api/orgs/${id}/positions`, {
        query: { all: all || undefined },
      }),
  });
}

/**
 * Refresh cached org data after a write. The tree reads children lists from the cache, so the
 * lists of the given orgs, and the lists that contain them (their child counts change), are
 * refetched even when no component observes them.
 */
export async function refreshOrgs(qc: QueryClient, orgIds: (string | null)[]): Promise<void> {
  const ids = new Set(orgIds.filter((id): id is string => !!id));
  const lists = qc.getQueryCache().findAll({
    predicate: (q) => {
      const [scope, kind, id] = q.queryKey;
      if (scope !== 'orgs' || (kind !== 'children' && kind !== 'roots')) return false;
      if (kind === 'children' && typeof id === 'string' && ids.has(id)) return true;
      const data = q.state.data as OrgListResponse | undefined;
      return !!data?.items.some((o) => ids.has(o.id));
    },
  });
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['orgs', 'detail'] }),
    qc.invalidateQueries({ queryKey: ['orgs', 'search'] }),
    qc.invalidateQueries({ queryKey: ['people'] }),
    qc.invalidateQueries({ queryKey: ['audit'] }),
    ...(orgIds.includes(null) ? [qc.refetchQueries({ queryKey: ['orgs', 'roots'], type: 'all' })] : []),
    ...lists.map((q) => qc.refetchQueries({ queryKey: q.queryKey, exact: true, type: 'all' })),
  ]);
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgCreateInput) => api<OrgNode>('/api/orgs', { method: 'POST', body }),
    onSuccess: (org) => refreshOrgs(qc, [org.parentId, org.id]),
  });
}

export function useUpdateOrg(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUpdateBody) => api<OrgNode>(`/api/orgs/${id}`, { method: 'PATCH', body }),
    onSuccess: (org) => refreshOrgs(qc, [org.id]),
  });
}

export function useMoveOrg(id: string, oldParentId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgMoveBody) => api<OrgNode>(`/api/orgs/${id}/move`, { method: 'POST', body }),
    onSuccess: (org) => refreshOrgs(qc, [oldParentId, org.parentId, org.id]),
  });
}

export function useDissolveOrg(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgDissolveBody) => api<OrgNode>(`/api/orgs/${id}/dissolve`, { method: 'POST', body }),
    onSuccess: (org) => refreshOrgs(qc, [org.parentId, org.id]),
  });
}

export function useAddOrgChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgChangeInput) =>
      api<OrgChangeView>(`/api/orgs/${id}/changes`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.changes(id) }),
  });
}

export function useAddElection(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ElectionInput) =>
      api<ElectionView>(`/api/orgs/${id}/elections`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: orgKeys.elections(id) }),
        qc.invalidateQueries({ queryKey: orgKeys.detail(id) }),
      ]),
  });
}

export function useAddPosition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PositionInput) =>
      api<PositionView>(`/api/orgs/${id}/positions`, { method: 'POST', body }),
    onSuccess: () => invalidatePositions(qc, id),
  });
}

export function useEndPosition(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, body }: { positionId: string; body: PositionEndBody }) =>
      api<PositionView>(`/api/positions/${positionId}/end`, { method: 'POST', body }),
    onSuccess: () => invalidatePositions(qc, orgId),
  });
}

function invalidatePositions(qc: QueryClient, orgId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['orgs', 'positions', orgId] }),
    qc.invalidateQueries({ queryKey: orgKeys.detail(orgId) }),
    qc.invalidateQueries({ queryKey: ['people', 'detail'] }),
  ]);
}
