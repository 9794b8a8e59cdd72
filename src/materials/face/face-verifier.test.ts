import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFaceVerifier, createHttpFaceVerifier, type FacePerson } from './face-verifier.ts';

const API_KEY = 'test-key-0123456789';
const person = (name: string): FacePerson => ({ name, idType: 'resident_id', idNumber: '11010519491231002X' });

// A stand-in for the vendor on a real socket: the verifier is exercised through real HTTP, nothing mocked.
// The vendor's answer is chosen by the person's name.
let server: Server;
let vendorUrl: string;
const received: Array<{ authorization: string | undefined; body: Record<string, unknown> }> = [];
const pendingTimers = new Set<NodeJS.Timeout>();

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      const body = await readJson(request);
      received.push({ authorization: request.headers.authorization, body });
      const reply = (status: number, payload: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (request.headers.authorization !== `Bearer ${API_KEY}`) return reply(401, { error: 'unauthorised' });
      switch (body.name) {
        case '张三':
          return reply(200, { match: true, score: 0.97, requestId: 'req-match-1' });
        case '李四':
          return reply(200, { match: false, score: 0.12, requestId: 'req-nomatch-1' });
        case 'boom':
          return reply(500, { error: 'internal' });
        case 'wrong-shape':
          return reply(200, { result: 'ok' });
        case 'not-json':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<html>gateway</html>');
          return;
        case 'slow': {
          // The vendor is slower than the verifier's timeout; the timer is the server's, the test never sleeps.
          const timer = setTimeout(() => reply(200, { match: true, score: 1, requestId: 'too-late' }), 5_000);
          pendingTimers.add(timer);
          return;
        }
        default:
          return reply(400, { error: 'unknown test person' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vendorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/face/verify`;
});

afterAll(async () => {
  for (const timer of pendingTimers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let photo: Buffer;
beforeAll(async () => {
  photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c08060' } })
    .jpeg()
    .toBuffer();
});

describe('createHttpFaceVerifier', () => {
  const verifier = (overrides: { apiKey?: string; timeoutMs?: number; url?: string } = {}) =>
    createHttpFaceVerifier({
      url: overrides.url ?? vendorUrl,
      apiKey: overrides.apiKey ?? API_KEY,
      timeoutMs: overrides.timeoutMs ?? 2_000,
    });

  it('passes on a vendor match and sends the documented request', async () => {
    const result = await verifier().verify({ person: person('张三'), photo });
    expect(result).toEqual({ outcome: 'passed', score: 0.97, vendorRef: 'req-match-1' });
    const request = received.at(-1);
    expect(request?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toEqual({
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      photo: photo.toString('base64'),
    });
  });

  it('fails on a vendor no-match, keeping score and reference', async () => {
    const result = await verifier().verify({ person: person('李四'), photo });
    expect(result).toEqual({ outcome: 'failed', score: 0.12, vendorRef: 'req-nomatch-1', reason: 'no_match' });
  });

  it('reports error on a vendor 500', async () => {
    expect(await verifier().verify({ person: person('boom'), photo })).toEqual({
      outcome: 'error',
      reason: 'http_500',
    });
  });

  it('reports error when the vendor refuses the key', async () => {
    expect(await verifier({ apiKey: 'wrong-key' }).verify({ person: person('张三'), photo })).toEqual({
      outcome: 'error',
      reason: 'http_401',
    });
  });

  it('reports error on a 2xx body of the wrong shape or not JSON', async () => {
    expect(await verifier().verify({ person: person('wrong-shape'), photo })).toEqual({
      outcome: 'error',
      reason: 'bad_response',
    });
    expect(await verifier().verify({ person: person('not-json'), photo })).toEqual({
      outcome: 'error',
      reason: 'bad_response',
    });
  });

  it('reports error on timeout, promptly', async () => {
    const startedAt = performance.now();
    const result = await verifier({ timeoutMs: 150 }).verify({ person: person('slow'), photo });
    expect(result).toEqual({ outcome: 'error', reason: 'timeout' });
    expect(performance.now() - startedAt).toBeLessThan(3_000);
  });

  it('reports error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await verifier({ url: `http://127.0.0.1:${port}/` }).verify({ person: person('张三'), photo });
    expect(result).toEqual({ outcome: 'error', reason: 'network' });
  });

  it('refuses a misconfiguration at creation', () => {
    expect(() => verifier({ url: 'ftp://vendor.example/' })).toThrow(TypeError);
    expect(() => verifier({ url: 'not a url' })).toThrow(TypeError);
    expect(() => verifier({ apiKey: '' })).toThrow(TypeError);
    expect(() => verifier({ timeoutMs: 0 })).toThrow(TypeError);
  });
});

describe('createDemoFaceVerifier', () => {
  const demo = createDemoFaceVerifier();

  it('passes a photo that decodes and is at least 64×64', async () => {
    expect(await demo.verify({ person: person('张三'), photo })).toMatchObject({ outcome: 'passed' });
    const edge = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    expect((await demo.verify({ person: person('张三'), photo: edge })).outcome).toBe('passed');
  });

  it('fails a photo smaller than 64×64', async () => {
    const tiny = await sharp({ create: { width: 64, height: 63, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    expect(await demo.verify({ person: person('张三'), photo: tiny })).toMatchObject({
      outcome: 'failed',
      reason: 'too_small',
    });
  });

  it('fails bytes that are not an image, or a truncated one, without throwing', async () => {
    expect(await demo.verify({ person: person('张三'), photo: Buffer.from('not an image') })).toEqual({
      outcome: 'failed',
      reason: 'not_an_image',
    });
    expect(await demo.verify({ person: person('张三'), photo: Buffer.alloc(0) })).toEqual({
      outcome: 'failed',
      reason: 'not_an_image',
    });
    const truncated = photo.subarray(0, Math.floor(photo.length / 2));
    expect(await demo.verify({ person: person('张三'), photo: truncated })).toEqual({
      outcome: 'failed',
      reason: 'not_an_image',
    });
  });
});
