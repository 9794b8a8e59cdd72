import { z } from 'zod';
import { parseFilingNumber } from '../rules/index.ts';
import type { IssuedNumbers, RegulatorEvent } from './port.ts';

const base = {
  id: z.string().trim().min(1).max(200),
  submissionId: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
};
const reason = z.object({ code: z.string().trim().min(1).max(100), path: z.string().max(300).optional(), note: z.string().max(2000).optional() });

/** What the platform accepts from an adapter, pushed or polled; anything else is logged and left unapplied. */
export const regulatorEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('sms_check_started'), expiresAt: z.iso.datetime({ offset: true }).optional() }),
  z.object({ ...base, type: z.literal('sms_check_passed') }),
  z.object({ ...base, type: z.literal('under_review') }),
  z.object({
    ...base,
    type: z.literal('approved'),
    numbers: z.object({
      subject: z.string().trim().min(1).max(100),
      services: z.array(z.object({ index: z.number().int().min(0).max(999), number: z.string().trim().min(1).max(100) })).max(1000),
    }),
  }),
  z.object({ ...base, type: z.literal('rejected'), reasons: z.array(reason).min(1).max(100) }),
]) satisfies z.ZodType<RegulatorEvent>;

/**
 * Why numbers from the regulator cannot be filed as they are, or undefined: the subject number must read as an ICP
 * filing number, and each service number must be one of that subject's, for a service the order has.
 */
export function numbersProblem(numbers: IssuedNumbers, serviceCount: number): string | undefined {
  const subject = parseFilingNumber(numbers.subject);
  if (!subject || subject.licence || subject.serviceIndex !== undefined || subject.normalised !== numbers.subject) {
    return `subject number ${JSON.stringify(numbers.subject)} is not an ICP filing number`;
  }
  const seen = new Set<string>();
  for (const service of numbers.services) {
    const parsed = parseFilingNumber(service.number);
    if (!parsed || parsed.subjectNumber !== numbers.subject || parsed.serviceIndex === undefined || parsed.normalised !== service.number) {
      return `service number ${JSON.stringify(service.number)} is not a number of ${numbers.subject}`;
    }
    if (service.index >= serviceCount) return `service number ${service.number} is for service ${service.index}, which the order does not have`;
    if (seen.has(service.number)) return `service number ${service.number} is given twice`;
    seen.add(service.number);
  }
  return undefined;
}
