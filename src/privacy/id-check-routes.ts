import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { answerMisuseReport, confirmIdCheck, listMisuseReports, reportMisuse, startIdCheck } from './id-check.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const idNumber = z.string().trim().min(6).max(30).regex(/^[0-9A-Za-z()（）-]+$/).describe('证件号码 / ID number');
const mobile = z.string().trim().regex(/^1\d{10}$/, '11-digit mainland mobile').describe('备案时填写的手机号 / the mobile filed with this ID');
const STAFF = ['admin', 'compliance'] as const;

const SENT = {
  zh: '如该证件号码与手机号在本平台有备案记录，验证码已发送至该手机，10 分钟内有效。没有收到短信即表示本平台没有以此组合备案的记录。',
  en: 'If this ID number and mobile are on record here, a code was texted to the mobile; it works for 10 minutes. No text means nothing is filed here with this pair.',
};

const role = z.enum(['subject_leader', 'service_leader']);
const results = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.string(),
  idNumber: z.string(),
  subjects: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      province: z.string(),
      status: z.string(),
      approvedAt: z.string(),
      roles: z.array(role),
      services: z.array(z.object({ number: z.string(), name: z.string(), domain: z.string().nullable(), accessState: z.string(), approvedAt: z.string() })),
    }),
  ),
  orders: z.array(
    z.object({
      number: z.string(),
      kind: z.string().nullable(),
      status: z.string(),
      subjectName: z.string().nullable(),
      domains: z.array(z.string()),
      roles: z.array(role),
      createdAt: z.string(),
      submittedAt: z.string().nullable(),
    }),
  ),
});

/** "Which filings use my ID?": public, rate-limited, neutral; the misuse queue for admin and compliance. */
export async function idCheckRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const startByAddress = new RateLimiter(ctx, 'id-check.address', 10, 3600_000);
  const startByPerson = new RateLimiter(ctx, 'id-check.person', 5, 3600_000);
  const startByMobile = new RateLimiter(ctx, 'id-check.mobile', 5, 3600_000);
  const confirmByAddress = new RateLimiter(ctx, 'id-check.confirm', 30, 3600_000);
  const reportByAddress = new RateLimiter(ctx, 'id-check.report', 10, 3600_000);

  r.post(
    '/api/v1/id-check',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Which filings use my ID? Texts a code to the mobile when the ID number and mobile are on record (same answer otherwise)',
        body: z.object({ idNumber, mobile }),
        response: { 202: z.object({ checkId: z.string(), expiresInMinutes: z.number().int(), message: bilingual }) },
      },
    },
    async (request, reply) => {
      await startByAddress.take(request.ip);
      await startByPerson.take(request.body.idNumber.toUpperCase());
      await startByMobile.take(request.body.mobile);
      const started = await startIdCheck(ctx, actorOf(request), request.body);
      return reply.status(202).send({ ...started, message: SENT });
    },
  );

  r.post(
    '/api/v1/id-check/confirm',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Confirm the SMS code: every subject, service and order here where the ID is a responsible person (masked, with dates)',
        body: z.object({ checkId: z.string().uuid(), code: z.string().trim().regex(/^\d{6}$/).describe('6 位短信验证码 / the 6-digit code') }),
        response: { 200: results },
      },
    },
    async (request) => {
      await confirmByAddress.take(request.ip);
      return confirmIdCheck(ctx, actorOf(request), request.body);
    },
  );

  r.post(
    '/api/v1/id-check/reports',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Report misuse of the ID to the provider (staff answer within 3 workdays, by SMS)',
        body: z.object({
          accessToken: z.string().min(10).max(200),
          reference: z.string().trim().max(60).optional().describe('查询结果中的备案号或订单号 / a filing or order number from the results'),
          note: z.string().trim().min(2).max(1000).describe('情况说明 / what is wrong'),
        }),
        response: { 201: z.object({ id: z.string(), reference: z.string(), status: z.literal('open'), dueAt: z.string() }) },
      },
    },
    async (request, reply) => {
      await reportByAddress.take(request.ip);
      return reply.status(201).send(await reportMisuse(ctx, actorOf(request), request.body));
    },
  );

  r.get(
    '/api/v1/id-check/reports',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Admin, compliance: misuse reports, oldest due first, with their 3-workday clocks',
        querystring: z.object({
          status: z.enum(['open', 'answered']).optional(),
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      requireRole(request, STAFF);
      return listMisuseReports(ctx, request.query);
    },
  );

  r.post(
    '/api/v1/id-check/reports/:id/answer',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Admin, compliance: answer a misuse report (texted to the reporter; audited)',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ answer: z.string().trim().min(2).max(500) }),
      },
    },
    async (request) => {
      requireRole(request, STAFF);
      return answerMisuseReport(ctx, actorOf(request), { id: request.params.id, answer: request.body.answer });
    },
  );
}
