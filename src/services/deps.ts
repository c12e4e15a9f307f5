import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PiiCrypto } from './infra/pii-crypto.ts';

/** What every service receives. Time comes from `clock`, never `new Date()`. */
export type Deps = {
  db: Kysely<DB>;
  clock: () => Date;
  crypto: PiiCrypto;
  sessionIdleMinutes: number;
  demo: boolean;
};

export type Tx = Transaction<DB> | Kysely<DB>;

/** The actor of a write, for the audit log. */
export type Actor = { id: string | null; name: string };
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };
