import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compileOnce, runCompiled } from '../db/compile-once.ts';
import type { DB } from '../db/schema.ts';
import { type Grant, type Scope, scopeFromGrants } from '../domain/auth/scope.ts';
import { AppError, validationError } from '../domain/errors.ts';
import type { Role } from '../shared/enums.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, Deps } from './deps.ts';
import { uuidv7 } from './infra/ids.ts';
import { sessionCacheOf } from './session-cache.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const ARGON_OPTS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON_OPTS);
const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  sessionId: string;
  csrfToken: string;
};
type SnakeGrant = {
  role: string;
  org_id: string | null;
  pii: boolean;
  org_path: string | null;
  org_name: string | null;
  org_code: string | null;
};
export type Caller = {
  user: SessionUser;
  scope: Scope;
  grants: (Grant & { orgName: string | null; orgCode: string | null })[];
};

/** Checks a password; creates a DB session. Locks the account after 5 failures for 15 minutes. */
export async function login(
  deps: Deps,
  username: string,
  password: string,
  meta: { ip?: string; userAgent?: string },
) {
  const now = deps.clock();
  const user = await deps.db
    .selectFrom('appUser')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user || user.disabled) {
    await hashPassword(password); // same cost whether or not the user exists
    throw new AppError('unauthenticated', 'invalid_credentials', '用户名或密码错误');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    throw new AppError(
      'locked',
      'account_locked',
      `登录失败次数过多，账户已锁定至 ${fmtTime(new Date(user.lockedUntil))}`,
      {
        lockedUntil: new Date(user.lockedUntil).toISOString(),
      },
    );
  }
  if (!(await verify(user.passwordHash, password))) {
    const failed = user.failedAttempts + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('appUser')
        .set({ failedAttempts: lock ? 0 : failed, lockedUntil: lock })
        .where('id', '=', user.id)
        .execute();
      if (lock)
        await recordAudit(
          trx,
          now,
          { id: user.id, name: user.username },
          { action: 'lock', entity: 'user', entityId: user.id },
        );
    });
    if (lock)
      throw new AppError(
        'locked',
        'account_locked',
        `连续 ${MAX_FAILED_LOGINS} 次密码错误，账户已锁定 ${LOCK_MINUTES} 分钟`,
      );
    throw new AppError('unauthenticated', 'invalid_credentials', '用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set({ failedAttempts: 0, lockedUntil: null })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('userSession')
      .values({
        id: tokenId(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await recordAudit(
      trx,
      now,
      { id: user.id, name: user.displayName },
      { action: 'login', entity: 'user', entityId: user.id },
    );
  });
  return { token };
}

function fmtTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The session, its user and grants with their orgs' current paths (compiled once: runs on every request). */
const sessionQuery = compileOnce(
  (db: Kysely<DB>, p: { id: string }) =>
    db
      .selectFrom('userSession as s')
      .innerJoin('appUser as u', 'u.id', 's.userId')
      .select([
        's.id as sessionId',
        's.csrfToken',
        's.lastSeenAt',
        'u.id',
        'u.username',
        'u.displayName',
        'u.personId',
        'u.disabled',
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('userGrant as g')
            .leftJoin('org as o', 'o.id', 'g.orgId')
            .select([
              'g.role',
              'g.orgId',
              'g.pii',
              'o.path as orgPath',
              'o.name as orgName',
              'o.code as orgCode',
            ])
            .whereRef('g.userId', '=', 'u.id'),
        ).as('grants'),
      )
      .where('s.id', '=', p.id),
  ['id'],
);

/** Resolves a session token to the caller with a scope computed from grants and org paths (cached briefly: session-cache.ts). */
export async function authenticate(deps: Deps, token: string | undefined): Promise<Caller | null> {
  if (!token) return null;
  const now = deps.clock();
  const id = tokenId(token);
  const cache = sessionCacheOf<Caller>(deps.db);
  const hit = cache.get(id);
  let caller: Caller;
  let lastSeenAt: number;
  if (hit) {
    caller = hit.value;
    lastSeenAt = hit.lastSeenAt;
  } else {
    const generation = cache.begin();
    // session, user and grants (with current org paths) in one round trip, compiled once
    const [row] = await runCompiled(deps.db, sessionQuery.bind(deps.db, { id }));
    if (!row || row.disabled) return null;
    caller = callerOfRow(row);
    lastSeenAt = new Date(row.lastSeenAt).getTime();
    cache.put(id, generation, caller, lastSeenAt);
  }
  const idleMs = deps.sessionIdleMinutes * 60_000;
  if (now.getTime() - lastSeenAt > idleMs) {
    cache.forget(id);
    await deps.db.deleteFrom('userSession').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeenAt > 60_000) {
    const generation = cache.begin();
    await deps.db.updateTable('userSession').set({ lastSeenAt: now }).where('id', '=', id).execute();
    cache.put(id, generation, caller, now.getTime());
  }
  return caller;
}

function callerOfRow(row: SessionUser & { grants: unknown }): Caller {
  // json_agg keeps the SQL (snake_case) column names: nested keys are not camel-cased (connect.ts)
  const grants = (row.grants as SnakeGrant[]).map((g) => ({
    role: g.role as Role,
    orgId: g.org_id,
    pii: g.pii,
    orgPath: g.org_path,
    orgName: g.org_name,
    orgCode: g.org_code,
  }));
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      personId: row.personId,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    },
    scope: scopeFromGrants(row.id, row.personId, grants),
    grants,
  };
}

