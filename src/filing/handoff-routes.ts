import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { Role, SessionUser } from '../accounts/index.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { readMultipart } from '../http/multipart.ts';
import { handoffQr, signHandoffToken, verifyHandoffToken } from '../materials/handoff/index.ts';
import { listMaterials } from '../materials/index.ts';
import { verifyFace } from './commands/verify-face.ts';
import { PERSON_PATH, uploadFromForm } from './routes.ts';
import { lookUpNationalFor, precheckOrder } from './precheck-order.ts';
import { loadVisibleOrder } from './repo.ts';
import { responsiblePersons } from './responsible-persons.ts';

/** A hand-off link lives long enough to pick up a phone and finish the uploads, not longer. */
const HANDOFF_TTL_MS = 30 * 60_000;
const tokenParams = z.object({ token: z.string().min(20).max(400) });

/**
 * Mobile hand-off (SPEC §3): PC filers — and international or 诚信通 accounts, which cannot use the app — open a
 * signed link on their phone, by QR code, to upload materials and take the face check for one order, without
 * logging in there. The token names the order and its owner and expires in 30 minutes.
 */
export async function handoffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secret = createHmac('sha256', ctx.config.encryption.keys[ctx.config.encryption.currentKeyId]!).update('openbeian-handoff').digest('hex');

  async function ownerOf(request: FastifyRequest<{ Params: { token: string } }>): Promise<{ user: SessionUser; orderId: string }> {
    const verification = verifyHandoffToken(request.params.token, secret, ctx.clock.now());
    if (!verification.ok) {
      throw AppError.field(
        verification.reason === 'expired' ? 'FORBIDDEN' : 'NOT_FOUND',
        'params.token',
        verification.reason === 'expired' ? '链接已过期，请在电脑上重新生成二维码' : '链接无效，请在电脑上重新扫码',
        verification.reason === 'expired' ? 'The link has expired; make a new QR code on the computer' : 'The link is not valid; scan the QR code again',
      );
    }
    const row = await ctx.db.selectFrom('users').select(['id', 'email', 'role', 'display_name']).where('id', '=', verification.payload.userId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    request.user = { id: row.id, email: row.email, role: row.role as Role, displayName: row.display_name };
    return { user: request.user, orderId: verification.payload.orderId };
  }

  r.get('/api/v1/orders/:id/handoff', { schema: { tags: ['hand-off'], summary: 'A short-lived link and QR code to continue this order on a phone', params: z.object({ id: z.string().uuid() }) } }, async (request) => {
    const user = requireRole(request, ['applicant']);
    const order = await loadVisibleOrder(ctx, ctx.db, user, request.params.id);
    if (order.userId !== user.id) throw new AppError('FORBIDDEN');
    const expiresAt = new Date(ctx.clock.now().getTime() + HANDOFF_TTL_MS);
    const token = signHandoffToken({ orderId: order.id, userId: user.id, expiresAt }, secret);
    return {
      url: `${ctx.config.publicUrl}/m/${token}`,
      token,
      expiresAt: expiresAt.toISOString(),
      qrSvgUrl: `/api/v1/handoff/${token}/qr.svg`,
      qrPngUrl: `/api/v1/handoff/${token}/qr.png`,
    };
  });

  r.get('/api/v1/handoff/:token/qr.svg', { schema: { tags: ['hand-off'], summary: 'QR code of the hand-off link (SVG)', params: tokenParams } }, async (request, reply) => {
    await ownerOf(request);
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store');
    return handoffQr(`${ctx.config.publicUrl}/m/${request.params.token}`, 'svg');
  });

  r.get('/api/v1/handoff/:token/qr.png', { schema: { tags: ['hand-off'], summary: 'QR code of the hand-off link (PNG)', params: tokenParams } }, async (request, reply) => {
    await ownerOf(request);
    reply.header('content-type', 'image/png').header('cache-control', 'no-store');
    return handoffQr(`${ctx.config.publicUrl}/m/${request.params.token}`, 'png');
  });

  r.get('/api/v1/handoff/:token', { schema: { tags: ['hand-off'], summary: 'What the phone page needs: persons to verify and materials to upload', params: tokenParams } }, async (request) => {
    const { user, orderId } = await ownerOf(request);
    const order = await loadVisibleOrder(ctx, ctx.db, user, orderId);
    const national = await lookUpNationalFor(ctx, order);
    const [precheck, materials, faces] = await Promise.all([
      precheckOrder(ctx, ctx.db, order, national),
      listMaterials(ctx, order.id),
      ctx.db.selectFrom('face_verifications').select(['person_path', 'outcome']).where('order_id', '=', order.id).execute(),
    ]);
    return {
      orderId: order.id,
      orderNumber: order.number,
      status: order.status,
      persons: responsiblePersons(order.draft).map((p) => ({
        path: p.path,
        name: p.name,
        isVerified: faces.some((f) => f.person_path === p.path && f.outcome === 'passed'),
      })),
      materials: precheck.materials,
      uploaded: materials.map((m) => ({ id: m.id, kind: m.kind, appliesTo: m.appliesTo })),
    };
  });

  r.post('/api/v1/handoff/:token/materials', { schema: { tags: ['hand-off'], summary: 'Upload a material from the phone', params: tokenParams, consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const { user, orderId } = await ownerOf(request);
    return reply.status(201).send(await uploadFromForm(ctx, request, orderId, user.id));
  });

  r.post('/api/v1/handoff/:token/face-verifications', { schema: { tags: ['hand-off'], summary: 'Take the face check on the phone', params: tokenParams, consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const { user, orderId } = await ownerOf(request);
    const form = await readMultipart(request, ['person']);
    const person = form.fields.person ?? '';
    if (!PERSON_PATH.test(person)) throw AppError.field('VALIDATION_FAILED', 'person', 'person 应为 subject.leader 或 services[N].leader', 'person must be subject.leader or services[N].leader');
    return reply.status(201).send(await verifyFace(ctx, actorOf(request), user, { orderId, person, photo: form.file }));
  });
}
