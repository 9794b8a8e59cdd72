/** What a request answered: the status, the headers (`x-upstream`, `etag`, `retry-after` …) and the body. */
export type Answer = { status: number; headers: Headers; text: string; json: <T = unknown>() => T };

/** `base`: another address than the client's own (a process behind the load balancer, directly). */
export type RequestOptions = { headers?: Record<string, string>; base?: string };

/**
 * One person's browser over real HTTP against running servers (test/production.test.ts, test/scale-out.test.ts): one
 * cookie jar for every address it talks to — the session lives in the database, so a cookie from one process is good
 * at every other. Once it has logged in with `logIn`, a request refused because the session ended (the virtual clock
 * moved days ahead) logs in again and is repeated, as its user would.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private credentials: { email: string; password: string } | null = null;

  constructor(readonly base: string) {}

  async request(method: string, path: string, options: RequestOptions & { body?: unknown } = {}): Promise<Answer> {
    const answer = await this.send(method, path, options);
    const isSessionOver = answer.status === 401 && this.credentials && path !== '/api/v1/auth/login' && answer.text.includes('"UNAUTHENTICATED"');
    if (!isSessionOver) return answer;
    const again = await this.send('POST', '/api/v1/auth/login', { body: this.credentials, base: options.base });
    return again.status === 200 ? this.send(method, path, options) : answer;
  }

  private async send(method: string, path: string, options: RequestOptions & { body?: unknown }): Promise<Answer> {
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

  /** Logs in, and remembers how, to log in again when the session ends. */
  async logIn(email: string, password: string, options: RequestOptions = {}): Promise<Answer> {
    const answer = await this.request('POST', '/api/v1/auth/login', { ...options, body: { email, password } });
    if (answer.status === 200) this.credentials = { email, password };
    return answer;
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, body: unknown = {}, options?: RequestOptions) => this.request('POST', path, { ...options, body });

  upload(path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }, options?: RequestOptions): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return this.request('POST', path, { ...options, body: form });
  }
}
