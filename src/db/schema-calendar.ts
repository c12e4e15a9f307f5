import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A personal ICS feed token (the secret itself is never stored, only its SHA-256). */
export interface CalendarTokenTable {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
}
