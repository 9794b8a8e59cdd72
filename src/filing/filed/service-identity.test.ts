import { describe, expect, it } from 'vitest';
import { identifyRecordServices, type FiledServiceRow } from './service-identity.ts';

const S = '浙ICP备2026000001号';
const site = (domain: string, extra: Record<string, unknown> = {}) => ({ kind: 'website', name: `站点 ${domain}`, domains: [{ name: `www.${domain}` }], ...extra });
const appNamed = (name: string, extra: Record<string, unknown> = {}) => ({ kind: 'app', name, domains: [], ...extra });
const row = (seq: number, kind: string, domain: string | null, name = ''): FiledServiceRow => ({
  number: `${S}-${seq}${kind === 'app' ? 'A' : kind === 'mini_program' ? 'X' : ''}`,
  seq,
  kind,
  domain,
  name,
});

describe('identifyRecordServices', () => {
  it('takes the number the record carries, then the website’s registrable domain', () => {
    const filed = [row(1, 'website', 'a.cn'), row(2, 'app', null, '助手'), row(3, 'website', 'b.cn')];
    expect(identifyRecordServices([site('b.cn'), appNamed('改名助手', { filedNumber: `${S}-2A` }), site('a.cn')], filed)).toEqual([`${S}-3`, `${S}-2A`, `${S}-1`]);
  });

  it('numbers an App of an older record by its position: services[i] was filed as seq i + 1', () => {
    // A record written before numbers were kept, whose change re-filed the App under -3A (the old behaviour).
    const filed = [row(1, 'website', 'a.cn'), row(2, 'app', null, '助手'), row(3, 'app', null, '新助手')];
    expect(identifyRecordServices([site('a.cn'), appNamed('新助手')], filed)).toEqual([`${S}-1`, `${S}-2A`]);
  });

  it('falls back to kind and name when the position holds another kind, and leaves unknown services unnumbered', () => {
    const filed = [row(1, 'website', 'a.cn'), row(2, 'mini_program', null, '小程序'), row(3, 'app', null, '助手')];
    expect(identifyRecordServices([appNamed('助手'), site('a.cn')], filed)).toEqual([`${S}-3A`, `${S}-1`]);
    expect(identifyRecordServices([site('a.cn'), appNamed('助手'), appNamed('别的'), appNamed('还有')], filed.slice(0, 1))).toEqual([`${S}-1`, undefined, undefined, undefined]);
  });

  it('never gives one number to two services, nor a number the subject does not have', () => {
    const filed = [row(1, 'website', 'a.cn')];
    expect(identifyRecordServices([site('a.cn'), site('a.cn'), site('c.cn', { filedNumber: `${S}-9` })], filed)).toEqual([`${S}-1`, undefined, undefined]);
  });
});
