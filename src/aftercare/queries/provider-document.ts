import type { AppContext } from '../../core/context.ts';
import { shanghaiDate } from '../../core/clock.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { DOCUMENT_NAMES, documentVariant, type DocumentKind } from '../../rules/index.ts';
import { resolvePdfFont } from '../documents/fonts.ts';
import { documentData, type DocumentRef } from '../documents/source.ts';
import { DOCUMENT_TITLES, PROVIDER_ISSUED, TEMPLATES } from '../documents/templates.ts';
import { requireProviderFacts } from '../provider-facts.ts';
import { serverFacts } from '../server-facts.ts';

const NEEDS_SERVICE: readonly DocumentKind[] = ['service_leader_authorization', 'domain_holder_proof', 'server_region_proof', 'site_verification_notice'];

/**
 * A provider document as PDF (DESIGN §5.10), filled from an order's draft or a filed service's record, the provider's
 * facts and the servers behind the service's IPs. Owner and staff only; anyone else learns nothing (404), and nothing
 * is generated for them. Staff downloads are audited, as the letters carry ID numbers.
 */
export async function providerDocument(ctx: AppContext, actor: Actor, user: SessionUser, kind: DocumentKind, ref: DocumentRef) {
  const facts = requireProviderFacts(ctx.config);
  const font = resolvePdfFont(ctx.config);
  const data = await documentData(ctx, user, ref);
  const where = 'order' in ref ? 'query.appliesTo' : 'query.service';
  if (NEEDS_SERVICE.includes(kind) && !data.service) {
    throw AppError.field('FIELD_INVALID', where, `${DOCUMENT_NAMES[kind].zh}需针对一个网站，订单中还没有网站`, `A ${DOCUMENT_NAMES[kind].en} is about one service; the order has none yet`);
  }
  if (kind === 'domain_holder_proof' && !data.service?.domains.length) {
    throw AppError.field('FIELD_INVALID', where, '该网站还没有填写域名', 'This service has no domain yet');
  }
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const servers = await serverFacts(ctx.db, facts, data.service?.ips ?? [], data.service?.serviceCode);
  const variant = documentVariant(kind, data.province);
  const title = DOCUMENT_TITLES[kind][variant];

  // pdfkit is loaded with the first document, not at start-up (issue 13: the embedded start).
  const { LetterWriter } = await import('../documents/writer.ts');
  const writer = new LetterWriter(font, { title, createdAt: now, author: facts.name });
  writer.title(title, data.reference);
  TEMPLATES[kind](writer, { data, facts, servers, variant, today });
  const seal = PROVIDER_ISSUED.includes(kind) ? `需要接入商盖章时，请联系${facts.name}备案客服（${facts.phone}）。` : '请核对无误后打印，用黑色签字笔签字并加盖公章，签署后3个月内拍照或彩色扫描上传（部分省份要求更短）。';
  writer.note(`本文件由 OpenBeian 根据${data.reference}的备案信息于 ${today} 生成。${seal}${facts.isDemo ? '【演示数据，不能用于真实备案】' : ''}`);
  const pdf = await writer.finish();

  await writeAudit(ctx.db, actor, now, {
    entityType: 'order' in ref ? 'order' : 'filed_service',
    entityId: 'order' in ref ? ref.order : (data.service?.number ?? ref.service),
    action: 'document_generated',
    data: { kind, variant },
  });
  const ascii = `${kind}-${today}.pdf`;
  return { pdf, filename: ascii, displayName: `${title}.pdf` };
}
