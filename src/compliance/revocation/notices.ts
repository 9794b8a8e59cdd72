import type { AppContext } from '../../core/context.ts';
import { smsMessage } from '../../notify/index.ts';
import { notifyOwner } from '../notices/notify-owner.ts';
import { ACCESS_REVOKED } from './revoke-access.ts';

/** The owner learns of a revocation by SMS, e-mail and in the console, with what to do if the subject is left shell. */
export function registerRevocationNotices(ctx: AppContext): void {
  ctx.outbox.on(ACCESS_REVOKED, 'compliance.revocation-notice', async (event, tx) => {
    const p = event.payload as { subjectNumber: string; services: string[]; domains: string[]; reason: string; subjectLeftShell: boolean };
    const services = p.services.join('、');
    const domains = p.domains.join('、');
    const shellZh = p.subjectLeftShell ? '该主体已无正常接入的网站（空壳主体），请尽快重新接入或注销，详见控制台。' : '';
    const shellEn = p.subjectLeftShell ? ' The subject has no connected service left (a shell subject): connect a site again or cancel it; see the console.' : '';
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: '网站已被取消接入', en: 'Access of your site was revoked' },
      body: {
        zh: `您的网站 ${services}（${domains}）已被取消接入，原因：${p.reason}。域名已无法通过本服务商访问。${shellZh}如已整改，请登录控制台提交变更接入。`,
        en: `Access of your service ${p.services.join(', ')} (${p.domains.join(', ')}) was revoked. Reason: ${p.reason}. The domains no longer reach this provider's servers.${shellEn} Once put right, submit an access change in the console.`,
      },
      sms: smsMessage('compliance.access_revoked', { service: p.services.length > 1 ? `${p.services[0]} 等 ${p.services.length} 个` : services, reason: p.reason }),
    });
  });
}
