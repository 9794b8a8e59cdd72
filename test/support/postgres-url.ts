/**
 * The migrated template the test databases are copied from, named after the database in DATABASE_URL, so two
 * checkouts testing against one server at the same time (worktrees, a CI run beside a session) never drop each
 * other's template.
 */
export function templateDatabase(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '') || 'openbeian_test';
  return `${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_template`;
}

/** The server's maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
