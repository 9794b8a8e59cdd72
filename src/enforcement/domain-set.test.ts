import { describe, expect, it } from 'vitest';
import { DomainSet, NEEDS_ANALYSIS } from './domain-set.ts';

describe('DomainSet', () => {
  it('adds, finds and deletes names, and says when nothing changed', () => {
    const set = new DomainSet();
    expect(set.add('example.com')).toBe(true);
    expect(set.add('example.com')).toBe(false);
    expect(set.has('example.com')).toBe(true);
    expect(set.has('example.co')).toBe(false);
    expect(set.size).toBe(1);
    expect(set.delete('example.com')).toBe(true);
    expect(set.delete('example.com')).toBe(false);
    expect(set.has('example.com')).toBe(false);
    expect(set.size).toBe(0);
    expect(set.add('例子.中国')).toBe(false);
    expect(set.add('')).toBe(false);
  });

  it('stays exact through growth, deletions and the rebuilds they cause', () => {
    const set = new DomainSet(4, 16);
    const names = Array.from({ length: 20_000 }, (_, i) => `site${i}.example${i % 7}.cn`);
    for (const name of names) set.add(name);
    for (let i = 0; i < names.length; i += 2) set.delete(names[i]!);
    for (let i = 0; i < names.length; i += 4) set.add(names[i]!);
    for (let i = 0; i < names.length; i += 1) expect(set.has(names[i]!), names[i]).toBe(i % 2 === 1 || i % 4 === 0);
    expect(set.size).toBe(15_000);
    expect([...set.names()].sort()).toEqual(names.filter((_, i) => i % 2 === 1 || i % 4 === 0).sort());
  });

  it('loads names from ranges of one long text', () => {
    const set = new DomainSet();
    const text = 'a.cn b.com c.net';
    let start = 0;
    for (let i = 0; i <= text.length; i += 1) {
      if (i === text.length || text[i] === ' ') {
        set.addRange(text, start, i);
        start = i + 1;
      }
    }
    expect([...set.names()].sort()).toEqual(['a.cn', 'b.com', 'c.net']);
    const bytes = Buffer.from('d.cn a.cn');
    expect(set.addBytes(bytes, 0, 4)).toBe(true);
    expect(set.addBytes(bytes, 5, 9)).toBe(false);
    expect(set.allowsHost('www.d.cn')).toBe(1);
  });

  it('allows a host when it or a parent domain is in the set, in any case, with a port or a trailing dot', () => {
    const set = new DomainSet();
    set.add('example.com');
    set.add('example.com.cn');
    set.add('xn--fsqu00a.xn--fiqs8s');
    for (const host of ['example.com', 'www.example.com', 'A.B.C.Example.COM', 'www.example.com:8443', 'www.example.com.', 'shop.example.com.cn', 'www.xn--fsqu00a.xn--fiqs8s']) {
      expect(set.allowsHost(host), host).toBe(1);
    }
    for (const host of ['badexample.com', 'example.com.evil.net', 'com', 'com.cn', 'example.net', 'xexample.com.cn', '192.0.2.1', '192.0.2.1:80']) {
      expect(set.allowsHost(host), host).toBe(0);
    }
    for (const host of ['', '.', '..', 'a..example.com', '.example.com', 'www.例子.中国', '[2001:db8::1]:443', '2001:db8::1', 'evil/.example.com', 'a b.example.com', 'x'.repeat(300)]) {
      expect(set.allowsHost(host), host).toBe(NEEDS_ANALYSIS);
    }
  });
});
