import { describe, expect, it } from 'vitest';
import type { RegistrationRecord } from './port.ts';
import { endOfBeijingDay, holderForEvidence, isSameHolder, judgeRegistration } from './rules.ts';

const now = new Date('2026-11-23T02:00:00Z');
const record = (over: Partial<RegistrationRecord> = {}): RegistrationRecord => ({
  holder: '杭州示例科技有限公司',
  realNameVerified: true,
  expiresAt: new Date('2027-11-23T00:00:00Z'),
  source: { kind: 'rdap', url: 'http://rdap.test/domain/a.cn' },
  ...over,
});
const codes = (r: RegistrationRecord, holder = '杭州示例科技有限公司') => judgeRegistration(r, holder, now).map((p) => p.code);

describe('judgeRegistration', () => {
  it('finds nothing wrong with a current, verified registration held by the subject', () => {
    expect(codes(record())).toEqual([]);
  });

  it('is expired at its expiry instant and after, not before', () => {
    expect(codes(record({ expiresAt: new Date(now.getTime() + 1) }))).toEqual([]);
    expect(codes(record({ expiresAt: now }))).toEqual(['DOMAIN_EXPIRED']);
    expect(codes(record({ expiresAt: new Date('2026-01-01T00:00:00Z') }))).toEqual(['DOMAIN_EXPIRED']);
  });

  it('sees another holder, and not real-name verified, each on its own', () => {
    expect(codes(record({ holder: '宁波别家网络有限公司', realNameVerified: false }))).toEqual(['DOMAIN_HOLDER_CHANGED', 'DOMAIN_NOT_REAL_NAME']);
  });

  it('judges nothing the source does not say', () => {
    expect(codes(record({ holder: null, realNameVerified: null, expiresAt: null }))).toEqual([]);
  });
});

describe('isSameHolder', () => {
  it('ignores spaces, full-width brackets and letters, and case', () => {
    expect(isSameHolder('杭州示例（滨江）科技有限公司', '杭州示例(滨江)科技 有限公司')).toBe(true);
    expect(isSameHolder('ＡＢＣ Network Co., Ltd.', 'abc network co.,ltd.')).toBe(true);
    expect(isSameHolder('张 三', '张三')).toBe(true);
  });

  it('leaves 有限公司 variants as different names', () => {
    expect(isSameHolder('杭州示例科技有限责任公司', '杭州示例科技有限公司')).toBe(false);
    expect(isSameHolder('杭州示例科技股份有限公司', '杭州示例科技有限公司')).toBe(false);
  });
});

describe('endOfBeijingDay and holderForEvidence', () => {
  it('runs a feed expiry date to midnight at its end, Beijing time', () => {
    expect(endOfBeijingDay('2026-11-23').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('masks a person, not an organisation', () => {
    expect(holderForEvidence('张三丰')).toBe('张**');
    expect(holderForEvidence('杭州示例科技有限公司')).toBe('杭州示例科技有限公司');
  });
});
