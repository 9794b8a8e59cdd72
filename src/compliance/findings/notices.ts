import type { AppContext } from '../../core/context.ts';
import { scheduleJob } from '../../core/jobs.ts';
import { beijingTime } from '../notices/beijing-time.ts';
import { smsMessage } from '../../notify/index.ts';
import { notifyOwner } from '../notices/notify-owner.ts';
import { isFindingCode } from '../codes.ts';
import { FINDING_EXPLANATIONS, evidenceSummary } from '../explanations.ts';
import { FINDING_OPENED } from './record-sweep-observations.ts';
import { FINDING_DEADLINE_JOB, FINDING_EXTENDED, FINDING_WAIVED, deadlineJobKey } from './events.ts';

type Payload = { code: string; domain: string | null; subjectNumber: string; serviceNumber: string | null; deadline?: string; reason?: string };

const titleOf = (code: string) => (isFindingCode(code) ? FINDING_EXPLANATIONS[code].title : { zh: code, en: code });
const site = (p: Payload) => [p.domain, p.serviceNumber].filter(Boolean).join(' / ');
/** One name for a text message's short variable: the domain, else the filing number. */
const siteShort = (p: Payload) => p.domain ?? p.serviceNumber ?? '';

/**
 * A finding opened: the owner is told what is wrong (the code explained), what the sweep saw and by when to fix it,
 * by SMS, e-mail and in the console; and the deadline job is scheduled. Extending or waiving is told the same way.
 */
export function registerFindingNotices(ctx: AppContext): void {
  ctx.outbox.on(FINDING_OPENED, 'compliance.finding-opened-notice', async (event, tx) => {
    const p = event.payload as Payload;
    const deadline = new Date(String(p.deadline));
    const finding = await tx.selectFrom('compliance_findings').select(['evidence', 'status']).where('id', '=', event.aggregateId).executeTakeFirst();
    if (!finding) return;
    await scheduleJob(tx, ctx.clock.now(), { name: FINDING_DEADLINE_JOB, payload: { findingId: event.aggregateId }, runAt: deadline, dedupeKey: deadlineJobKey(event.aggregateId, deadline) });
    const evidence = typeof finding.evidence === 'string' ? (JSON.parse(finding.evidence) as Record<string, unknown>) : finding.evidence;
    const title = titleOf(p.code);
    const explanation = isFindingCode(p.code) ? FINDING_EXPLANATIONS[p.code].explanation : { zh: '', en: '' };
    const when = beijingTime(deadline);
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: `合规核查：${title.zh}`, en: `Compliance check: ${title.en}` },
      body: {
        zh: `您的网站 ${site(p)} 核查发现问题：${title.zh}。${explanation.zh}核查所见：${evidenceSummary(evidence)}。请于 ${when.zh}（北京时间）前完成整改，逾期未整改将被取消接入。`,
        en: `A check of your site ${site(p)} found: ${title.en}. ${explanation.en} What the check saw: ${evidenceSummary(evidence)}. Put it right by ${when.en} (Beijing time); otherwise access is revoked.`,
      },
      sms: smsMessage('compliance.finding_opened', { site: siteShort(p), finding: title.zh, deadline: when.zh }),
    });
  });

  ctx.outbox.on(FINDING_EXTENDED, 'compliance.finding-extended-notice', async (event, tx) => {
    const p = event.payload as Payload;
    const title = titleOf(p.code);
    const when = beijingTime(new Date(String(p.deadline)));
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: '整改期限已延长', en: 'Rectification deadline extended' },
      body: {
        zh: `您的网站 ${site(p)} 的核查问题「${title.zh}」整改期限已延长至 ${when.zh}（北京时间）。说明：${p.reason ?? ''}`,
        en: `The deadline to fix "${title.en}" on ${site(p)} is now ${when.en} (Beijing time). Note: ${p.reason ?? ''}`,
      },
      sms: smsMessage('compliance.finding_extended', { site: siteShort(p), finding: title.zh, deadline: when.zh }),
    });
  });

  ctx.outbox.on(FINDING_WAIVED, 'compliance.finding-waived-notice', async (event, tx) => {
    const p = event.payload as Payload;
    const title = titleOf(p.code);
    await notifyOwner(ctx, tx, event, p.subjectNumber, {
      title: { zh: '核查问题已豁免', en: 'Finding waived' },
      body: {
        zh: `您的网站 ${site(p)} 的核查问题「${title.zh}」已豁免，无需整改。说明：${p.reason ?? ''}`,
        en: `The finding "${title.en}" on ${site(p)} was waived; nothing to fix. Note: ${p.reason ?? ''}`,
      },
      sms: smsMessage('compliance.finding_waived', { site: siteShort(p), finding: title.zh }),
    });
  });
}
