import { describe, expect, it } from 'vitest';
import type { Finding } from '../api/client.ts';
import { STEP } from './fields.ts';
import { stepErrors, stepStates } from './steps.ts';

const finding = (code: string, path: string, severity: Finding['severity'] = 'error'): Finding => ({
  code,
  severity,
  path,
  message: { zh: code, en: code },
});

describe('wizard steps', () => {
  const findings = [
    finding('KIND_UNDECIDED', 'services'),
    finding('MATERIAL_MISSING', 'materials'),
    finding('FACE_VERIFICATION_MISSING', 'subject.leader'),
    finding('DOMAIN_REAL_NAME_TOO_RECENT', 'services[0].domains[0]', 'warning'),
  ];

  it('ticks only the steps whose own findings hold no error', () => {
    const states = stepStates({ findings, isChecked: true, hasOrder: true, isSeen: () => true });
    expect(states).toEqual(['done', 'done', 'error', 'error', 'error', 'todo']);
  });

  it('ticks nothing before the findings belong to the draft, and no upload step before the order exists', () => {
    expect(stepStates({ findings: [], isChecked: false, hasOrder: true, isSeen: () => true })).toEqual([
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
    ]);
    expect(stepStates({ findings: [], isChecked: true, hasOrder: false, isSeen: () => false })).toEqual([
      'done',
      'done',
      'done',
      'todo',
      'todo',
      'todo',
    ]);
  });

  it('does not tick the materials or face step while the steps that decide what they ask for hold errors', () => {
    // No leader typed yet: no face check is missing, yet nothing has been checked either.
    const noLeader = [
      finding('FIELD_REQUIRED', 'subject.leader.name'),
      finding('FIELD_REQUIRED', 'services[0].domains[0].name'),
    ];
    expect(stepStates({ findings: noLeader, isChecked: true, hasOrder: true, isSeen: () => true })).toEqual([
      'done',
      'error',
      'error',
      'todo',
      'todo',
      'todo',
    ]);
    // Its own errors still show once seen.
    const both = [...noLeader, finding('MATERIAL_MISSING', 'materials')];
    expect(stepStates({ findings: both, isChecked: true, hasOrder: true, isSeen: () => true })[STEP.materials]).toBe(
      'error',
    );
    // With the first three steps right, an empty face step is done (nobody left to check).
    expect(stepStates({ findings: [], isChecked: true, hasOrder: true, isSeen: () => true })[STEP.face]).toBe('done');
  });

  it('shows a step not yet reached as to do, not as failed', () => {
    const states = stepStates({ findings, isChecked: true, hasOrder: true, isSeen: (n) => n < STEP.services });
    expect(states[STEP.services]).toBe('todo');
  });

  it('lists a step’s errors, not its warnings', () => {
    expect(stepErrors(findings, STEP.services).map((f) => f.code)).toEqual(['KIND_UNDECIDED']);
  });
});
