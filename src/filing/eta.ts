import { PLATFORM_CALENDAR, calendarGapWarning, provinceReviewWorkdays, uncoveredYears } from '../rules/index.ts';
import type { Order } from './repo.ts';
import type { OrderStatus } from './status.ts';

/** Typical workdays each remaining step takes (SPEC §6); the regulator's review depends on the province. */
const PIPELINE: { status: OrderStatus; workdays: (regulatorWorkdays: number) => number }[] = [
  { status: 'provider_review', workdays: () => 1 },
  { status: 'awaiting_regulator', workdays: () => 1 },
  { status: 'sms_verification', workdays: () => 1 },
  { status: 'regulator_review', workdays: (days) => days },
];

export type Eta = {
  at: string;
  regulatorWorkdays: number;
  /** Past the holiday data only weekends are known. */
  isApproximate: boolean;
  /** Present when isApproximate: which year's holiday calendar is missing (not published yet), zh/en. */
  calendarWarning?: { zh: string; en: string };
  /** When each step still ahead (including the current one) should be done. */
  steps: { status: OrderStatus; expectedBy: string }[];
};

/** When the order should be decided, step by step, in workdays from now. Undefined once decided or abandoned. */
export function estimateCompletion(now: Date, order: Order): Eta | undefined {
  if (!order.province) return undefined;
  const regulatorWorkdays = provinceReviewWorkdays(order.province);
  if (regulatorWorkdays === undefined) return undefined;
  const current = PIPELINE.findIndex((step) => step.status === order.status);
  const isWithApplicant = ['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'].includes(order.status);
  if (current < 0 && !isWithApplicant) return undefined;
  let at = now;
  const steps = PIPELINE.slice(current < 0 ? 0 : current).map((step) => {
    at = PLATFORM_CALENDAR.addBusinessDays(at, step.workdays(regulatorWorkdays));
    return { status: step.status, expectedBy: at.toISOString() };
  });
  const calendarWarning = calendarGapWarning(uncoveredYears(now, at));
  return { at: at.toISOString(), regulatorWorkdays, isApproximate: calendarWarning !== undefined, steps, ...(calendarWarning ? { calendarWarning } : {}) };
}
