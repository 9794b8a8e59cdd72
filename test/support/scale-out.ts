import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Answer = { status: number; headers: Headers; text: string; json: <T = Record<string, unknown>>() => T };

/**
 * One person's browser, talking to several addresses (the load balancer, or a process directly) with one cookie
 * jar: the session lives in the database, so a cookie from one process is good at every other. A request refused
 * because the session ended (the virtual clock moved days ahead) logs in again and is repeated, as its user would.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private credentials: { email: string; password: string } | null = null;

  constructor(readonly base: string) {}

  async request(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; base?: string } = {}): Promise<Answer> {
    const answer = await this.send(method, path, options);
    const isSessionOver = answer.status === 401 && this.credentials && path !== '/api/v1/auth/login' && answer.text.includes('"UNAUTHENTICATED"');
    if (!isSessionOver) return answer;
    const again = await this.send('POST', '/api/v1/auth/login', { body: this.credentials, base: options.base });
    return again.status === 200 ? this.send(method, path, options) : answer;
  }

  private async send(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; base?: string }): Promise<Answer> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const isForm = options.body instanceof FormData;
    const response = await fetch(`${options.base ?? this.base}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(options.body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  async logIn(email: string, password: string, base?: string): Promise<Answer> {
    const answer = await this.request('POST', '/api/v1/auth/login', { body: { email, password }, base });
    if (answer.status === 200) this.credentials = { email, password };
    return answer;
  }

  get = (path: string, base?: string, headers?: Record<string, string>) => this.request('GET', path, { base, headers });
  post = (path: string, body: unknown = {}, base?: string, headers?: Record<string, string>) => this.request('POST', path, { body, base, headers });

  upload(path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }, base?: string): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return this.request('POST', path, { body: form, base });
  }
}

/**
 * An nginx load balancer in `dir` (pid, logs and temp files inside it): round robin over `upstreams`, passing the
 * client address as the platform's docs ask, and naming the process that answered in `x-upstream` (nginx's own
 * $upstream_addr: the platform is not asked to reveal anything about itself).
 */
export function writeLoadBalancerConfig(dir: string, port: number, upstreams: number[]): void {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp), { recursive: true });
  chmodSync(dir, 0o755);
  // Running as root (CI): workers would otherwise drop to "nobody", who cannot write the upload buffers here.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${user}
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  upstream openbeian {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 16m;
    location / {
      proxy_pass http://openbeian;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header x-upstream $upstream_addr always;
    }
  }
}
`,
  );
}
