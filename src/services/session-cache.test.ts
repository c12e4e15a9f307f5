import { describe, expect, it } from 'vitest';
import { registerWatch } from '../db/notify.ts';
import { SESSION_CACHE_MS, SessionCache } from './session-cache.ts';

/** A fake database whose change feed the test drives. */
function feed() {
  const db = {};
  const h: { notify?: () => void; lose?: () => void; up?: () => void } = {};
  registerWatch(db, (_channel, onNotify, onLost) => {
    h.notify = onNotify;
    h.lose = onLost;
    return new Promise<void>((resolve) => {
      h.up = resolve;
    });
  });
  return { db, h };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A cache following a fake feed that is already listening. */
async function liveCache() {
  const { db, h } = feed();
  const c = new SessionCache<string>();
  c.follow(db);
  h.up?.();
  await flush();
  return { c, h };
}

describe('SessionCache (sessions reused briefly, emptied by every change notice)', () => {
  it('caches nothing until the change feed is listening, then reuses an entry until its time is up', async () => {
    const { db, h } = feed();
    const c = new SessionCache<string>();
    c.follow(db);
    c.put('t', c.begin(), 'caller', 0, 1000);
    expect(c.get('t', 1001)).toBeUndefined();
    h.up?.();
    await flush();
    c.put('t', c.begin(), 'caller', 0, 1000);
    expect(c.get('t', 1000 + SESSION_CACHE_MS - 1)?.value).toBe('caller');
    expect(c.get('t', 1000 + SESSION_CACHE_MS)).toBeUndefined();
  });

  it('a change notice empties it, and a lookup that began before the notice is not stored', async () => {
    const { c, h } = await liveCache();
    c.put('a', c.begin(), 'A', 0, 0);
    const racing = c.begin(); // a request reads the session row …
    h.notify?.(); // … while a logout commits elsewhere
    expect(c.get('a', 1)).toBeUndefined();
    c.put('b', racing, 'stale', 0, 1);
    expect(c.get('b', 2)).toBeUndefined();
    c.put('b', c.begin(), 'fresh', 0, 3);
    expect(c.get('b', 4)?.value).toBe('fresh');
  });

  it('a lost feed turns caching off (notices may have been missed)', async () => {
    const { c, h } = await liveCache();
    c.put('a', c.begin(), 'A', 0, 0);
    h.lose?.();
    expect(c.get('a', 1)).toBeUndefined();
    c.put('a', c.begin(), 'A', 0, 2);
    expect(c.get('a', 3)).toBeUndefined();
  });

  it('without a change feed it never caches', () => {
    const c = new SessionCache<string>();
    c.follow({});
    c.put('a', c.begin(), 'A', 0, 0);
    expect(c.get('a', 1)).toBeUndefined();
  });
});
