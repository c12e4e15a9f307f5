import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, buildWorld, call, loginAs, PASSWORD } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('auth', () => {
  let ctx: TestContext;
  let w: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  const login = (username: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('sets an httpOnly SameSite session cookie and returns the CSRF token', async () => {
    const res = await login(w.users.officerA, PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'zhibu_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().homeOrgIds).toEqual([w.orgs.A.id]);
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const a = await login('nobody', 'whatever1');
    const b = await login(w.users.officerB, 'wrong-pass1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
  });

  it('locks the account after 5 failed logins for 15 minutes, then lets it in again', async () => {
    const user = w.users.auditorU;
    for (let i = 0; i < 4; i++) expect((await login(user, 'bad-password1')).statusCode).toBe(401);
    const fifth = await login(user, 'bad-password1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('account_locked');
    expect((await login(user, PASSWORD)).statusCode).toBe(423);
    ctx.clock.advanceMinutes(14);
    expect((await login(user, PASSWORD)).statusCode).toBe(423);
    ctx.clock.advanceMinutes(2);
    expect((await login(user, PASSWORD)).statusCode).toBe(200);
  });

  it('expires an idle session and keeps an active one', async () => {
    const s = await loginAs(ctx, w.users.memberA);
    ctx.clock.advanceMinutes(100);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(100);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(121);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const s = await loginAs(ctx, w.users.officerB);
    expect((await call(ctx, s, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password only with the old one, and refuses a weak new one', async () => {
    const s = await loginAs(ctx, w.users.officerB);
    const weak = await call(ctx, s, 'POST', '/api/auth/password', {
      oldPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].path).toBe('newPassword');
    const wrongOld = await call(ctx, s, 'POST', '/api/auth/password', {
      oldPassword: 'nope',
      newPassword: 'NewPassw0rd',
    });
    expect(wrongOld.statusCode).toBe(400);
    expect(
      (
        await call(ctx, s, 'POST', '/api/auth/password', {
          oldPassword: PASSWORD,
          newPassword: 'NewPassw0rd',
        })
      ).statusCode,
    ).toBe(200);
    expect((await login(w.users.officerB, 'NewPassw0rd')).statusCode).toBe(200);
    expect((await login(w.users.officerB, PASSWORD)).statusCode).toBe(401);
  });

  it('rate-limits login attempts from one address', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: `ghost${i}`, password: 'x' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
