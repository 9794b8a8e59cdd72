// Whether each wizard step is done, has problems, or is still to do. A step is ticked only when its own pre-check
// findings hold no error: the steps bar and the submit page must never tick a step with no website or with
// materials missing. The materials and face steps ask for what the first three steps decide (which certificates,
// which people), so they are not ticked either while those steps hold errors: a draft with no leader yet has no face
// check missing, but its face step is not done.
import type { Finding } from '../api/client.ts';
import { STEP, STEP_KEYS, stepOfFinding } from './fields.ts';

export type StepState = 'done' | 'error' | 'todo';

/** The steps whose content decides what the materials and face steps ask for. */
const DECIDING_STEPS = [STEP.subject, STEP.leader, STEP.services];

/** The errors a step's own fields (or uploads, or face checks) carry. */
export function stepErrors(findings: Finding[], step: number): Finding[] {
  return findings.filter((f) => f.severity === 'error' && stepOfFinding(f) === step);
}

/**
 * `findings`: the pre-check's (judged as submit will judge, once the order exists) plus any refused save;
 * `hasOrder`: materials and face checks need the order; `isSeen(n)`: the user has been past step n (or this is a
 * resubmission), so its problems are shown in red rather than as simply not done yet.
 */
export function stepStates(input: { findings: Finding[]; isChecked: boolean; hasOrder: boolean; isSeen(step: number): boolean }): StepState[] {
  return STEP_KEYS.map((_, step) => {
    if (step === STEP.submit) return 'todo';
    if (!input.isChecked) return 'todo';
    if ((step === STEP.materials || step === STEP.face) && !input.hasOrder) return 'todo';
    if ((step === STEP.materials || step === STEP.face) && DECIDING_STEPS.some((s) => stepErrors(input.findings, s).length > 0)) {
      return stepErrors(input.findings, step).length > 0 && input.isSeen(step) ? 'error' : 'todo';
    }
    if (stepErrors(input.findings, step).length === 0) return 'done';
    return input.isSeen(step) ? 'error' : 'todo';
  });
}
