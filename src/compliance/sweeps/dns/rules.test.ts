import { describe, expect, it } from 'vitest';
import ipaddr from 'ipaddr.js';
import { dottedQuadNumber, isInsideNetworks, judgeShellSite, namesOf, parseAccessNetworks, type NameLookup } from './rules.ts';

const NETWORKS = parseAccessNetworks(['47.96.0.0/16', '2408:4000::/20']);
const RESOLVER = '127.0.0.1:5353';
const answered = (name: string, type: 'A' | 'AAAA', ...addresses: string[]): NameLookup => ({ name, type, result: { kind: 'answered', addresses } });
const empty = (name: string, type: 'A' | 'AAAA'): NameLookup => ({ name, type, result: { kind: 'empty' } });
const failed = (name: string, type: 'A' | 'AAAA', error: string): NameLookup => ({ name, type, result: { kind: 'failed', error } });

describe('access networks', () => {
  it.each([
    ['47.96.1.2', true],
    ['47.97.0.1', false],
    ['2408:4001::1', true],
    ['2409::1', false],
    ['::ffff:47.96.3.4', true],
    ['::ffff:8.8.8.8', false],
    ['not-an-address', false],
  ])('%s inside the access networks: %s', (address, isInside) => {
    expect(isInsideNetworks(address, NETWORKS)).toBe(isInside);
  });

  it('looks up the domain and its www.', () => {
    expect(namesOf('yunqi-demo.cn')).toEqual(['yunqi-demo.cn', 'www.yunqi-demo.cn']);
  });
});

describe('the shell-site judgement', () => {
  it('finds nothing when every answer is inside the access networks', () => {
    const lookups = [answered('a.cn', 'A', '47.96.0.10'), answered('a.cn', 'AAAA', '2408:4000::5'), answered('www.a.cn', 'A', '47.96.9.9'), empty('www.a.cn', 'AAAA')];
    expect(judgeShellSite(lookups, NETWORKS, RESOLVER)).toEqual({ outcome: 'checked', observations: [] });
  });

  it('opens SHELL_SITE with the name, all its answers, those outside and the resolver when one answer is outside', () => {
    const lookups = [answered('a.cn', 'A', '47.96.0.10'), empty('a.cn', 'AAAA'), answered('www.a.cn', 'A', '47.96.0.10', '203.0.113.9'), empty('www.a.cn', 'AAAA')];
    expect(judgeShellSite(lookups, NETWORKS, RESOLVER)).toEqual({
      outcome: 'checked',
      observations: [{ code: 'SHELL_SITE', evidence: { name: 'www.a.cn', answers: ['47.96.0.10', '203.0.113.9'], outside: ['203.0.113.9'], resolver: RESOLVER, accessCidrs: ['47.96.0.0/16', '2408:4000::/20'] } }],
    });
  });

  it('counts an AAAA answer outside the networks as a shell site too', () => {
    const result = judgeShellSite([answered('a.cn', 'A', '47.96.0.10'), answered('a.cn', 'AAAA', '2001:db8::1')], NETWORKS, RESOLVER);
    expect(result).toMatchObject({ outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: { name: 'a.cn', outside: ['2001:db8::1'] } }] });
  });

  it('has nothing to judge when neither name exists or has an address: checked, no finding', () => {
    const lookups = [empty('a.cn', 'A'), empty('a.cn', 'AAAA'), empty('www.a.cn', 'A'), empty('www.a.cn', 'AAAA')];
    expect(judgeShellSite(lookups, NETWORKS, RESOLVER)).toEqual({ outcome: 'checked', observations: [] });
  });

  it('leaves the domain unchecked when any look-up failed, even if another answer is outside', () => {
    const lookups = [answered('a.cn', 'A', '203.0.113.9'), failed('www.a.cn', 'A', 'ETIMEOUT'), empty('a.cn', 'AAAA'), failed('www.a.cn', 'AAAA', 'ESERVFAIL')];
    expect(judgeShellSite(lookups, NETWORKS, RESOLVER)).toEqual({ outcome: 'failed', error: 'www.a.cn A: ETIMEOUT; www.a.cn AAAA: ESERVFAIL' });
  });
});

describe('dotted quads', () => {
  it.each([
    ['10.0.0.1', 0x0a000001],
    ['255.255.255.255', 0xffffffff],
    ['0.0.0.0', 0],
    ['203.0.113.9', 0xcb007109],
  ])('reads %s as a number', (address, value) => {
    expect(dottedQuadNumber(address)).toBe(value);
  });

  it.each(['010.0.0.1', '256.0.0.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4.', '0x0a.0.0.1', '::1', '', '1234.0.0.1'])('leaves %s to ipaddr.js', (address) => {
    expect(dottedQuadNumber(address)).toBe(-1);
  });

  it('matches as ipaddr.js does on both sides of every prefix length (host bits in the CIDR ignored, as ipaddr.js does)', () => {
    for (let prefix = 0; prefix <= 32; prefix++) {
      const cidr = `172.16.200.77/${prefix}`;
      const networks = parseAccessNetworks([cidr]);
      for (const address of ['172.16.200.77', '172.16.200.76', '172.16.201.1', '172.17.0.1', '172.144.0.1', '10.0.0.1', '255.255.255.255', '0.0.0.0']) {
        expect(isInsideNetworks(address, networks), `${address} in ${cidr}`).toBe(ipaddr.parse(address).match(ipaddr.parseCIDR(cidr)));
      }
    }
  });
});
