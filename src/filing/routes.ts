import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { actorOf, requireRole, requireUser } from '../http/auth.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { readMultipart } from '../http/multipart.ts';
import { readStoredFile, uploadMaterial } from '../materials/index.ts';
import { writeAudit } from '../core/audit.ts';
import { STAFF_ROLES } from '../accounts/index.ts';
import { personKeysOf } from './access.ts';
import { abandonOrder } from './commands/abandon-order.ts';
import { setHelpRequest } from './commands/ask-for-help.ts';
import { revealField } from './queries/reveal-field.ts';
import { createOrder } from './commands/create-order.ts';
import { submitOrder } from './commands/submit-order.ts';
import { updateOrder } from './commands/update-order.ts';
import { verifyFace } from './commands/verify-face.ts';
import { getOrderView } from './queries/get-order.ts';
import { listOrders } from './queries/list-orders.ts';
import { precheckDraft } from './queries/precheck-draft.ts';
import { loadVisibleOrder } from './repo.ts';
import { ORDER_STATUSES } from './status.ts';

const idParams = z.object({ id: z.string().uuid() });
// The draft is stored as the applicant typed it; the pre-check, not the schema, judges its content (DESIGN §5.3).
const draftBody = z.object({ draft: z.record(z.string(), z.unknown()) });
export const PERSON_PATH = /^(subject\.leader|services\[\d{1,3}\]\.leader)$/;
const idempotencyKey = /^[A-Za-z0-9_.:-]{8,100}$/;
// The submit call predates the promise (DESIGN §5.7): a body is optional, and so is the field (docs/walkthrough.md).
const submitBody = z.object({ promise: z.boolean().optional() }).nullish();

/** The multipart form of a material upload (kind, appliesTo, issuedOn, file), from the PC or the phone. */
export async function uploadFromForm(ctx: AppContext, request: FastifyRequest, orderId: string, ownerId: string) {
  const form = await readMultipart(request, ['kind', 'appliesTo', 'issuedOn']);
  return uploadMaterial(ctx, actorOf(request), {
    orderId,
    ownerId,
    kind: form.fields.kind ?? '',
    appliesTo: form.fields.appliesTo || undefined,
    issuedOn: form.fields.issuedOn || undefined,
    bytes: form.file,
  });
}

