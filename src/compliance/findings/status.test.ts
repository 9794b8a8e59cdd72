import { describe, expect, it } from 'vitest';
import { FINDING_ACTIONS, FINDING_STATUSES, nextFindingStatus } from './status.ts';

describe('finding status', () => {
  it('decides an open finding once: closed, waived or revoked; extending keeps it open', () => {
    expect(nextFindingStatus('open', 'close')).toBe('closed');
    expect(nextFindingStatus('open', 'waive')).toBe('waived');
    expect(nextFindingStatus('open', 'revoke')).toBe('revoked');
    expect(nextFindingStatus('open', 'extend')).toBe('open');
  });

  it('lets nothing leave an end state', () => {
    for (const status of FINDING_STATUSES.filter((s) => s !== 'open')) {
      for (const action of FINDING_ACTIONS) expect(nextFindingStatus(status, action), `${status} ${action}`).toBeNull();
    }
  });
});
