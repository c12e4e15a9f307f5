import { z } from 'zod';

export const ParticipationQuery = z.object({
  year: z.coerce
    .number()
    .int('年份应为整数')
    .min(2000, '年份不早于2000年')
    .max(2100, '年份不晚于2100年')
    .optional(),
});

/** LIFE-018 alert level of a streak: 3 months → info, 5 → warn, 6 → violation (product defaults). */
export const StreakLevel = z.enum(['info', 'warn', 'violation']).nullable();

export const ParticipationMember = z.object({
  personId: z.string(),
  name: z.string(),
  /** First day of the member's stay in this org as a party member. */
  since: z.string(),
  /** Member-wide records of this org in the year up to asOf (LIFE-019). */
  attended: z.number().int(),
  expected: z.number().int(),
  leave: z.number().int(),
  rate: z.number().nullable(),
  /** Current non-participation streak as of asOf (LIFE-018), ended months only. */
  streakMonths: z.number().int(),
  streakFrom: z.string().nullable(),
  streakTo: z.string().nullable(),
  level: StreakLevel,
});
export type ParticipationMember = z.infer<typeof ParticipationMember>;

export const ParticipationResponse = z.object({
  orgId: z.string(),
  year: z.number().int(),
  /** Day the figures are computed for: today, or Dec 31 of a past year. */
  asOf: z.string(),
  /** life.participation.target in force (null = no target set). */
  target: z.number().nullable(),
  lapseMonths: z.number().int(),
  alertMonths: z.array(z.number().int()),
  total: z.object({ attended: z.number().int(), expected: z.number().int(), rate: z.number().nullable() }),
  members: z.array(ParticipationMember),
});
export type ParticipationResponse = z.infer<typeof ParticipationResponse>;
