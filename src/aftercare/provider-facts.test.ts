import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.ts';
import { loadProviderFacts, requireProviderFacts } from './provider-facts.ts';

const KEY = 'a'.repeat(64);

describe('the provider facts', () => {
  it('reads the documented example file as a real provider’s facts', () => {
    const facts = loadProviderFacts(loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY, OPENBEIAN_PROVIDER_FACTS: 'docs/provider-facts.example.json' }));
    expect(facts).toMatchObject({ isDemo: false, name: '示例云计算有限公司', accessMethod: '租赁虚拟空间' });
    expect(facts!.regions.map((r) => r.id)).toEqual(['cn-hangzhou', 'cn-wuhan', 'cn-hongkong']);
  });

  it('uses the demo facts outside production, marked as demo', () => {
    expect(loadProviderFacts(loadConfig({ OPENBEIAN_MODE: 'demo' }))).toMatchObject({ isDemo: true, name: '开源备案演示云计算有限公司' });
  });

  it('never hands demo facts to production: without the file the features refuse, naming the setting', () => {
    const config = loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY });
    expect(loadProviderFacts(config)).toBeNull();
    expect(() => requireProviderFacts(config)).toThrow(expect.objectContaining({ code: 'AFTERCARE_NOT_CONFIGURED', details: { setting: 'OPENBEIAN_PROVIDER_FACTS' } }));
  });

  it('stops the boot on a file that is not right, saying what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    const file = join(dir, 'facts.json');
    writeFileSync(file, JSON.stringify({ name: '某云', region: '', phone: '1', organisationCode: 'x', address: 'y', regions: [{ id: 'cn-x', name: { zh: 'x', en: 'x' }, address: 'z' }] }));
    const load = () => loadProviderFacts(loadConfig({ OPENBEIAN_MODE: 'demo', OPENBEIAN_PROVIDER_FACTS: file }));
    expect(load).toThrow(/OPENBEIAN_PROVIDER_FACTS: .* is not a valid provider facts file: region: .*regions\.0: a mainland region needs province, cityCode and city/);
    writeFileSync(file, '{ not json');
    expect(() => loadProviderFacts(loadConfig({ OPENBEIAN_MODE: 'demo', OPENBEIAN_PROVIDER_FACTS: file }))).toThrow(/cannot read .* as JSON/);
  });
});
