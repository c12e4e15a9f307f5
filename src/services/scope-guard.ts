import { type Scope, canReadPath, canWritePath } from '../domain/auth/scope.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { Tx } from './deps.ts';

/** Loads an org the caller may read; 404 when missing, 403 when outside the caller's scope. */
export async function orgForRead(db: Tx, scope: Scope, id: string) {
  const org = await db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('组织', 'org_not_found');
  if (!canReadPath(scope, org.path))
    throw new AppError('forbidden', 'forbidden', '该组织不在您的管理范围内，无权查看');
  return org;
}

/** Loads an org the caller may change; 403 when read-only or outside scope. */
export async function orgForWrite(db: Tx, scope: Scope, id: string) {
  const org = await db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('组织', 'org_not_found');
  if (!canWritePath(scope, org.path))
    throw new AppError('forbidden', 'forbidden', '该组织不在您的管理范围内，或您只有只读权限');
  return org;
}

/** Throws 409 stale_version unless `actual` equals the client's `expected` version. */
export function checkVersion(actual: number, expected: number): void {
  if (actual !== expected) {
    throw new AppError('conflict', 'stale_version', '记录已被他人修改，请刷新后重试（版本冲突）', {
      currentVersion: actual,
    });
  }
}
