import { type OrgKind, BRANCH_KINDS } from '../../shared/enums.ts';

/**
 * Org paths are materialized: '/' + base-36 sequence numbers of every ancestor and the org itself,
 * each followed by '/'. A subtree is a prefix match; a move rewrites the prefix in one statement.
 */
export function childPath(parentPath: string | null, seq: number): string {
  return `${parentPath ?? '/'}${seq.toString(36)}/`;
}

/** Depth of a path: '/1/' = 0. */
export function pathDepth(path: string): number {
  return path.split('/').length - 3;
}

/** True when `path` lies in the subtree rooted at `root` (inclusive). */
export function inSubtree(path: string, root: string): boolean {
  return path.startsWith(root);
}

/**
 * The exclusive upper bound of the subtree at `root` in C collation: every path that starts with
 * `root` (which ends in '/') sorts before `root` with that last '/' replaced by '0' (the next code
 * point), and nothing else sorts in between. `path >= root AND path < subtreeEnd(root)` is a btree
 * range that the planner can use even when the bounds are parameters (a generic prepared plan),
 * which `path LIKE $1` is not.
 */
export function subtreeEnd(root: string): string {
  return `${root.slice(0, -1)}0`;
}

/** The kinds of parent each kind may sit under (ORG-001). `null` = may be a root. */
const ALLOWED_PARENTS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  committee: [null, 'committee'],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
  joint_branch: ['committee', 'general_branch'],
  temp_branch: ['committee', 'general_branch'],
  group: BRANCH_KINDS,
};

/** Why an org of `kind` cannot sit under `parentKind` (ORG-001), or null if it can. */
export function placementError(kind: OrgKind, parentKind: OrgKind | null): string | null {
  if (ALLOWED_PARENTS[kind].includes(parentKind)) return null;
  if (parentKind === null) return '只有党委可以作为顶层组织';
  return `不能在此类上级组织下设立该类组织（ORG-001：党委 → 党总支 → 党支部 → 党小组）`;
}

/** Why moving the org at `path` under `newParentPath` is refused, or null. */
export function moveError(path: string, newParentPath: string): string | null {
  if (newParentPath === path) return '不能把组织移到自身之下';
  if (newParentPath.startsWith(path)) return '不能把组织移到其下级组织之下（会形成循环）';
  return null;
}

/** True for branch kinds (they hold members directly; groups hold members of their branch). */
export const isBranchKind = (kind: string) => (BRANCH_KINDS as readonly string[]).includes(kind);
