import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for what lies outside the provider, for tests that run the platform as a separate process: an SMTP
 * server, an SMS gateway and a face-verification vendor, each on 127.0.0.1 on a free port, each recording what it
 * got. `waitFor` resolves as soon as a matching message arrives (no polling on a timer), or fails after 30 s.
 */
type Waiter<T> = { test: (item: T) => boolean; resolve: (item: T) => void };

class Inbox<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(item)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(item);
      }
    }
  }

  waitFor(what: string, test: (item: T) => boolean, ms = 30_000): Promise<T> {
    const found = this.items.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still waiting for ${what}; got ${this.items.length} other(s)`)), ms);
      this.waiters.push({ test, resolve: (item) => (clearTimeout(timer), resolve(item)) });
    });
  }
}

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };
export type ReceivedSms = { to: string; template: string; text: string; authorization: string | undefined };

/** A client connecting to or leaving the SMTP server (to see pooling and the pool closing at shutdown). */
export type SmtpConnectionEvent = { kind: 'open' | 'close'; id: string };

export async function startSmtpServer(): Promise<{ url: string; inbox: Inbox<ReceivedMail>; connections: Inbox<SmtpConnectionEvent>; close(): Promise<void> }> {
  const inbox = new Inbox<ReceivedMail>();
  const connections = new Inbox<SmtpConnectionEvent>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(session, callback) {
      connections.push({ kind: 'open', id: session.id });
      callback();
    },
    onClose(session) {
      connections.push({ kind: 'close', id: session.id });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...readMessage(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, inbox, connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The subject and plain text of a single-part message as nodemailer writes it (base64 or quoted-printable). */
function readMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { subject, text };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i += 1) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

type StubAnswer = { status: number; json?: unknown };

async function listen(handler: (request: IncomingMessage, body: Buffer) => StubAnswer | Promise<StubAnswer>): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void Promise.resolve(handler(request, Buffer.concat(chunks))).then((answer) => {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.json === undefined ? '' : JSON.stringify(answer.json));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

const closing = (server: Server) => () =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** An SMS gateway of the shape src/notify/deliver.ts speaks: POST {to, template, text} with a bearer key. */
export async function startSmsGateway(key: string): Promise<{ url: string; inbox: Inbox<ReceivedSms>; close(): Promise<void> }> {
  const inbox = new Inbox<ReceivedSms>();
  const { url, server } = await listen((request, body) => {
    if (request.headers.authorization !== `Bearer ${key}`) return { status: 401 };
    const message = JSON.parse(body.toString('utf8')) as { to: string; template: string; text: string };
    inbox.push({ ...message, authorization: request.headers.authorization });
    return { status: 200, json: { accepted: true } };
  });
  return { url: `${url}/sms/send`, inbox, close: closing(server) };
}

/** A face-verification vendor (src/materials/face/face-verifier.ts): it matches any photo of a person it is sent. */
export async function startFaceVendor(key: string): Promise<{ url: string; requests: { idNumber: string; photoBytes: number }[]; close(): Promise<void> }> {
  const requests: { idNumber: string; photoBytes: number }[] = [];
  const { url, server } = await listen((request, body) => {
    if (request.headers.authorization !== `Bearer ${key}`) return { status: 401 };
    const input = JSON.parse(body.toString('utf8')) as { idNumber: string; photo: string };
    requests.push({ idNumber: input.idNumber, photoBytes: Buffer.from(input.photo, 'base64').length });
    return { status: 200, json: { match: true, score: 0.97, requestId: `face-${requests.length}` } };
  });
  return { url: `${url}/face/verify`, requests, close: closing(server) };
}

export type ReceivedSignedSms = { phoneNumber: string; signName: string; templateCode: string; templateParam: Record<string, string>; outId: string; keyId: string };

/**
 * A Chinese-style signed SMS gateway (OPENBEIAN_SMS=signed). It checks the signature the way docs/operations.md
 * "Delivery" tells a provider to — written here from that text, not with the platform's code — refuses a reused nonce,
 * answers 503 to the next `failNext(n)` valid requests, and keeps the next valid request waiting after `holdNext()`
 * until it is released (a text in flight, its sender waiting for the answer).
 */
export async function startSignedSmsGateway(key: string): Promise<{
  url: string;
  accepted: Inbox<ReceivedSignedSms>;
  refused: { status: number; reason: string }[];
  failNext(count: number): void;
  holdNext(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}> {
  const accepted = new Inbox<ReceivedSignedSms>();
  const refused: { status: number; reason: string }[] = [];
  const nonces = new Set<string>();
  let toFail = 0;
  let hold: { arrive(): void; released: Promise<void> } | null = null;
  const { url, server } = await listen(async (request, body) => {
    const header = (name: string) => String(request.headers[name] ?? '');
    const canonical = ['POST', request.url ?? '', header('x-ob-key-id'), header('x-ob-timestamp'), header('x-ob-nonce'), createHash('sha256').update(body).digest('hex')].join('\n');
    const refuse = (status: number, reason: string) => {
      refused.push({ status, reason });
      return { status, json: { accepted: false, reason } };
    };
    if (header('x-ob-signature') !== createHmac('sha256', key).update(canonical).digest('hex')) return refuse(401, 'bad signature');
    if (nonces.has(header('x-ob-nonce'))) return refuse(401, 'nonce reused');
    nonces.add(header('x-ob-nonce'));
    if (hold) {
      const held = hold;
      hold = null;
      held.arrive();
      await held.released;
    }
    if (toFail > 0) {
      toFail -= 1;
      return refuse(503, 'busy');
    }
    const message = JSON.parse(body.toString('utf8')) as Omit<ReceivedSignedSms, 'keyId'>;
    accepted.push({ ...message, keyId: header('x-ob-key-id') });
    return { status: 200, json: { accepted: true, requestId: `sms-${accepted.items.length}` } };
  });
  return {
    url: `${url}/sms/send`,
    accepted,
    refused,
    failNext: (count) => {
      toFail = count;
    },
    holdNext: () => {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      hold = { arrive, released: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived, release };
    },
    close: closing(server),
  };
}
