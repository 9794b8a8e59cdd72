import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError, ERROR_CODES, isAppError } from '../core/errors.ts';
import { findSessionUser } from '../accounts/queries/find-session-user.ts';
import { accountRoutes } from '../accounts/routes.ts';
import { butlerRoutes } from '../butler/index.ts';
import { complianceRoutes } from '../compliance/index.ts';
import { noticeRoutes } from '../notify/index.ts';
import { aftercareRoutes } from '../aftercare/index.ts';
import { apiTokenRoutes } from '../api-tokens/index.ts';
import { enforcementRoutes } from '../enforcement/routes.ts';
import { publicQueryRoutes } from '../filing/public/routes.ts';
import { claimRoutes, filedRoutes, handoffRoutes, orderRoutes, statsRoutes } from '../filing/index.ts';
import { reviewRoutes } from '../review/index.ts';
import { regulatorSimRoutes } from '../regulator/index.ts';
import { resourceRoutes } from '../resources/index.ts';
import { privacyRoutes } from '../privacy/index.ts';
import { precheckRoutes } from './precheck-routes.ts';
import { SESSION_COOKIE } from './auth.ts';
import { HTTP_STATUS } from './error-mapping.ts';
import { registerMetrics } from './metrics.ts';
import { registerRequestGuards } from './request-guards.ts';
import { devRoutes } from './dev-routes.ts';
import { systemRoutes } from './system-routes.ts';
import { toFieldProblems } from './validation-messages.ts';
import { webUiRoutes } from './web-ui.ts';

export type HttpPlugin = (app: FastifyInstance, ctx: AppContext) => Promise<void> | void;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP surface. Route modules of each context are listed once, in `routes`. */
export async function buildApp(ctx: AppContext, extraRoutes: HttpPlugin[] = []): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Hand-off tokens travel in the path.
    routerOptions: { maxParamLength: 500 },
    // Only the configured proxies (nginx on this host by default) may say who the client is.
    trustProxy: ctx.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Errors the router raises before any route runs (a path part too long, a malformed URL) get the same
    // bilingual body as every other refusal.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply).status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: ERROR_CODES.VALIDATION_FAILED,
          details: {
            fields: [
              { path: 'params', message: { zh: 'params：网址路径不正确或过长', en: `params: ${error.message}` } },
            ],
          },
        },
      });
    },
  });

  // Clients often send `content-type: application/json` with an empty body on actions that take none (submit,
  // claim): read that as no body, so a route without a body schema accepts it and one with a schema names the field.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 8 * 1024 * 1024, files: 1, fields: 20, fieldSize: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'OpenBeian API', version: '0.1.0', description: 'ICP filing platform for hosting providers' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.sessionToken = token;
      request.user = await findSessionUser(ctx, token);
    }
  });
  registerRequestGuards(app, ctx);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
      );
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = (error as FastifyError).validationContext ?? 'body';
      const fields = toFieldProblems(
        part,
        error.validation.map((v) => ({
          ...(v.params as Record<string, unknown>),
          code: v.keyword,
          message: v.message ?? 'invalid',
          path: v.instancePath.split('/').filter(Boolean),
        })),
      );
      return reply
        .status(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: ERROR_CODES.VALIDATION_FAILED, details: { fields } } });
    }
    if (isAppError(error)) {
      const status = HTTP_STATUS[error.code];
      if (status >= 500) request.log.error({ err: error }, 'application error');
      // `code` is a redacted key in logs (SMS codes); the error's code goes under its own name.
      else request.log.warn({ errorCode: error.code }, 'request refused');
      if (error.code === 'RATE_LIMITED') {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return reply
        .status(status)
        .send({ error: { code: error.code, message: ERROR_CODES[error.code], details: error.details ?? undefined } });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      const code =
        fastifyError.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : fastifyError.statusCode === 415
            ? 'UNSUPPORTED_MEDIA'
            : 'VALIDATION_FAILED';
      request.log.warn({ err: error }, 'bad request');
      // Fastify's own refusals (unreadable JSON, a body it cannot take) concern the body as a whole.
      const fields =
        code === 'VALIDATION_FAILED'
          ? [
              {
                path: 'body',
                message: { zh: `body：${bodyProblemZh(fastifyError.code)}`, en: `body: ${fastifyError.message}` },
              },
            ]
          : undefined;
      return reply.status(fastifyError.statusCode).send({
        error: {
          code,
          message: { zh: ERROR_CODES[code].zh, en: fastifyError.message },
          details: fields ? { fields } : undefined,
        },
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: ERROR_CODES.INTERNAL, requestId: request.id } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'NOT_FOUND', message: ERROR_CODES.NOT_FOUND, details: { path: request.url.split('?')[0] } },
    });
  });

  registerMetrics(app);
  const routes: HttpPlugin[] = [
    systemRoutes,
    accountRoutes,
    precheckRoutes,
    orderRoutes,
    handoffRoutes,
    statsRoutes,
    filedRoutes,
    claimRoutes,
    aftercareRoutes,
    reviewRoutes,
    resourceRoutes,
    butlerRoutes,
    complianceRoutes,
    noticeRoutes,
    regulatorSimRoutes,
    publicQueryRoutes,
    enforcementRoutes,
    privacyRoutes,
    apiTokenRoutes,
    devRoutes,
    ...extraRoutes,
    webUiRoutes,
  ];
  for (const plugin of routes) await plugin(app, ctx);
  await app.ready();
  return app;
}

export type { ZodTypeProvider };

function bodyProblemZh(fastifyCode: string | undefined): string {
  switch (fastifyCode) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '不是有效的 JSON，请检查括号和引号';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '内容类型不受支持';
    default:
      return '请求体无法读取，请检查格式';
  }
}
