import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { assertDraftWithinLimits, DRAFT_TEXT_MAX, overlongTexts } from './draft-limits.ts';

describe('draft limits', () => {
  it('names every overlong text by its draft path', () => {
    const long = 'x'.repeat(DRAFT_TEXT_MAX + 1);
    expect(overlongTexts({ subject: { name: 'ok', leader: { name: long } }, services: [{ domains: [{ name: long }] }] })).toEqual([
      { path: 'subject.leader.name', length: DRAFT_TEXT_MAX + 1 },
      { path: 'services[0].domains[0].name', length: DRAFT_TEXT_MAX + 1 },
    ]);
    expect(overlongTexts({ remarks: 'x'.repeat(DRAFT_TEXT_MAX) })).toEqual([]);
  });

  it('refuses with a field problem under draft.', () => {
    try {
      assertDraftWithinLimits({ subject: { mailingAddress: 'x'.repeat(DRAFT_TEXT_MAX + 5) } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toMatchObject({ fields: [{ path: 'draft.subject.mailingAddress' }] });
    }
  });
});