export async function orderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const applicant = (request: FastifyRequest) => requireRole(request, ['applicant']);

  r.post('/api/v1/orders', { schema: { tags: ['orders'], summary: 'Create a draft order; the server decides its kind', body: draftBody } }, async (request, reply) => {
    const user = applicant(request);
    return reply.status(201).send(await createOrder(ctx, actorOf(request), user, { draft: request.body.draft }));
  });

  r.put(
    '/api/v1/orders/:id',
    { schema: { tags: ['orders'], summary: 'Replace the draft (If-Match: version)', params: idParams, body: draftBody } },
    async (request, reply) => {
      const user = applicant(request);
      const result = await updateOrder(ctx, actorOf(request), user, { id: request.params.id, expectedVersion: parseIfMatch(request, true), draft: request.body.draft });
      reply.header('etag', `"${result.version}"`);
      return result;
    },
  );

  r.get('/api/v1/orders/:id', { schema: { tags: ['orders'], summary: 'An order with its pre-check, materials and timeline', params: idParams } }, async (request, reply) => {
    const view = await getOrderView(ctx, requireUser(request), request.params.id, actorOf(request));
    reply.header('etag', `"${view.version}"`);
    return view;
  });

  r.post(
    '/api/v1/orders/:id/precheck',
    {
      schema: {
        tags: ['orders'],
        summary: 'Pre-check a draft as typed (not saved) the way submit will: with this order’s kind, filings, uploads and face checks',
        params: idParams,
        body: draftBody,
      },
    },
    async (request) => precheckDraft(ctx, requireUser(request), request.params.id, request.body.draft),
  );

  r.get(
    '/api/v1/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'Orders: applicants see their own, staff see all',
        querystring: z.object({
          status: z.enum(ORDER_STATUSES).optional(),
          kind: z.string().max(40).optional(),
          province: z.string().regex(/^\d{6}$/).optional(),
          tab: z.enum(['in_progress', 'completed']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(400).optional(),
        }),
      },
    },
    async (request) => listOrders(ctx, requireUser(request), request.query),
  );

  r.post(
    '/api/v1/orders/:id/submit',
    {
      schema: {
        tags: ['orders'],
        summary: 'Run the pre-check and submit for provider review; `promise: true` records the truthfulness promise ticked by the applicant',
        params: idParams,
        body: submitBody,
      },
    },
    async (request) => {
      const user = applicant(request);
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !idempotencyKey.test(key))) {
        throw AppError.field('VALIDATION_FAILED', 'headers.idempotency-key', 'Idempotency-Key 应为 8–100 个字母、数字或 _.:-', 'Idempotency-Key must be 8–100 letters, digits or _.:-');
      }
      const promise = request.body?.promise;
      if (promise === false) {
        throw AppError.field('VALIDATION_FAILED', 'body.promise', '请阅读并勾选《真实性承诺书》后再提交', 'Read and tick the truthfulness promise before submitting');
      }
      return submitOrder(ctx, actorOf(request), user, { id: request.params.id, idempotencyKey: key, promise });
    },
  );

  r.post('/api/v1/orders/:id/abandon', { schema: { tags: ['orders'], summary: 'Abandon a draft or rejected order', params: idParams } }, async (request) =>
    abandonOrder(ctx, actorOf(request), applicant(request), request.params.id),
  );

  r.post(
    '/api/v1/orders/:id/materials',
    { schema: { tags: ['orders'], summary: 'Upload a material image (multipart: kind, appliesTo, issuedOn, file)', params: idParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const user = applicant(request);
      const order = await loadVisibleOrder(ctx, ctx.db, user, request.params.id);
      if (order.userId !== user.id) throw new AppError('FORBIDDEN');
      return reply.status(201).send(await uploadFromForm(ctx, request, order.id, user.id));
    },
  );

  r.get(
    '/api/v1/orders/:id/materials/:materialId/file',
    { schema: { tags: ['orders'], summary: 'The stored (metadata-stripped) image of a material', params: z.object({ id: z.string().uuid(), materialId: z.string().uuid() }) } },
    async (request, reply) => {
      const user = requireUser(request);
      const order = await loadVisibleOrder(ctx, ctx.db, user, request.params.id);
      const material = await ctx.db.selectFrom('order_materials').select(['sha256', 'format', 'kind', 'applies_to']).where('id', '=', request.params.materialId).where('order_id', '=', order.id).executeTakeFirst();
      const bytes = material ? await readStoredFile(ctx, material.sha256) : null;
      if (!material || !bytes) throw new AppError('NOT_FOUND');
      // Staff opening an ID card or licence image is an audit row naming the people on the order.
      if (order.userId !== user.id) {
        await writeAudit(ctx.db, actorOf(request), ctx.clock.now(), {
          entityType: 'order',
          entityId: order.id,
          action: 'material_downloaded',
          data: { materialId: request.params.materialId, kind: material.kind, appliesTo: material.applies_to },
          personKeys: personKeysOf(ctx, order.draft),
        });
      }
      reply.header('content-type', material.format === 'jpg' ? 'image/jpeg' : `image/${material.format}`);
      reply.header('cache-control', 'no-store');
      return reply.send(bytes);
    },
  );

  r.post(
    '/api/v1/orders/:id/help-request',
    {
      schema: {
        tags: ['orders'],
        summary: 'Ask the provider’s staff to look at this draft before it is submitted (until then only the applicant sees it)',
        params: idParams,
        body: z.object({ note: z.string().trim().max(500).optional().describe('想请客服帮忙看什么 / what to look at') }).optional(),
      },
    },
    async (request) => setHelpRequest(ctx, actorOf(request), applicant(request), { orderId: request.params.id, isAsking: true, note: request.body?.note }),
  );

  r.delete(
    '/api/v1/orders/:id/help-request',
    { schema: { tags: ['orders'], summary: 'Withdraw the help request: staff no longer see the draft', params: idParams } },
    async (request) => setHelpRequest(ctx, actorOf(request), applicant(request), { orderId: request.params.id, isAsking: false }),
  );

  r.post(
    '/api/v1/orders/:id/reveal',
    {
      schema: {
        tags: ['orders'],
        summary: 'Staff: open one masked personal field of an order (audited)',
        params: idParams,
        body: z.object({ path: z.string().max(100).regex(/^[A-Za-z0-9_.[\]]+$/).describe('如 subject.leader.idNumber / e.g. subject.leader.idNumber') }),
        response: { 200: z.object({ path: z.string(), value: z.string() }) },
      },
    },
    async (request) => revealField(ctx, actorOf(request), requireRole(request, STAFF_ROLES), { orderId: request.params.id, path: request.body.path }),
  );

  r.post(
    '/api/v1/orders/:id/face-verifications',
    { schema: { tags: ['orders'], summary: 'Verify a responsible person’s face (multipart: person, file)', params: idParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const user = applicant(request);
      const form = await readMultipart(request, ['person']);
      const person = form.fields.person ?? '';
      if (!PERSON_PATH.test(person)) {
        throw AppError.field('VALIDATION_FAILED', 'person', 'person 应为 subject.leader 或 services[N].leader', 'person must be subject.leader or services[N].leader');
      }
      const result = await verifyFace(ctx, actorOf(request), user, { orderId: request.params.id, person, photo: form.file });
      return reply.status(201).send(result);
    },
  );
}
