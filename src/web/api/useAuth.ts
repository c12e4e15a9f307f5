import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  DemoAccountsResponse,
  LoginBody,
  MeResponse,
} from '../../shared/contracts/auth.contract.ts';
import { api, setCsrfToken } from './client.ts';

export const meKey = ['me'] as const;

async function fetchMe(): Promise<MeResponse> {
  const me = await api<MeResponse>('/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user (401 → the client redirects to /login). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

/** Demo accounts for the login page (public). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api<DemoAccountsResponse>('/api/auth/demo-accounts', { no401Redirect: true }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      api<MeResponse>('/api/auth/login', { method: 'POST', body, no401Redirect: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST', no401Redirect: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api<{ ok: true }>('/api/auth/password', { method: 'POST', body }),
  });
}
