import { preparePostgresTemplate } from './db.ts';

/** Vitest global setup: on PostgreSQL runs, migrate the template database once. */
export default async function setup() {
  if (process.env.DATABASE_URL) await preparePostgresTemplate(process.env.DATABASE_URL);
}
