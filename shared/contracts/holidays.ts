// Schemas of the holiday-schedule channels: which years are known (shipped, added by
// pasting a State Council notice), and adding one. Spread into `contract` in ../contract.ts.
import { z } from 'zod';

const Year = z.string().regex(/^\d{4}$/);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const HolidayYearsSchema = z.object({
  /** The years the app ships published schedules for. */
  shipped: z.array(Year),
  /** The years the person added, newest first; an added year replaces the shipped one. */
  added: z.array(z.object({ year: Year, addedAt: z.string(), items: z.array(z.string()), days: z.number().int() })),
});
export type HolidayYears = z.infer<typeof HolidayYearsSchema>;

export const holidaysContract = {
  'holidays:list': { args: z.object({}).strict(), result: HolidayYearsSchema },
  /** Main parses the text again (never trusts the renderer's reading) and keeps the year. */
  'holidays:addNotice': {
    args: z.object({ text: z.string().min(1).max(20_000) }).strict(),
    result: z.object({ year: Year, holidays: z.array(DateText), workdays: z.array(DateText) }),
  },
} as const;
