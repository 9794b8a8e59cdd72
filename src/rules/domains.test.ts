import { describe, expect, it } from 'vitest';
import validator from 'validator';
import { analyseDomain, approvedSuffixOf, isApprovedSuffix, normaliseDomain, registrableDomain, toUnicodeDomain } from './domains.ts';
import { APPROVED_SUFFIXES } from './data/tlds.ts';
import { findRegistrar } from './data/registrars.ts';

describe('normalisation and IDN', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s'], // ideographic full stop
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'], // full-width
    ['xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s'],
    ['exa mple.com', null],
    ['-bad.com', null],
    ['localhost', null],
    ['1.2.3.4', null],
    ['http://example.com', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it('round-trips IDN both ways', () => {
    expect(toUnicodeDomain('xn--fsqu00a.xn--fiqs8s')).toBe('例子.中国');
    expect(toUnicodeDomain(normaliseDomain('测试.公司') ?? '')).toBe('测试.公司');
  });

  it('agrees with validator.js isFQDN on ASCII hosts', () => {
    for (const host of ['example.com', 'a-b.example.cn', 'xn--fsqu00a.xn--fiqs8s', 'a.b.c.d.top', 'ex_ample.com', 'a..b.com', 'example.123']) {
      expect(normaliseDomain(host) !== null, host).toBe(validator.isFQDN(host));
    }
  });
});

describe('registrable domain', () => {
  it.each([
    ['www.example.com.cn', 'example.com.cn', 'example', true],
    ['example.gov.cn', 'example.gov.cn', 'example', false],
    ['a.b.example.top', 'example.top', 'example', true],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a', false],
    ['www.例子.公司', 'xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a', true],
    // 政务.cn is an approved suffix missing from the public-suffix list
    ['www.某局.政务.cn', `${normaliseDomain('某局.政务.cn')}`, normaliseDomain('某局.com')?.split('.')[0] ?? '', true],
    ['example.bj.cn', 'example.bj.cn', 'example', false],
  ])('%s → %s', (host, registrable, label, isSub) => {
    const a = analyseDomain(host);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.registrable).toBe(registrable);
    expect(a.label).toBe(label);
    expect(a.isSubdomain).toBe(isSub);
  });

  it('explains what is wrong', () => {
    expect(analyseDomain('')).toEqual({ ok: false, problem: 'empty' });
    expect(analyseDomain('https://example.com/path')).toEqual({ ok: false, problem: 'url' });
    expect(analyseDomain('example.com/index.html')).toEqual({ ok: false, problem: 'url' });
    expect(analyseDomain('10.0.0.1')).toEqual({ ok: false, problem: 'ip' });
    expect(analyseDomain('com.cn')).toEqual({ ok: false, problem: 'suffix_only' });
    expect(analyseDomain('bad_label!.com')).toEqual({ ok: false, problem: 'invalid' });
    expect(registrableDomain('nope')).toBeNull();
  });
});

describe('MIIT-approved suffixes', () => {
  it.each([
    ['example.com', true],
    ['example.cn', true],
    ['example.com.cn', true],
    ['example.gov.cn', true],
    ['例子.中国', true],
    ['例子.公司', true],
    ['xn--fsqu00a.xn--55qx5d', true],
    ['example.top', true],
    ['example.xyz', true],
    ['example.me', true],
    ['example.org', false],
    ['example.io', false],
    ['example.dev', false],
    ['example.app', false],
    ['example.ai', false],
    ['example.co.uk', false],
  ])('%s → %s', (host, approved) => {
    expect(isApprovedSuffix(host)).toBe(approved);
  });

  it('flags entries whose status is uncertain', () => {
    expect(approvedSuffixOf('example.pw')?.status).toBe('reported-unverified');
    expect(approvedSuffixOf('example.cloud')?.caveat).toMatch(/re-verify/);
    expect(approvedSuffixOf(normaliseDomain('例子.中國') ?? '')?.status).toBe('reported-unverified');
  });

  it('keeps every entry sourced and both forms consistent', () => {
    expect(APPROVED_SUFFIXES.length).toBeGreaterThan(190);
    for (const s of APPROVED_SUFFIXES) {
      expect(s.source.length).toBeGreaterThan(10);
      expect(s.lastConfirmed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(normaliseDomain(`x.${s.suffix}`)).toBe(`x.${s.ascii}`);
    }
    // the 34 provincial-level .cn suffixes (bj.cn … mo.cn), ac.cn being a category suffix
    expect(APPROVED_SUFFIXES.filter((s) => /^[a-z]{2}\.cn$/.test(s.suffix) && s.suffix !== 'ac.cn').length).toBe(34);
  });
});

describe('registrars', () => {
  it.each([
    ['Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)', 'approved'],
    ['阿里云计算有限公司', 'approved'],
    ['DNSPod, Inc.', 'approved'],
    ['Xin Net Technology Corporation', 'approved'],
    ['GoDaddy.com, LLC', 'foreign'],
    ['NameCheap, Inc.', 'foreign'],
  ])('%s → %s', (name, status) => {
    expect(findRegistrar(name)?.status).toBe(status);
  });

  it('does not guess an unknown registrar', () => {
    expect(findRegistrar('Some Registrar Ltd')).toBeUndefined();
    expect(findRegistrar('')).toBeUndefined();
  });
});
