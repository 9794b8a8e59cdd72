import { describe, expect, it } from 'vitest';
import { namesRelated, serviceNameProblems, tradeNameCore } from './names.ts';

describe('related organisation names', () => {
  it.each([
    ['杭州市甲乙科技有限公司', '甲乙'],
    ['浙江省杭州市甲乙网络技术有限公司', '甲乙'],
    ['北京字节跳动科技有限公司', '字节跳动'],
    ['上海甲乙（集团）有限公司', '甲乙'],
  ])('trade name of %s is %s', (name, core) => {
    expect(tradeNameCore(name)).toBe(core);
  });

  it.each([
    ['杭州甲乙科技有限公司', '浙江甲乙网络技术有限公司', true],
    ['杭州甲乙科技有限公司', '杭州甲乙丙科技有限公司', true],
    ['杭州甲乙科技有限公司', '杭州丙丁贸易有限公司', false],
    ['杭州市甲乙科技有限公司', '杭州丙丁贸易有限公司', false],
    ['甲乙丙科技有限公司', '甲乙丁网络有限公司', true],
    ['北京字节跳动科技有限公司', '抖音有限公司', false],
    ['Example Technology Co., Ltd.', 'Example Cloud Ltd.', true],
    ['Example Technology Co., Ltd.', 'Other Technology Co., Ltd.', false],
  ])('%s → %s related: %s', (a, b, related) => {
    expect(namesRelated(a, b)).toBe(related);
  });
});

describe('service name problems', () => {
  const site = { serviceKind: 'website' as const, nature: 'enterprise' as const, domainForms: ['example.com', 'example'] };

  it('applies the website rules only to websites', () => {
    expect(serviceNameProblems('EX', site).map((p) => p.code)).toEqual(['SITE_NAME_ALPHANUMERIC']);
    expect(serviceNameProblems('EX', { ...site, serviceKind: 'app' })).toEqual([]);
  });

  it('recognises the domain in any form', () => {
    expect(serviceNameProblems('Example.com', site).map((p) => p.code)).toEqual(['SITE_NAME_IS_DOMAIN']);
    expect(serviceNameProblems('example', site).map((p) => p.code)).toEqual(['SITE_NAME_IS_DOMAIN']);
  });

  it('reserves state words for state bodies', () => {
    expect(serviceNameProblems('国家甲乙资料站', site)).toEqual([{ code: 'SITE_NAME_RESERVED_WORD', word: '国家' }]);
    expect(serviceNameProblems('甲乙投诉中心网', site)).toEqual([{ code: 'SITE_NAME_RESERVED_WORD', word: '投诉' }]);
    expect(serviceNameProblems('国家甲乙资料站', { ...site, nature: 'government' })).toEqual([]);
  });
});