/** Empties this process's session cache now (the database also announces the change to every process). */
export const forgetSessions = (deps: Deps) => sessionCacheOf(deps.db).clear();

export async function logout(deps: Deps, caller: Caller): Promise<void> {
  await deps.db.deleteFrom('userSession').where('id', '=', caller.user.sessionId).execute();
  forgetSessions(deps);
}

/** Changes the caller's password after checking the old one; ends the caller's other sessions. */
export async function changePassword(deps: Deps, caller: Caller, oldPassword: string, newPassword: string) {
  const user = await deps.db
    .selectFrom('appUser')
    .select(['passwordHash'])
    .where('id', '=', caller.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verify(user.passwordHash, oldPassword))) {
    throw validationError('原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set((eb) => ({ passwordHash, version: eb('version', '+', 1) }))
      .where('id', '=', caller.user.id)
      .execute();
    await trx
      .deleteFrom('userSession')
      .where('userId', '=', caller.user.id)
      .where('id', '!=', caller.user.sessionId)
      .execute();
    await recordAudit(trx, deps.clock(), actorOf(caller), {
      action: 'change_password',
      entity: 'user',
      entityId: caller.user.id,
    });
  });
  forgetSessions(deps);
}

export const actorOf = (c: Caller): Actor => ({ id: c.user.id, name: c.user.displayName });

/** Creates a user (CLI, demo). Refuses a duplicate username. */
export async function createUser(
  deps: Deps,
  actor: Actor,
  u: { username: string; displayName: string; password: string; personId?: string | null },
) {
  const exists = await deps.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', u.username)
    .executeTakeFirst();
  if (exists) throw new AppError('conflict', 'username_taken', `用户名 ${u.username} 已存在`);
  const id = uuidv7();
  const passwordHash = await hashPassword(u.password);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('appUser')
      .values({
        id,
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        personId: u.personId ?? null,
      })
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { username: u.username, displayName: u.displayName },
    });
  });
  return id;
}

/** Sets a user's password (CLI `user passwd`) and unlocks the account. */
export async function setPassword(deps: Deps, actor: Actor, username: string, password: string) {
  const user = await deps.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) throw new AppError('not_found', 'user_not_found', `用户 ${username} 不存在`);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('userSession').where('userId', '=', user.id).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'set_password',
      entity: 'user',
      entityId: user.id,
    });
  });
  forgetSessions(deps);
}

/** Grants a role on an org subtree (by org code; none for admin). */
export async function grantRole(
  deps: Deps,
  actor: Actor,
  g: { username: string; role: Role; orgCode: string | null; pii: boolean },
) {
  const user = await deps.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', g.username)
    .executeTakeFirst();
  if (!user) throw new AppError('not_found', 'user_not_found', `用户 ${g.username} 不存在`);
  let orgId: string | null = null;
  let orgPath: string | null = null;
  if (g.role !== 'admin') {
    if (!g.orgCode) throw validationError(`角色 ${g.role} 需要指定组织编码`);
    const org = await deps.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('code', '=', g.orgCode)
      .executeTakeFirst();
    if (!org) throw new AppError('not_found', 'org_not_found', `组织编码 ${g.orgCode} 不存在`);
    orgId = org.id;
    orgPath = org.path;
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('userGrant')
      .values({ id: uuidv7(), userId: user.id, role: g.role, orgId, pii: g.pii })
      .onConflict((oc) => oc.columns(['userId', 'role', 'orgId']).doUpdateSet({ pii: g.pii }))
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'grant',
      entity: 'user',
      entityId: user.id,
      orgPath,
      after: g,
    });
  });
  forgetSessions(deps);
}
