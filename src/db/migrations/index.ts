import type { Migration } from 'kysely';
import * as m202611240001 from './202611240001_foundation.ts';
import * as m202611240002 from './202611240002_meetings.ts';
import * as m202611240003 from './202611240003_findings.ts';
import * as m202611240004 from './202611240004_parameter_overrides.ts';
import * as m202611240005 from './202611240005_meeting_workflow.ts';

/** Every migration, in order. Forward-only once released. */
export const migrations: Record<string, Migration> = {
  '202611240001_foundation': m202611240001,
  '202611240002_meetings': m202611240002,
  '202611240003_findings': m202611240003,
  '202611240004_parameter_overrides': m202611240004,
  '202611240005_meeting_workflow': m202611240005,
};
