import { describe, expect, it } from 'vitest';
import { bilingual, MESSAGES, translate } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the console dictionary', () => {
  it('has every message in Chinese and English, with the same placeholders in both', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect(text.zh.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      expect(placeholders(text.zh), key).toEqual(placeholders(text.en));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'order.title', { number: '20261123-1' })).toBe('订单 20261123-1');
    expect(translate('en', 'order.title', {})).toBe('Order {number}');
    expect(bilingual('materials.tooSmall', { kb: 12 })).toEqual({
      zh: '文件只有 12 KB，小于 200 KB：请上传更清晰的彩色原件照片',
      en: 'The file is 12 KB, under 200 KB: upload a clearer colour photo of the original',
    });
  });
});
