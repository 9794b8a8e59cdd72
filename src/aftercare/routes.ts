import { isIP } from 'node:net';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { actorOf, requireRole, requireUser } from '../http/auth.ts';
import { COMMERCIAL_HOSTING, DOCUMENT_KINDS, PROVINCE_CODES, isIsoDate, isPublicIp } from '../rules/index.ts';
import { recordPoliceFiling } from './commands/record-police-filing.ts';
import { checkCommercialLicenceFor } from './queries/check-commercial-licence.ts';
import { policeFilingGuide } from './queries/police-filing-guide.ts';
import { providerDocument } from './queries/provider-document.ts';

const TAGS = ['aftercare'];
const serviceParams = z.object({
  subjectNumber: z.string().min(6).max(40).describe('主体备案号 / subject number'),
  serviceNumber: z.string().min(1).max(60).describe('网站备案号或序号 / service number, or its sequence under the subject'),
});
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => isIsoDate(d) && d >= '2000-01-01', 'a real date written YYYY-MM-DD');
const publicIp = z
  .string()
  .trim()
  .max(45)
  .refine((ip) => isIP(ip) !== 0 && isPublicIp(ip), 'must be a public IPv4 or IPv6 address');
const ipList = (what: string) => z.array(publicIp).min(1).max(50).describe(what);

const recordBody = z.object({
  launchedOn: isoDate.describe('网站开通日期 / the day the site went live (not in the future)'),
  policeNumber: z.string().max(40).optional().describe('公安备案号：14位数字，以备案省份代码开头 / police number: 14 digits starting with the filing province’s code'),
});
const commercialBody = z.object({
  province: z.enum(PROVINCE_CODES as [string, ...string[]]).describe('申请经营许可证的省份 / province of the licence application'),
  city: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)').optional().describe('备案归属地城市，如深圳 440300 / filing city, e.g. Shenzhen 440300'),
  contractIps: ipList('合同IP / IPs in the server contract'),
  resolvingIps: ipList('指向IP / IPs the domains resolve to'),
  reportedIps: ipList('报备IP / IPs reported in the ICP filing'),
  hosting: z.enum(COMMERCIAL_HOSTING).describe('ecs, virtual_host or elastic_web_hosting'),
});
const documentQuery = z.object({
  order: z.string().max(36).optional().describe('备案订单ID / order id'),
  appliesTo: z.string().max(40).optional().describe('subject.leader, services[N], services[N].leader or services[N].domains[M]'),
  filing: z.string().min(6).max(40).optional().describe('主体备案号 / subject number'),
  service: z.string().min(1).max(60).optional().describe('网站备案号或序号 / service number or sequence'),
});

/** After approval (DESIGN §5.10): the police filing guide and clock, the commercial licence check, provider documents. */
export async function aftercareRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/filings/:subjectNumber/services/:serviceNumber/police-filing',
    { schema: { tags: TAGS, summary: 'The police filing guide: pre-filled values with their sources, level, 网安 code, the 30-day clock', params: serviceParams } },
    async (request) => policeFilingGuide(ctx, requireUser(request), request.params.subjectNumber, request.params.serviceNumber),
  );

  r.put(
    '/api/v1/filings/:subjectNumber/services/:serviceNumber/police-filing',
    { schema: { tags: TAGS, summary: 'Record the launch date (starts the 30-day clock) and the police number', params: serviceParams, body: recordBody } },
    async (request) => {
      const user = requireRole(request, ['applicant']);
      return recordPoliceFiling(ctx, actorOf(request), user, { subjectNumber: request.params.subjectNumber, serviceRef: request.params.serviceNumber, ...request.body });
    },
  );

  r.post(
    '/api/v1/filings/:subjectNumber/commercial-licence/check',
    { schema: { tags: TAGS, summary: 'Check contract, resolving and reported IPs against the province’s commercial-licence rule', params: serviceParams.pick({ subjectNumber: true }), body: commercialBody } },
    async (request) => checkCommercialLicenceFor(ctx, requireRole(request, ['applicant']), request.params.subjectNumber, request.body),
  );

  r.get(
    '/api/v1/documents/:kind',
    {
      schema: {
        tags: TAGS,
        summary: 'A provider document as PDF, filled from an order (?order=) or a filed service (?filing=&service=)',
        params: z.object({ kind: z.enum(DOCUMENT_KINDS) }),
        querystring: documentQuery,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const q = request.query;
      if ((q.order === undefined) === (q.filing === undefined)) {
        throw AppError.field('VALIDATION_FAILED', 'query.order', '请给出 order（备案订单）或 filing 与 service（已备案网站）之一', 'Give either order, or filing with service');
      }
      if (q.filing !== undefined && q.service === undefined) throw AppError.field('VALIDATION_FAILED', 'query.service', '请给出网站备案号或序号', 'Give the service number or its sequence');
      const ref = q.order !== undefined ? { order: q.order, ...(q.appliesTo ? { appliesTo: q.appliesTo } : {}) } : { filing: q.filing!, service: q.service! };
      const document = await providerDocument(ctx, actorOf(request), user, request.params.kind, ref);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${document.filename}"; filename*=UTF-8''${encodeURIComponent(document.displayName)}`)
        .send(document.pdf);
    },
  );
}
