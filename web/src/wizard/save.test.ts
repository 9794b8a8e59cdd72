import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { EMPTY_SERVICE, holdsSomething, refusalFindings, saveStateOf } from './useDraftOrder.ts';

const error = (status: number, fields: { path: string }[] = []) =>
  new ApiError(status, 'X', { zh: '错', en: 'wrong' }, { fields: fields.map((f) => ({ ...f, message: { zh: '错', en: 'wrong' } })) });

describe('saving the draft', () => {
  it('tells a lost connection, a failing server, an ended session and a refusal apart', () => {
    expect(saveStateOf(error(0))).toBe('offline');
    expect(saveStateOf(error(503))).toBe('failed');
    expect(saveStateOf(error(401))).toBe('signedOut');
    expect(saveStateOf(error(400))).toBe('refused');
    expect(saveStateOf(error(409))).toBe('refused');
  });

  it('puts a refusal’s problems on the draft fields they name', () => {
    const findings = refusalFindings(error(400, [{ path: 'draft.subject.name' }, { path: 'body.draft.services[0].name' }, { path: 'headers.if-match' }]));
    expect(findings.map((f) => f.path)).toEqual(['subject.name', 'services[0].name']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('creates no order for a draft that holds nothing typed', () => {
    expect(holdsSomething({ province: '', subject: {}, services: [EMPTY_SERVICE] })).toBe(false);
    expect(holdsSomething({ province: '330000', subject: {}, services: [EMPTY_SERVICE] })).toBe(true);
    expect(holdsSomething({ subject: { name: '  ' } })).toBe(false);
  });
});
