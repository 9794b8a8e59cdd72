import { b } from './bilingual.ts';

/** 认领: taking over a subject the provider moved in from its earlier system (docs/import.md). */
export const CLAIMS_MESSAGES = {
  'claims.title': b('认领已有备案', 'Claim an existing filing'),
  'claims.intro': b(
    '接入商从原系统迁入的备案尚未绑定账号。输入主体备案号，验证码将发送至备案时登记的主体负责人手机；验证通过后，该主体及其网站归属本账号。',
    'Filings the provider moved in from its earlier system have no account yet. Enter the subject number: a code is texted to the subject leader’s mobile on record, and the right code makes the subject and its services this account’s.',
  ),
  'claims.number': b('主体备案号', 'Subject filing number'),
  'claims.numberPlaceholder': b('如 浙ICP备2020000001号', 'e.g. 浙ICP备2020000001号'),
  'claims.send': b('发送验证码', 'Send code'),
  'claims.sent': b(
    '验证码已发送至 {mobile}，{minutes} 分钟内有效',
    'A code was texted to {mobile}; it works for {minutes} minutes',
  ),
  'claims.code': b('短信验证码', 'SMS code'),
  'claims.verify': b('验证并认领', 'Verify and claim'),
  'claims.done': b('认领成功：{number} 已归属本账号', 'Claimed: {number} now belongs to this account'),
  'claims.step1': b('输入备案号', 'Enter the number'),
  'claims.step2': b('短信验证', 'Confirm by SMS'),
};
