import { describe, expect, it } from 'vitest';
import { mergeDrafts } from './merge.ts';
import { getAt, setAt } from './paths.ts';

const base = {
  province: '330000',
  subject: { name: 'A', mailingAddress: 'old' },
  services: [{ name: 'S1', domains: [{ name: 'a.cn' }] }],
};

describe('draft paths', () => {
  it('reads and writes by the pre-check’s paths without touching the original', () => {
    const next = setAt(base, 'services[0].domains[0].holder', 'H');
    expect(getAt(next, 'services[0].domains[0].holder')).toBe('H');
    expect(getAt(base, 'services[0].domains[0].holder')).toBeUndefined();
    expect(getAt(setAt(base, 'services[1].access.ips[0]', '1.2.3.4'), 'services[1].access.ips')).toEqual(['1.2.3.4']);
    expect(getAt(setAt(base, 'subject.name', ''), 'subject')).toEqual({ mailingAddress: 'old' });
  });
});

describe('merging a draft changed in two places', () => {
  it('takes each side’s changes when they touch different fields', () => {
    const mine = setAt(base, 'subject.name', 'B');
    const theirs = setAt(base, 'subject.mailingAddress', 'new');
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(merged.subject).toEqual({ name: 'B', mailingAddress: 'new' });
    expect(conflicts).toEqual([]);
  });

  it('keeps the user’s typing where both changed a field, and says which', () => {
    const { merged, conflicts } = mergeDrafts(
      base,
      setAt(base, 'subject.name', 'mine'),
      setAt(base, 'subject.name', 'theirs'),
    );
    expect(getAt(merged, 'subject.name')).toBe('mine');
    expect(conflicts).toEqual(['subject.name']);
  });

  it('follows a service the other side added or removed', () => {
    const added = setAt(base, 'services[1]', { name: 'S2', domains: [{ name: 'b.cn' }] });
    expect(getAt(mergeDrafts(base, base, added).merged, 'services[1].name')).toBe('S2');
    const removed = { ...base, services: [] };
    expect(mergeDrafts(base, base, removed).merged.services).toEqual([]);
  });
});
