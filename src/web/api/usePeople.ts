import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  IdNumberResponse,
  PersonCreateBody,
  PersonCreatedResponse,
  PersonDetail,
  PersonListQuery,
  PersonListResponse,
  PersonUpdateBody,
  StatusChangeBody,
} from '../../shared/contracts/people.contract.ts';
import { listRows } from '../../shared/contracts/people.contract.ts';
import { api } from './client.ts';

/** Filters as typed in the UI (defaults filled by the server). */
export type PeopleQuery = Partial<PersonListQuery>;

export const peopleKeys = {
  all: ['people'] as const,
  list: (q: PeopleQuery) => ['people', 'list', q] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};

/**
 * Serialize list filters the way the server reads them: `status` repeated, empty values and
 * `includeLeft=false` left out (the server coerces any non-empty string to true).
 */
export function peopleSearchParams(q: PeopleQuery, withPaging = true): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (!withPaging && (k === 'page' || k === 'pageSize')) continue;
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item));
    else sp.set(k, String(v));
  }
  return sp;
}

export function usePeopleList(q: PeopleQuery) {
  return useQuery({
    queryKey: peopleKeys.list(q),
    // each item with its org's name and code from the page's `orgs`
    queryFn: async () => {
      const page = await api<PersonListResponse>('/api/people', { query: peopleSearchParams(q) });
      return { ...page, items: listRows(page) };
    },
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: () => api<PersonDetail>(`/api/people/${id}`),
    enabled: !!id,
    retry: false,
  });
}

export function useRevealIdNumber(id: string) {
  return useMutation({
    mutationFn: () => api<z.infer<typeof IdNumberResponse>>(`/api/people/${id}/id-number`),
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreateBody) =>
      api<z.infer<typeof PersonCreatedResponse>>('/api/people', { method: 'POST', body }),
    onSuccess: () => invalidatePeople(qc),
  });
}

export function useUpdatePerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonUpdateBody) => api<PersonDetail>(`/api/people/${id}`, { method: 'PATCH', body }),
    onSuccess: (p) => {
      qc.setQueryData(peopleKeys.detail(id), p);
      return invalidatePeople(qc);
    },
  });
}

export function useChangeStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChangeBody) =>
      api<PersonDetail>(`/api/people/${id}/status`, { method: 'POST', body }),
    onSuccess: (p) => {
      qc.setQueryData(peopleKeys.detail(id), p);
      return invalidatePeople(qc);
    },
  });
}

function invalidatePeople(qc: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['people', 'list'] }),
    qc.invalidateQueries({ queryKey: ['orgs', 'detail'] }),
    qc.invalidateQueries({ queryKey: ['audit'] }),
  ]);
}
