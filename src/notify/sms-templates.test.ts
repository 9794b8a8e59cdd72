import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOGIN_NAME_CODE_TTL_MS } from '../accounts/recovery.ts';
import { CLAIM_CODE_TTL_MS } from '../filing/claims/claim-subject.ts';
import { ID_CHECK_CODE_TTL_MS } from '../privacy/id-check.ts';
import { renderSmsTemplatesDoc } from '../../scripts/gen-sms-templates.ts';
import {
  SMS_TEMPLATES,
  SMS_VARIABLE_MAX_LENGTH,
  placeholdersOf,
  smsMessage,
  type SmsKind,
  type SmsTemplate,
} from './sms-templates.ts';

const entries = Object.entries(SMS_TEMPLATES) as [SmsKind, SmsTemplate][];
const exampleParams = (template: SmsTemplate) =>
  Object.fromEntries(Object.entries(template.variables).map(([name, v]) => [name, v.example]));

describe('the SMS templates a provider registers with its gateway', () => {
  it.each(entries)(
    '%s uses exactly its declared variables, and its example renders with none left over',
    (kind, template) => {
      expect(new Set(placeholdersOf(template.text))).toEqual(new Set(Object.keys(template.variables)));
      const message = smsMessage(kind, exampleParams(template) as never);
      expect(message.template).toBe(kind);
      expect(message.params).toEqual(exampleParams(template));
      expect(message.body.startsWith('【OpenBeian】')).toBe(true);
      expect(message.body).not.toMatch(/\$\{/);
    },
  );

  it.each(entries)(
    '%s keeps to what the gateways approve: no 【】, no adjacent variables, short typed values, no link in a value',
    (_kind, template) => {
      expect(template.text).not.toMatch(/[【】]/);
      expect(template.text).not.toMatch(/\}\$\{/);
      const codes = Object.values(template.variables).filter((v) => v.type === 'code');
      // A verification template has one variable, the code, and says 验证码 (Alibaba).
      if (codes.length > 0)
        expect([Object.keys(template.variables).length, template.text.includes('验证码')]).toEqual([1, true]);
      for (const variable of Object.values(template.variables)) {
        expect([...variable.example].length).toBeLessThanOrEqual(variable.maxLength ?? SMS_VARIABLE_MAX_LENGTH);
        expect(variable.example).not.toMatch(/https?:\/\//);
        if (variable.type === 'code') expect(variable.example).toMatch(/^\d{4,6}$/);
      }
    },
  );

  it('says the codes last as long as they do', () => {
    for (const [kind, ttl] of [
      ['filing.claim_code', CLAIM_CODE_TTL_MS],
      ['privacy.id_check_code', ID_CHECK_CODE_TTL_MS],
      ['account.login_name_code', LOGIN_NAME_CODE_TTL_MS],
    ] as const) {
      expect(SMS_TEMPLATES[kind].text).toContain(`${ttl / 60_000} 分钟内有效`);
    }
  });

  it('clips a long value, drops links and line breaks, and refuses a code that is not 4–6 digits', () => {
    const revoked = smsMessage('compliance.access_revoked', {
      service: '浙ICP备2026012345号-1、浙ICP备2026012345号-2、浙ICP备2026012345号-3',
      reason: '见 https://beian.example.cn/x\n详情',
    });
    expect([...revoked.params.service!]).toHaveLength(SMS_VARIABLE_MAX_LENGTH);
    expect(revoked.params.service!.endsWith('…')).toBe(true);
    expect(revoked.params.reason).toBe('见 详情');
    expect(revoked.body).toContain(`已被取消接入，原因：见 详情。`);
    expect(() => smsMessage('filing.claim_code', { code: '12ab' })).toThrow('4–6 digits');
  });

  it('is what docs/sms-templates.md lists (regenerate with npm run gen:sms-templates)', () => {
    expect(readFileSync(new URL('../../docs/sms-templates.md', import.meta.url), 'utf8')).toBe(renderSmsTemplatesDoc());
  });
});
