import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SiteHandler = (request: IncomingMessage, response: ServerResponse, scheme: 'http' | 'https') => void;

/** A self-signed certificate made now with openssl, for a local HTTPS server. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: a server is opened there and closed again, so connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One HTTP and one HTTPS server answering for every Host, each site chosen by the handler from the Host header. */
export async function startLocalSites(handler: SiteHandler): Promise<{ httpPort: number; httpsPort: number; close(): Promise<void> }> {
  const http = createHttpServer((request, response) => handler(request, response, 'http'));
  const https = createHttpsServer(selfSignedCertificate(), (request, response) => handler(request, response, 'https'));
  const [httpPort, httpsPort] = [await listen(http), await listen(https)];
  return {
    httpPort,
    httpsPort,
    async close() {
      for (const server of [http, https]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** The host a request was made for, without its port. */
export const hostOf = (request: IncomingMessage): string => (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
