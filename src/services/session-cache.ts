import { watchOf } from '../db/notify.ts';

/** How long a resolved session is reused without reading the database (wall time). */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;
const CHANNEL = 'zhibu_auth';

type Entry<T> = { value: T; lastSeenAt: number; until: number };

/**
 * Resolved sessions of one database, reused for {@link SESSION_CACHE_MS}: the member list and every
 * other route otherwise pay one statement per request for the session (docs/benchmarks.md `list`).
 * Correctness does not rest on the timeout: the database announces every change to sessions, users,
 * grants and org names/paths on `zhibu_auth` (migration 0011), and each notice empties the cache. A
 * lookup that began before a notice is not stored (generation check), so a read racing a logout cannot
 * put the old session back. Until the feed is listening — or after its connection is lost — nothing is
 * cached and every request reads the database.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  private live = false;

  /** Starts following the change feed; without one (or until it is up) the cache stays off. */
  follow(db: object): void {
    const watch = watchOf(db);
    if (!watch) return;
    watch(
      CHANNEL,
      () => this.clear(),
      () => {
        this.live = false;
        this.clear();
      },
    ).then(
      () => {
        this.clear();
        this.live = true;
      },
      () => {
        this.live = false;
      },
    );
  }

  get(key: string, now = performance.now()): Entry<T> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (!this.live || e.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** The generation to hand back to {@link put}: take it before reading the database. */
  begin(): number {
    return this.generation;
  }

  put(key: string, generation: number, value: T, lastSeenAt: number, now = performance.now()): void {
    if (!this.live || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, lastSeenAt, until: now + SESSION_CACHE_MS });
  }

  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<object, SessionCache<unknown>>();

/** The session cache of a database instance (created and subscribed on first use). */
export function sessionCacheOf<T>(db: object): SessionCache<T> {
  let c = caches.get(db);
  if (!c) {
    c = new SessionCache<unknown>();
    c.follow(db);
    caches.set(db, c);
  }
  return c as SessionCache<T>;
}
