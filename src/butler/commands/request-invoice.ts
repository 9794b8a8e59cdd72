import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { maskEmail } from '../../core/personal-data.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { loadProviderFacts } from '../../aftercare/index.ts';
import { isEmail, validateCreditCode } from '../../rules/index.ts';
import { loadVisibleTicket } from '../repo.ts';

export type RequestInvoiceInput = { ticketId: string; entityName: string; taxNumber: string; email: string };
export type InvoiceRequestView = {
  id: string;
  ticketId: string;
  /** 开票主体: who issues the invoice (the provider's facts), or null where the provider has not named one. */
  invoicingEntity: string | null;
  entityName: string;
  taxNumber: string;
  email: string;
  requestedAt: string;
};

/** The entity billing invoices the butler's services under (provider facts), null when not configured. */
export const invoicingEntityOf = (ctx: AppContext): string | null => loadProviderFacts(ctx.config)?.invoicingEntity ?? null;

/** 纳税人识别号: the 18-character unified social credit code (checked), or an older 15, 17 or 20-character number. */
export function normaliseTaxNumber(input: string): string | null {
  const n = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (n.length === 18) return validateCreditCode(n).ok ? n : null;
  return /^[0-9A-Z]{15}$|^[0-9A-Z]{17}$|^[0-9A-Z]{20}$/.test(n) ? n : null;
}

/**
 * The customer asks for an invoice for a confirmed (paid) service, naming the entity to invoice, its tax number and
 * where the electronic invoice goes. Billing issues it under the provider's invoicing entity (开票主体), which the
 * request keeps and the answer names; the butler and the customer are told by the outbox.
 */
export async function requestInvoice(ctx: AppContext, actor: Actor, user: SessionUser, input: RequestInvoiceInput): Promise<InvoiceRequestView> {
  const taxNumber = normaliseTaxNumber(input.taxNumber);
  if (!taxNumber) {
    throw AppError.field(
      'VALIDATION_FAILED',
      'body.taxNumber',
      'body.taxNumber：纳税人识别号应为 18 位统一社会信用代码（或 15、17、20 位旧税号），请核对',
      'body.taxNumber: the tax number is the 18-character unified social credit code (or an older 15, 17 or 20-character one); check it',
    );
  }
  const email = input.email.trim();
  if (!isEmail(email)) {
    throw AppError.field('VALIDATION_FAILED', 'body.email', 'body.email：请填写接收电子发票的邮箱', 'body.email: enter the e-mail address for the electronic invoice');
  }
  return ctx.db.transaction().execute(async (tx) => {
    const { ticket, party } = await loadVisibleTicket(ctx, tx, user, input.ticketId, { forUpdate: true });
    if (party !== 'owner') throw new AppError('FORBIDDEN');
    if (!ticket.confirmedAt) throw new AppError('TICKET_NOT_CONFIRMED', { ticketId: ticket.id, status: ticket.status });
    const now = ctx.clock.now();
    const id = newId();
    const invoicingEntity = invoicingEntityOf(ctx);
    await tx
      .insertInto('butler_invoice_requests')
      .values({ id, ticket_id: ticket.id, requested_by: user.id, invoicing_entity: invoicingEntity, entity_name: input.entityName, tax_number: taxNumber, email: ctx.cipher.encrypt(email), requested_at: now })
      .execute();
    await writeAudit(tx, actor, now, {
      entityType: 'butler_ticket',
      entityId: ticket.id,
      action: 'invoice_request',
      data: { invoiceRequestId: id, invoicingEntity, entityName: input.entityName, taxNumber, email: maskEmail(email) },
    });
    await enqueueEvent(tx, now, {
      topic: 'butler_ticket.invoice_requested',
      aggregateType: 'butler_ticket',
      aggregateId: ticket.id,
      payload: { ticketId: ticket.id, number: ticket.number, invoiceRequestId: id, invoicingEntity, entityName: input.entityName },
    });
    return { id, ticketId: ticket.id, invoicingEntity, entityName: input.entityName, taxNumber, email, requestedAt: now.toISOString() };
  });
}
