import { describe, expect, it } from 'vitest';
import { detectCharset, decodeBody } from './charset.ts';
import { expectedFooter, isMiitLink, judgeFooter, showsNumber, showsPoliceNumber, type FooterPage } from './rules.ts';

const zhejiang = { province: '330000', subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-1', policeNumber: null };
const guangdong = { province: '440000', subjectNumber: '粤ICP备2026000002号', serviceNumber: '粤ICP备2026000002号-3', policeNumber: '44030502000001' };

const page = (text: string, links: string[] = ['https://beian.miit.gov.cn/']): FooterPage => ({ url: 'https://a.example.cn/', text, links, footerText: text });

describe('which number the footer must show (SPEC §7)', () => {
  it('Guangdong the subject number, other provinces the service number', () => {
    expect(expectedFooter(guangdong)).toMatchObject({ number: '粤ICP备2026000002号', shows: 'subject_number', policeNumber: '44030502000001' });
    expect(expectedFooter(zhejiang)).toMatchObject({ number: '浙ICP备2026000001号-1', shows: 'service_number' });
  });

  it('falls back to the subject number prefix when the province is not a code, and refuses what it cannot place', () => {
    expect(expectedFooter({ ...guangdong, province: '广东' }).shows).toBe('subject_number');
    expect(() => expectedFooter({ ...zhejiang, province: '', subjectNumber: 'nonsense' })).toThrow(RangeError);
  });
});

describe('showsNumber', () => {
  it('matches through spaces, full-width characters and dash variants', () => {
    expect(showsNumber('© 2026 备案号：浙ICP备 2026000001 号 - 1', '浙ICP备2026000001号-1')).toBe(true);
    expect(showsNumber('浙ＩＣＰ备２０２６０００００１号－１', '浙ICP备2026000001号-1')).toBe(true);
    expect(showsNumber('浙ICP备2026000001号–1', '浙ICP备2026000001号-1')).toBe(true);
    expect(showsNumber('浙ICP备2026000001-1号', '浙ICP备2026000001号-1')).toBe(true);
  });

  it('does not take a longer or another number for the one required', () => {
    expect(showsNumber('浙ICP备2026000001号-12', '浙ICP备2026000001号-1')).toBe(false);
    expect(showsNumber('浙ICP备2026000001号-1A', '浙ICP备2026000001号-1')).toBe(false);
    expect(showsNumber('浙ICP备2026000001号', '浙ICP备2026000001号-1')).toBe(false);
    expect(showsNumber('浙ICP备2026000009号-1', '浙ICP备2026000001号-1')).toBe(false);
  });

  it('accepts a Guangdong site that shows its service number, which starts with the subject number', () => {
    expect(showsNumber('粤ICP备2026000002号-3', '粤ICP备2026000002号')).toBe(true);
  });
});

describe('showsPoliceNumber and isMiitLink', () => {
  it('finds the 14-digit police code with or without its prefix, not inside a longer run', () => {
    expect(showsPoliceNumber('粤公网安备 44030502000001号', '44030502000001')).toBe(true);
    expect(showsPoliceNumber('44030502000001', '粤公网安备44030502000001号')).toBe(true);
    expect(showsPoliceNumber('粤公网安备 440305020000019号', '44030502000001')).toBe(false);
  });

  it('accepts http and https to beian.miit.gov.cn with any path, relative or not, and nothing else', () => {
    expect(isMiitLink('http://beian.miit.gov.cn', 'https://a.example.cn/')).toBe(true);
    expect(isMiitLink('https://beian.miit.gov.cn/#/Integrated/index', 'https://a.example.cn/')).toBe(true);
    expect(isMiitLink('//BEIAN.MIIT.GOV.CN/', 'https://a.example.cn/')).toBe(true);
    expect(isMiitLink('https://beian.miit.gov.cn.evil.example/', 'https://a.example.cn/')).toBe(false);
    expect(isMiitLink('https://www.miit.gov.cn/', 'https://a.example.cn/')).toBe(false);
    expect(isMiitLink('/beian', 'https://a.example.cn/')).toBe(false);
    expect(isMiitLink('javascript:void(0)', 'https://a.example.cn/')).toBe(false);
  });
});

describe('judgeFooter', () => {
  it('finds nothing wrong with a right footer', () => {
    expect(judgeFooter(page('浙ICP备2026000001号-1'), expectedFooter(zhejiang))).toEqual([]);
    expect(judgeFooter(page('粤ICP备2026000002号 粤公网安备44030502000001号'), expectedFooter(guangdong))).toEqual([]);
  });

  it('names each missing part with what was expected', () => {
    expect(judgeFooter(page('版权所有', []), expectedFooter(guangdong)).map((problem) => problem.code)).toEqual([
      'FOOTER_NUMBER_MISSING',
      'FOOTER_NOT_LINKED',
      'FOOTER_POLICE_NUMBER_MISSING',
    ]);
    expect(judgeFooter(page('浙ICP备2026000001号-1', ['https://example.cn/']), expectedFooter(zhejiang))).toEqual([
      { code: 'FOOTER_NOT_LINKED', expected: '<a href="https://beian.miit.gov.cn/">浙ICP备2026000001号-1</a>' },
    ]);
    expect(judgeFooter(page('浙ICP备2026000001号'), expectedFooter(zhejiang))).toEqual([{ code: 'FOOTER_NUMBER_MISSING', expected: '浙ICP备2026000001号-1' }]);
  });
});

describe('charset detection', () => {
  const gbk = Buffer.from('c4e3bac3', 'hex'); // 你好 in GBK

  it('takes Content-Type first, then <meta>, then sniffs', () => {
    expect(detectCharset(Buffer.from('<meta charset="utf-8">'), 'text/html; charset=GBK')).toEqual({ encoding: 'gb18030', source: 'content-type' });
    expect(detectCharset(Buffer.from('<meta charset="gb2312">'), 'text/html')).toEqual({ encoding: 'gb18030', source: 'meta' });
    expect(detectCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'), null).source).toBe('meta');
    expect(detectCharset(Buffer.from('你好'), null)).toEqual({ encoding: 'utf-8', source: 'sniff' });
    expect(detectCharset(gbk, null)).toEqual({ encoding: 'gb18030', source: 'sniff' });
    expect(detectCharset(Buffer.from('<meta charset="x-unknown">你好'), 'text/html; charset=nonsense')).toEqual({ encoding: 'utf-8', source: 'sniff' });
  });

  it('decodes GBK bytes into the characters a reader sees', () => {
    expect(decodeBody(gbk, 'text/html; charset=gbk').text).toBe('你好');
    expect(decodeBody(Buffer.concat([Buffer.from('efbbbf', 'hex'), Buffer.from('备案')]), 'text/html; charset=gbk').text).toBe('备案');
  });
});
