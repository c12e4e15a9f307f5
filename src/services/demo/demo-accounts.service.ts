import type { DemoAccountsResponse } from '../../shared/contracts/auth.contract.ts';
import type { Deps } from '../deps.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

/** Demo accounts shown on the login page — only in demo mode and only those that exist. */
export async function listDemoAccounts(deps: Deps): Promise<DemoAccountsResponse> {
  if (!deps.demo) return { demo: false, accounts: [] };
  const names = DEMO_ACCOUNTS.map((a) => a.username);
  const existing = new Set(
    (await deps.db.selectFrom('appUser').select('username').where('username', 'in', names).execute()).map(
      (r) => r.username,
    ),
  );
  return {
    demo: true,
    accounts: DEMO_ACCOUNTS.filter((a) => existing.has(a.username)).map((a) => ({
      username: a.username,
      password: a.password,
      role: a.role,
      description: a.description,
    })),
  };
}
