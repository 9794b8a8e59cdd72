import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './logger.ts';

describe('request URLs in logs', () => {
  it('hides reset tokens, codes and hand-off tokens, and keeps the rest readable', () => {
    expect(redactUrl('/reset-password?token=abc123&lang=en')).toBe('/reset-password?token=[redacted]&lang=en');
    expect(redactUrl('/api/v1/handoff/eyJhbGciOi.x.y/qr.svg')).toBe('/api/v1/handoff/[redacted]/qr.svg');
    expect(redactUrl('/m/eyJhbGciOi.x.y')).toBe('/m/[redacted]');
    expect(redactUrl('/api/v1/dev/outbox?to=13800000000&CODE=1')).toBe(
      '/api/v1/dev/outbox?to=13800000000&CODE=[redacted]',
    );
    expect(redactUrl('/api/v1/public/filings?domain=example.cn')).toBe('/api/v1/public/filings?domain=example.cn');
    expect(redactUrl('/orders/m-not-a-token')).toBe('/orders/m-not-a-token');
  });

  it('is what Fastify writes for each incoming request', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const app = Fastify({ loggerInstance: logger as unknown as FastifyBaseLogger });
    app.get('/reset-password', async () => 'ok');
    await app.inject({ method: 'GET', url: '/reset-password?token=s3cret' });
    await app.close();
    const logged = lines.join('\n');
    expect(logged).toContain('/reset-password?token=[redacted]');
    expect(logged).not.toContain('s3cret');
  });
});

describe('settings in logs', () => {
  it('never writes the object store secret, should the storage settings be logged', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const storage = { adapter: 's3', bucket: 'openbeian-files', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI-s3cret' };
    logger.info({ storage }, 'storage');
    logger.info({ config: { storage } }, 'config');
    logger.info(storage, 'flat');
    const logged = lines.join('\n');
    expect(logged).toContain('openbeian-files');
    expect(logged).not.toContain('wJalrXUtnFEMI-s3cret');
  });
});
