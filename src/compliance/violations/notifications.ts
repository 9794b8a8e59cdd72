import type { AppContext } from '../../core/context.ts';
import { smsMessage } from '../../notify/index.ts';
import { notifyOwner } from '../notices/notify-owner.ts';
import { INCIDENT_KIND_NAMES, isIncidentKind } from '../../rules/index.ts';
import { beijingTime } from './beijing-time.ts';
import { SERVICE_SUSPENDED, SUSPENSION_LIFTED } from './repo.ts';

type Payload = { serviceNumber: string; subjectNumber: string; kind?: string; until?: string; domains: string[] };

/**
 * The owner hears of a suspension and of the site coming back by SMS, e-mail and in the console. A closure is a
 * revocation of access, whose own notice carries the violation as its reason.
 */
export function registerViolationNotices(ctx: AppContext): void {
  ctx.outbox.on(SERVICE_SUSPENDED, 'compliance.suspension-notice', async (event, tx) => {
    const p = event.payload as Payload;
    const why = p.kind && isIncidentKind(p.kind) ? INCIDENT_KIND_NAMES[p.kind] : INCIDENT_KIND_NAMES.owner_unreachable;
    const until = new Date(String(p.until));
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: '网站服务已暂停', en: 'Your site is suspended' },
      body: {
        zh: `您的网站 ${p.serviceNumber}（${p.domains.join('、')}）出现违规信息，且${why.zh}，已暂停服务，将于 ${beijingTime(until)}（北京时间）恢复。请立即删除违规信息并保持电话畅通；累计 3 次无法联系将关闭网站。`,
        en: `Your site ${p.serviceNumber} (${p.domains.join(', ')}) showed prohibited content and: ${why.en}. It is suspended until ${until.toISOString()}. Delete the content now and stay reachable; the third time the owner cannot be reached, the site is closed.`,
      },
      sms: smsMessage('compliance.service_suspended', { service: p.serviceNumber, reason: why.zh, until: beijingTime(until) }),
    });
  });
  ctx.outbox.on(SUSPENSION_LIFTED, 'compliance.suspension-lifted-notice', async (event, tx) => {
    const p = event.payload as Payload;
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: '网站服务已恢复', en: 'Your site is served again' },
      body: {
        zh: `您的网站 ${p.serviceNumber}（${p.domains.join('、')}）暂停期满，已恢复访问。请确保网站不再出现违规信息。`,
        en: `The suspension of your site ${p.serviceNumber} (${p.domains.join(', ')}) is over and it is served again. Keep prohibited content off it.`,
      },
      sms: smsMessage('compliance.suspension_lifted', { service: p.serviceNumber }),
    });
  });
}
