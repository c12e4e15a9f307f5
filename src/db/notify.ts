/**
 * Database change feeds (LISTEN/NOTIFY) per opened database: `watch(channel, onNotify, onLost)` starts
 * listening and resolves once the subscription is active. PostgreSQL listens on one dedicated client
 * outside the pool; PGlite on its single connection. `onLost` tells the subscriber that notifications may
 * have been missed (connection dropped): it must stop trusting anything it cached.
 */
export type Watch = (channel: string, onNotify: () => void, onLost: () => void) => Promise<void>;

const watchers = new WeakMap<object, Watch>();

export function registerWatch(db: object, watch: Watch): void {
  watchers.set(db, watch);
}

/** The change feed of a database opened by connect.ts, if any. */
export function watchOf(db: object): Watch | undefined {
  return watchers.get(db);
}
