import { describe, expect, it } from 'vitest';
import { footerHtml, policeFooterHtml } from './numbering.ts';
import { checkPoliceNumber, policeFilingDueOn, policeSiteLevel } from './police-filing.ts';
import { wanganCodeOf } from './data/wangan-codes.ts';

describe('police record numbers', () => {
  it('accepts 14 digits starting with the filing province, alone or with their wording', () => {
    expect(checkPoliceNumber('33010602012345', '330000')).toEqual({ ok: true, code: '33010602012345', text: '浙公网安备33010602012345号' });
    expect(checkPoliceNumber(' 浙公网安备 33010602012345号 ', '330000')).toMatchObject({ ok: true, code: '33010602012345' });
    expect(checkPoliceNumber('１１０１０５０２０５３２５３', '110000')).toMatchObject({ ok: true, text: '京公网安备11010502053253号' });
  });

  it.each([
    ['3301060201234', '14 digits; this one has 13'],
    ['330106020123456', '14 digits; this one has 15'],
    ['3301060201234X', 'is 14 digits'],
    ['', 'is 14 digits'],
    ['浙ICP备2026000001号', 'is 14 digits'],
    ['11010502053253', "starts with the filing province's code 33 (Zhejiang); 11 is Beijing"],
    ['99010602012345', "starts with the filing province's code 33"],
    ['京公网安备33010602012345号', 'read "浙公网安备…"'],
  ])('refuses %j with a reason', (input, reason) => {
    const check = checkPoliceNumber(input, '330000');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem.en).toContain(reason);
      expect(check.problem.zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('the 30-day clock and the site level', () => {
  it('is due 30 days after launch, across month and year ends', () => {
    expect(policeFilingDueOn('2026-11-23')).toBe('2026-12-23');
    expect(policeFilingDueOn('2026-12-15')).toBe('2027-01-14');
    expect(() => policeFilingDueOn('2026-13-01')).toThrow(RangeError);
  });

  it('puts forums, microblogs and blogs at level 2 and every other site at level 3', () => {
    expect(policeSiteLevel(['个人博客']).level).toBe(2);
    expect(policeSiteLevel(['社区论坛']).level).toBe(2);
    expect(policeSiteLevel(['企业信息'], '李四的微博').level).toBe(2);
    expect(policeSiteLevel(['企业信息', '新闻资讯'], '云栖示例科技官网')).toMatchObject({ level: 3, source: expect.stringContaining('SEED-004') });
    expect(policeSiteLevel([]).level).toBe(3);
  });

  it('knows the 网安 code of the cities SPEC §9 lists, by city or municipality code', () => {
    expect(wanganCodeOf('370200')?.code).toBe('370200000000');
    expect(wanganCodeOf('110000')?.code).toBe('110000000000');
    expect(wanganCodeOf('110100')?.code).toBe('110000000000');
    expect(wanganCodeOf('330100')?.code).toBe('330100000000');
    expect(wanganCodeOf('310000')?.code).toBe('310113');
    expect(wanganCodeOf('440300')?.code).toBe('440300000000');
    expect(wanganCodeOf('440100')).toBeUndefined();
  });
});

describe('the footer with both numbers', () => {
  it('links the police number to its public record page, with the badge, after the ICP number', () => {
    const html = footerHtml({ province: '330000', subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-1', policeNumber: '33010602012345' });
    expect(html).toMatch(/^<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>浙ICP备2026000001号-1<\/a> <a href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=33010602012345"/);
    expect(html).toContain('<img src="data:image/svg+xml,');
    expect(html).toContain('>浙公网安备33010602012345号</a>');
  });

  it('keeps the footer as it was until there is a police number', () => {
    const html = footerHtml({ province: '330000', subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-1' });
    expect(html).not.toContain('公网安备');
  });

  it('names the province of the number by its first two digits', () => {
    expect(policeFooterHtml('44030502001234')).toContain('粤公网安备44030502001234号');
  });
});
