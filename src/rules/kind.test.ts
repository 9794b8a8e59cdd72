import { describe, expect, it } from 'vitest';
import type { FilingKind } from './draft.ts';
import { NOTHING_KNOWN, decideKind, detectKind, serviceKey } from './kind.ts';
import type { KnownFilings } from './kind.ts';
import { enterpriseDraft } from './testing/fixtures.ts';

const draft = enterpriseDraft('330000', 2); // jiayi0.com, jiayi1.com
const filed = (keys: string[], accessedHere: boolean) => keys.map((key) => ({ key, accessedHere }));

describe('detectKind — the decision table of anchors §1.2', () => {
  it.each<[string, KnownFilings, FilingKind | null]>([
    ['nothing known', NOTHING_KNOWN, 'first_filing'],
    ['nothing known, sites filed elsewhere', { subject: 'unknown', filedServices: filed(['jiayi0.com', 'jiayi1.com'], false) }, 'connect'],
    ['subject unknown to the regulator', { subject: 'none' }, 'first_filing'],
    ['domain filed by another subject', { subject: 'none', filedServices: filed(['jiayi0.com', 'jiayi1.com'], false) }, null],
    ['subject filed here, new sites', { subject: 'here', filedServices: filed(['old.com'], true) }, 'new_service_subject_here'],
    ['subject filed elsewhere, new sites', { subject: 'elsewhere', filedServices: filed(['old.com'], false) }, 'new_service_subject_elsewhere'],
    ['subject and sites filed elsewhere', { subject: 'elsewhere', filedServices: filed(['jiayi0.com', 'jiayi1.com'], false) }, 'connect'],
    ['subject here, sites accessed elsewhere', { subject: 'here', filedServices: filed(['jiayi0.com', 'jiayi1.com'], false) }, 'connect'],
    ['sites already filed here', { subject: 'here', filedServices: filed(['jiayi0.com', 'jiayi1.com'], true) }, null],
    ['mix of filed and new sites', { subject: 'elsewhere', filedServices: filed(['jiayi0.com'], false) }, null],
    ['shell subject in Zhejiang (may add)', { subject: 'here', subjectIsShell: true, filedServices: [] }, 'new_service_subject_here'],
    ['requested change', { subject: 'here', requestedKind: 'change_service' }, 'change_service'],
    ['requested cancel without a subject here', { subject: 'elsewhere', requestedKind: 'cancel_subject' }, null],
  ])('%s', (_, known, expected) => {
    expect(detectKind(draft, known)).toBe(expected);
  });

  it('makes a shell subject cancel first outside the eleven provinces', () => {
    const gd = enterpriseDraft('440000');
    expect(decideKind(gd, { subject: 'elsewhere', subjectIsShell: true })).toEqual({
      kind: null,
      blocker: { code: 'SHELL_SUBJECT_CANCEL_FIRST', path: 'subject' },
    });
  });

  it('cannot decide without services', () => {
    expect(detectKind({ ...draft, services: [] }, NOTHING_KNOWN)).toBeNull();
    expect(detectKind({}, NOTHING_KNOWN)).toBeNull();
  });

  it('keys websites by registrable domain and Apps by package', () => {
    expect(serviceKey({ kind: 'website', domains: [{ name: 'WWW.Example.com.cn' }] })).toBe('example.com.cn');
    expect(serviceKey({ kind: 'website', domains: [{ name: '例子.中国' }] })).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(serviceKey({ kind: 'app', name: '助手', app: { packageName: 'com.example.app' } })).toBe('com.example.app');
    expect(serviceKey({ kind: 'website', domains: [{ name: 'http://bad' }] })).toBeUndefined();
  });

  it('matches a sub-domain in the draft with its filed registrable domain', () => {
    const d = enterpriseDraft();
    d.services[0]!.domains[0]!.name = 'www.jiayi0.com';
    expect(detectKind(d, { subject: 'elsewhere', filedServices: filed(['jiayi0.com'], false) })).toBe('connect');
  });
});
