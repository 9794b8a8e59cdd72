import type { AppContext } from '../core/context.ts';

/**
 * What the platform needs from the regulator (MIIT / the provincial 管局). A real adapter would submit through the
 * provider's regulator interface; the built-in simulator (./simulator) plays the regulator in demo and test mode,
 * on the application clock, taking orders from the outbox event order.awaiting_regulator and reporting back by
 * moving the order through the filing context's transitions.
 */
export interface Regulator {
  /** The national SMS check: a responsible person types the code they received. */
  verifySms(ctx: AppContext, input: { mobile: string; code: string }): Promise<SmsVerifyResult>;
  /** A new code to the same mobile; the 24-hour window does not restart. */
  resendSms(ctx: AppContext, input: { mobile: string }): Promise<{ sent: boolean }>;
}

export type SmsVerifyResult =
  | { outcome: 'confirmed'; orderNumber: string; remaining: number }
  | { outcome: 'wrong_code'; attemptsLeft: number }
  | { outcome: 'locked' | 'expired' | 'unknown' };
