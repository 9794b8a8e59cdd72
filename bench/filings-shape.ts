// The shape of the synthetic filings, shared by the seeder (which writes it in SQL) and the benchmark (which
// picks hosts from it without asking the database). Subject i (0-based) has two websites, j = 1 and 2.

/** `OPENBEIAN_BENCH_DATABASE` picks another name, so two checkouts on one server do not share (or reset) one data set. */
export const BENCH_DATABASE = process.env.OPENBEIAN_BENCH_DATABASE ?? 'openbeian_bench';
export const SUFFIXES = ['.com', '.cn', '.com.cn', '.net'] as const;

/** ob123x1.cn: the registrable domain of subject i's j-th website. */
export function benchDomain(i: number, j: 1 | 2): string {
  return `ob${i}x${j}${SUFFIXES[(i + j) % SUFFIXES.length]}`;
}

/** Every 50th subject is cancelled and every 20th subject's second site revoked: the check must say 403 there. */
export function isServedInBench(i: number, j: 1 | 2): boolean {
  return i % 50 !== 49 && !(i % 20 === 7 && j === 2);
}

/** The same database server, another database: benchmarks never touch the development or test data. */
export function benchUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${BENCH_DATABASE}`;
  return parsed.toString();
}

export function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres');
    process.exit(2);
  }
  return url;
}
