import type { Scope } from '../src/domain/auth/scope.ts';
import { createUser, grantRole } from '../src/services/auth.service.ts';
import { type Deps, SYSTEM_ACTOR } from '../src/services/deps.ts';
import { createOrg } from '../src/services/org/org-write.service.ts';
import { createPerson } from '../src/services/people/person-write.service.ts';
import type { OrgCreateBody } from '../src/shared/contracts/orgs.contract.ts';
import type { PersonCreateBody } from '../src/shared/contracts/people.contract.ts';
import type { Role } from '../src/shared/enums.ts';
import type { TestContext } from './server.ts';

/** The current `version` of a person or org (what a service update must be given). */
export const versionOf = async (deps: Deps, table: 'person' | 'org', id: string) =>
  (await deps.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

export const ADMIN_SCOPE: Scope = {
  userId: 'system',
  personId: null,
  admin: true,
  read: [],
  write: [],
  manage: [],
  pii: [],
  roles: ['admin'],
};
let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function insertOrg(
  deps: Deps,
  o: Partial<OrgCreateBody> & { parentId: string | null; kind: OrgCreateBody['kind'] },
) {
  return createOrg(deps, ADMIN_SCOPE, SYSTEM_ACTOR, {
    code: o.code ?? `T${uniq()}`,
    name: o.name ?? `测试组织${uniq()}`,
    category: o.category ?? '教师',
    establishedOn: o.establishedOn ?? null,
    unitCount: o.unitCount ?? 1,
    ...o,
  });
}

export async function insertPerson(deps: Deps, o: Partial<PersonCreateBody> & { orgId: string }) {
  const { id } = await createPerson(deps, ADMIN_SCOPE, SYSTEM_ACTOR, {
    name: o.name ?? '测试人员',
    status: o.status ?? 'full',
    statusFrom: o.statusFrom ?? '2015-07-01',
    ...o,
  });
  return id;
}

export const PASSWORD = 'Passw0rd-test';

export async function insertUser(
  deps: Deps,
  username: string,
  grants: { role: Role; orgCode: string | null; pii?: boolean }[],
  personId: string | null = null,
) {
  await createUser(deps, SYSTEM_ACTOR, { username, displayName: username, password: PASSWORD, personId });
  for (const g of grants)
    await grantRole(deps, SYSTEM_ACTOR, { username, role: g.role, orgCode: g.orgCode, pii: g.pii ?? false });
}

export type Session = { cookie: string; csrf: string };

/** Logs in through the API and returns the session cookie and CSRF token. */
export async function loginAs(ctx: TestContext, username: string, password = PASSWORD): Promise<Session> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zhibu_session');
  return { cookie: `zhibu_session=${cookie!.value}`, csrf: res.json().csrfToken };
}

/** Injects a request as a session (CSRF header included). */
export function call(ctx: TestContext, s: Session | null, method: string, url: string, payload?: unknown) {
  return ctx.app.inject({
    method: method as 'GET',
    url,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/**
 * Two subtrees for scoping tests: U (党委) → G (党总支) → A, B (branches); U → C2 (党委) → X (branch).
 * Users: admin; officerA (A, person sA); officerB (B); memberA (member, person mA); orgAdminC2; auditorU.
 */
export async function buildWorld(ctx: TestContext) {
  const { deps } = ctx;
  const s = uniq();
  const U = await insertOrg(deps, {
    parentId: null,
    kind: 'committee',
    code: `U${s}`,
    name: '中共测试大学委员会',
  });
  const G = await insertOrg(deps, {
    parentId: U.id,
    kind: 'general_branch',
    code: `G${s}`,
    name: '文学院党总支',
  });
  const A = await insertOrg(deps, {
    parentId: G.id,
    kind: 'branch',
    code: `A${s}`,
    name: '文学院教工第一党支部',
  });
  const B = await insertOrg(deps, {
    parentId: G.id,
    kind: 'branch',
    code: `B${s}`,
    name: '文学院教工第二党支部',
  });
  const C2 = await insertOrg(deps, { parentId: U.id, kind: 'committee', code: `C${s}`, name: '机关党委' });
  const X = await insertOrg(deps, {
    parentId: C2.id,
    kind: 'branch',
    code: `X${s}`,
    name: '组织部党支部',
    category: '机关',
  });
  const sA = await insertPerson(deps, { orgId: A.id, name: '王书记', gender: '男', birthDate: '1975-05-01' });
  const mA = await insertPerson(deps, {
    orgId: A.id,
    name: '李党员',
    gender: '女',
    birthDate: '1990-02-03',
    idNumber: '110105199002030048',
  });
  const mB = await insertPerson(deps, { orgId: B.id, name: '赵党员', gender: '男' });
  const mX = await insertPerson(deps, { orgId: X.id, name: '钱党员', gender: '女' });
  await insertUser(deps, `admin${s}`, [{ role: 'admin', orgCode: null, pii: true }]);
  await insertUser(deps, `officerA${s}`, [{ role: 'branch_officer', orgCode: A.code }], sA);
  await insertUser(deps, `officerB${s}`, [{ role: 'branch_officer', orgCode: B.code }]);
  await insertUser(deps, `memberA${s}`, [{ role: 'member', orgCode: A.code }], mA);
  await insertUser(deps, `orgAdminC2${s}`, [{ role: 'org_admin', orgCode: C2.code, pii: true }]);
  await insertUser(deps, `auditorU${s}`, [{ role: 'auditor', orgCode: U.code }]);
  const users = {
    admin: `admin${s}`,
    officerA: `officerA${s}`,
    officerB: `officerB${s}`,
    memberA: `memberA${s}`,
    orgAdminC2: `orgAdminC2${s}`,
    auditorU: `auditorU${s}`,
  };
  return { orgs: { U, G, A, B, C2, X }, people: { sA, mA, mB, mX }, users };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
