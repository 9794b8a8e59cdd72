import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  footerHtml,
  footerRule,
  formatPoliceNumber,
  formatServiceNumber,
  formatSubjectNumber,
  parseFilingNumber,
  policeQueryUrl,
} from './numbering.ts';

describe('formatting numbers', () => {
  it.each([
    ['330000', 2026, 12345, '浙ICP备2026012345号'],
    ['510000', 2019, 26949, '蜀ICP备2019026949号'],
    ['520000', 2025, 56580, '黔ICP备2025056580号'],
    ['530000', 2023, 1289, '滇ICP备2023001289号'],
    ['620000', 2020, 3856, '陇ICP备2020003856号'],
    ['440000', 2026, 999999, '粤ICP备2026999999号'],
  ])('%s %i #%i → %s', (province, year, seq, expected) => {
    expect(formatSubjectNumber(province, year, seq)).toBe(expected);
  });

  it('rejects impossible inputs', () => {
    expect(() => formatSubjectNumber('810000', 2026, 1)).toThrow(RangeError);
    expect(() => formatSubjectNumber('330000', 1999, 1)).toThrow(RangeError);
    expect(() => formatSubjectNumber('330000', 2026, 0)).toThrow(RangeError);
    expect(() => formatSubjectNumber('330000', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatServiceNumber('浙ICP备2026012345号', 0)).toThrow(RangeError);
  });

  it.each([
    ['website', '浙ICP备2026012345号-1'],
    ['app', '浙ICP备2026012345号-1A'],
    ['mini_program', '浙ICP备2026012345号-1X'],
    ['quick_app', '浙ICP备2026012345号-1K'],
  ] as const)('service number for a %s', (kind, expected) => {
    expect(formatServiceNumber('浙ICP备2026012345号', 1, kind)).toBe(expected);
  });
});

describe('parsing numbers', () => {
  it.each([
    ['浙ICP备2026012345号', { subjectNumber: '浙ICP备2026012345号', provinceCode: '330000', year: 2026, legacyPrefix: false, licence: false }],
    ['京ICP备10046444号-9', { subjectNumber: '京ICP备10046444号', provinceCode: '110000', serviceIndex: 9, serviceKind: 'website' }],
    ['陕ICP备2024026116号-1A', { provinceCode: '610000', serviceIndex: 1, serviceKind: 'app' }],
    ['黔ICP备2025044274号-1X', { provinceCode: '520000', serviceKind: 'mini_program' }],
    ['滇ICP备09010050-5号', { normalised: '滇ICP备09010050号-5', serviceIndex: 5 }],
    ['陕 ICP 备 19000424 号 -2', { normalised: '陕ICP备19000424号-2' }],
    ['浙ICP备２０２６０１２３４５号－３', { normalised: '浙ICP备2026012345号-3' }],
    ['川ICP备2024051114号', { provinceCode: '510000', legacyPrefix: true }],
    ['粤B2-20090059-1626X', { licence: true, provinceCode: '440000', subjectNumber: '粤B2-20090059', serviceIndex: 1626, serviceKind: 'mini_program' }],
    ['浙B2-20080101', { licence: true, provinceCode: '330000' }],
    ['京ICP证030173号-1', { licence: true, provinceCode: '110000', serviceIndex: 1 }],
  ])('%s', (input, expected) => {
    expect(parseFilingNumber(input)).toMatchObject(expected);
  });

  it.each(['', 'ICP备2026012345号', '云ICP备2026012345号', '浙ICP备123号', '沪交ICP备20190085号', '浙ICP备2026012345号号'])(
    'refuses %j',
    (input) => {
      expect(parseFilingNumber(input)).toBeNull();
    },
  );

  it('round-trips what it formats', () => {
    const subject = formatSubjectNumber('320000', 2026, 42);
    for (const kind of ['website', 'app', 'mini_program'] as const) {
      const n = formatServiceNumber(subject, 3, kind);
      expect(parseFilingNumber(n)).toMatchObject({ normalised: n, subjectNumber: subject, serviceIndex: 3, serviceKind: kind });
    }
  });
});

describe('footer', () => {
  it('Guangdong shows the subject number', () => {
    expect(footerHtml({ province: '440000', subjectNumber: '粤ICP备2026000001号', serviceNumber: '粤ICP备2026000001号-2' })).toBe(
      '<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">粤ICP备2026000001号</a>',
    );
  });

  it('other provinces show the service number and need it', () => {
    expect(footerHtml({ province: '330000', subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-2' })).toContain(
      '>浙ICP备2026000001号-2</a>',
    );
    expect(() => footerHtml({ province: '330000', subjectNumber: '浙ICP备2026000001号' })).toThrow(TypeError);
  });

  it('Jiangsu adds the copyright line with the organisation’s name, escaped', () => {
    const html = footerHtml({
      province: '320000',
      subjectNumber: '苏ICP备2026000001号',
      serviceNumber: '苏ICP备2026000001号-1',
      organisationName: '甲乙<科技>&有限公司',
      year: 2026,
    });
    expect(html).toBe(
      '<span>© 2026 甲乙&lt;科技&gt;&amp;有限公司 版权所有</span> <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">苏ICP备2026000001号-1</a>',
    );
    expect(footerRule('320000')).toMatchObject({ shows: 'service_number', copyrightLine: true });
  });

  it('escapes everything it prints', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(footerHtml({ province: '330000', subjectNumber: 'x', serviceNumber: '<script>' })).toContain('&lt;script&gt;');
  });
});

describe('police numbers', () => {
  it('uses the everyday abbreviation, unlike the ICP prefix', () => {
    expect(formatPoliceNumber('51010602000097')).toBe('川公网安备51010602000097号');
    expect(formatPoliceNumber('62090202000584')).toBe('甘公网安备62090202000584号');
    expect(formatPoliceNumber('33010602009975')).toBe('浙公网安备33010602009975号');
    expect(() => formatPoliceNumber('123')).toThrow(RangeError);
    expect(policeQueryUrl('33010602009975')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=33010602009975');
  });
});
