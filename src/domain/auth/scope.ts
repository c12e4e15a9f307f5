import type { Role } from '../../shared/enums.ts';

/** One grant of a role on an org subtree (path), as loaded per request. */
export type Grant = { role: Role; orgId: string | null; orgPath: string | null; pii: boolean };

/**
 * What a caller may touch, computed per request from grants and current org paths.
 * `read`/`write` are subtree roots; `self` is the caller's own person.
 */
export type Scope = {
  userId: string;
  personId: string | null;
  admin: boolean;
  read: string[];
  write: string[];
  /** Subtrees the caller administers as org_admin (may override standard parameters there). */
  manage: string[];
  pii: string[];
  roles: Role[];
};

/** Builds the scope from grants. Admin covers everything; auditors read; members see self. */
export function scopeFromGrants(userId: string, personId: string | null, grants: Grant[]): Scope {
  const admin = grants.some((g) => g.role === 'admin');
  const read = new Set<string>();
  const write = new Set<string>();
  const pii = new Set<string>();
  const manage = new Set<string>();
  for (const g of grants) {
    if (!g.orgPath) continue;
    if (g.role === 'org_admin') manage.add(g.orgPath);
    if (g.role === 'org_admin' || g.role === 'branch_officer') {
      read.add(g.orgPath);
      write.add(g.orgPath);
    } else if (g.role === 'auditor') {
      read.add(g.orgPath);
    }
    if (g.pii && g.role !== 'member') pii.add(g.orgPath);
  }
  return {
    userId,
    personId,
    admin,
    read: minimalRoots([...read]),
    write: minimalRoots([...write]),
    manage: minimalRoots([...manage]),
    pii: minimalRoots([...pii]),
    roles: [...new Set(grants.map((g) => g.role))],
  };
}

/** Drops roots already covered by another root. */
export function minimalRoots(paths: string[]): string[] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((r) => p.startsWith(r))) out.push(p);
  return out;
}

export const canReadPath = (s: Scope, path: string) => s.admin || s.read.some((r) => path.startsWith(r));
export const canWritePath = (s: Scope, path: string) => s.admin || s.write.some((r) => path.startsWith(r));
/** True when the caller may override standard parameters for the subtree at `path`. */
export const canManagePath = (s: Scope, path: string) => s.admin || s.manage.some((r) => path.startsWith(r));
export const canReadPii = (s: Scope, path: string) => s.admin || s.pii.some((r) => path.startsWith(r));
/** True when the caller manages any org (not only self). */
export const hasOrgScope = (s: Scope) => s.admin || s.read.length > 0;
