// The regulator's SMS check (SPEC §6 step 4, anchors: MIIT texts each responsible person's mobile): a 6-digit code,
// valid 24 hours from the first text (a resend does not extend it), five wrong codes at most, five texts at most.
export const SMS_CHECK = {
  windowMs: 24 * 3600_000,
  maxWrongCodes: 5,
  maxSends: 5,
} as const;
