import type { Migration } from 'kysely';
import * as m202611240001 from './202611240001_foundation.ts';

/** Every migration, in order. Forward-only once released. */
export const migrations: Record<string, Migration> = {
  '202611240001_foundation': m202611240001,
};
