import type { Migration } from 'kysely';
import * as m202611240001 from './202611240001_foundation.ts';
import * as m202611240002 from './202611240002_meetings.ts';
import * as m202611240003 from './202611240003_findings.ts';
import * as m202611240004 from './202611240004_parameter_overrides.ts';
import * as m202611240005 from './202611240005_meeting_workflow.ts';
import * as m202611240006 from './202611240006_study.ts';
import * as m202611240007 from './202611240007_calendar_feed.ts';
import * as m202611240008 from './202611240008_annual_plan.ts';
import * as m202611240009 from './202611240009_meeting_attachments.ts';
import * as m202611240010 from './202611240010_indicator_scores.ts';
import * as m202611240011 from './202611240011_member_counts.ts';
import * as m202611240012 from './202611240012_study_totals.ts';
import * as m202611240013 from './202611240013_person_list_item.ts';
import * as m202611240014 from './202611240014_study_credit_totals.ts';
import * as m202611240015 from './202611240015_absence_months.ts';
import * as m202611240016 from './202611240016_life_fact_indexes.ts';
import * as m202611240017 from './202611240017_person_admission.ts';
import * as m202611240018 from './202611240018_evaluation_indexes.ts';
import * as m202611240019 from './202611240019_study_total_sums.ts';
import * as m202611240020 from './202611240020_voter_indexes.ts';
import * as m202611240021 from './202611240021_study_person_years.ts';
import * as m202611240022 from './202611240022_attendance_away.ts';

/** Every migration, in order. Forward-only once released. */
export const migrations: Record<string, Migration> = {
  '202611240001_foundation': m202611240001,
  '202611240002_meetings': m202611240002,
  '202611240003_findings': m202611240003,
  '202611240004_parameter_overrides': m202611240004,
  '202611240005_meeting_workflow': m202611240005,
  '202611240006_study': m202611240006,
  '202611240007_calendar_feed': m202611240007,
  '202611240008_annual_plan': m202611240008,
  '202611240009_meeting_attachments': m202611240009,
  '202611240010_indicator_scores': m202611240010,
  '202611240011_member_counts': m202611240011,
  '202611240012_study_totals': m202611240012,
  '202611240013_person_list_item': m202611240013,
  '202611240014_study_credit_totals': m202611240014,
  '202611240015_absence_months': m202611240015,
  '202611240016_life_fact_indexes': m202611240016,
  '202611240017_person_admission': m202611240017,
  '202611240018_evaluation_indexes': m202611240018,
  '202611240019_study_total_sums': m202611240019,
  '202611240020_voter_indexes': m202611240020,
  '202611240021_study_person_years': m202611240021,
  '202611240022_attendance_away': m202611240022,
};
