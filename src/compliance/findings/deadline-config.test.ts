import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { configureRectificationWorkdays, rectificationWorkdays } from './deadline.ts';

describe('rectification workdays per code', () => {
  afterEach(() => configureRectificationWorkdays({}));

  it('reads CODE=workdays pairs, keeps the defaults of the codes left out', () => {
    const config = loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_RECTIFICATION_WORKDAYS: 'SHELL_SITE=3, DOMAIN_EXPIRED=10' });
    configureRectificationWorkdays(config.compliance.rectificationWorkdays);
    expect(rectificationWorkdays('SHELL_SITE')).toBe(3);
    expect(rectificationWorkdays('DOMAIN_EXPIRED')).toBe(10);
    expect(rectificationWorkdays('DOMAIN_HOLDER_CHANGED')).toBe(10);
    expect(rectificationWorkdays('FOOTER_NOT_LINKED')).toBe(5);
  });

  it('stops the start on an unknown code or a malformed value, naming the variable', () => {
    expect(() => loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_RECTIFICATION_WORKDAYS: 'SHEL_SITE=3' })).toThrow(/OPENBEIAN_RECTIFICATION_WORKDAYS: unknown finding code SHEL_SITE/);
    expect(() => loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_RECTIFICATION_WORKDAYS: 'SHELL_SITE' })).toThrow(/OPENBEIAN_RECTIFICATION_WORKDAYS/);
    expect(() => loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_RECTIFICATION_WORKDAYS: 'SHELL_SITE=0' })).toThrow(/1–365/);
  });
});
