import { bilingual } from '../i18n.ts';
import type { ApiRoutes } from './generated.ts';

/** The console's one way to the API: same-origin fetch with the session cookie, errors as ApiError. */
export type Bilingual = { zh: string; en: string };
export type FieldProblem = { path: string; message: Bilingual };
export type Finding = {
  code: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: Bilingual;
  source?: string;
};
export type ErrorDetails = {
  fields?: FieldProblem[];
  findings?: Finding[];
  currentVersion?: number;
  [key: string]: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly details: ErrorDetails = {},
  ) {
    super(bilingual.en);
  }
}

/** Fired when a call answers 401 after the console thought it was logged in: the session has ended. */
export const SESSION_ENDED = 'openbeian:session-ended';
/** Login, logout and "who am I" answer 401 as part of their job; it does not mean a session ended. */
const AUTH_ROUTES = /^\/api\/v1\/auth\//;

type Options = { method?: string; body?: unknown; headers?: Record<string, string>; form?: FormData };

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', bilingual('load.network'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: { error?: { code?: string; message?: unknown; details?: ErrorDetails }; message?: unknown } | undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    // Most errors are { error: { code, message, details } }; a few simulator answers carry { outcome, message }.
    const error = json?.error ?? {};
    const given = error.message ?? json?.message;
    const message: Bilingual = isBilingual(given) ? given : bilingual('load.status', { status: response.status });
    if (response.status === 401 && !AUTH_ROUTES.test(path)) window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      message,
      error.details ?? ((json && !json.error ? json : {}) as ErrorDetails),
    );
  }
  return json as T;
}

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Bilingual).zh === 'string' &&
    typeof (value as Bilingual).en === 'string'
  );
}

export type Route = keyof ApiRoutes;
type Part<K extends Route, P extends 'params' | 'query'> = [ApiRoutes[K][P]] extends [never]
  ? { [key in P]?: never }
  : { [key in P]: ApiRoutes[K][P] };
type BodyPart<K extends Route> = [ApiRoutes[K]['body']] extends [never]
  ? { body?: FormData }
  : { body: ApiRoutes[K]['body'] };
export type CallInput<K extends Route> = Part<K, 'params'> &
  Partial<Part<K, 'query'>> &
  BodyPart<K> & { headers?: Record<string, string> };

/** The URL of a route of the generated table, for <img src> and links. */
export function urlOf<K extends Route>(
  route: K,
  params: ApiRoutes[K]['params'] extends never ? Record<string, never> : ApiRoutes[K]['params'],
  query?: Record<string, string | number | undefined>,
): string {
  const template = (route as string).split(' ')[1]!;
  let path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, string>)[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') search.set(key, String(value));
  if ([...search].length) path += `?${search}`;
  return path;
}

/**
 * One operation of the generated route table (./generated.ts, from the OpenAPI document): the route name, its path
 * parameters, query and body are checked against what the API declares. Use: call('GET /api/v1/orders/{id}')<OrderView>({ params: { id } }).
 */
export function call<K extends Route>(route: K) {
  return <T = unknown>(input: CallInput<K>): Promise<T> => {
    const method = (route as string).split(' ')[0]!;
    const { params, query, body, headers } = input as {
      params?: Record<string, string>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
      headers?: Record<string, string>;
    };
    const path = urlOf(route, (params ?? {}) as never, query);
    if (body instanceof FormData) return api<T>(path, { method, form: body, headers });
    return api<T>(path, { method, body: body ?? (method === 'GET' ? undefined : {}), headers });
  };
}
