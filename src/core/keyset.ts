import { AppError } from './errors.ts';

/**
 * Keyset pagination (issue 10: no list cut silently): a page ends with an opaque cursor made of the sort key of its
 * last row; the next page starts strictly after it, so rows added meanwhile neither repeat nor go missing, and a
 * deep page costs what the first does.
 */
export type KeysetValue = string | number;

export function writeCursor(values: readonly KeysetValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Reads a cursor whose values have the given kinds; anything else is a field error on `query.cursor`. */
export function readCursor<const K extends readonly ('instant' | 'text')[]>(cursor: string, kinds: K): { [I in keyof K]: K[I] extends 'instant' ? Date : string } {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === kinds.length) {
      const read = kinds.map((kind, index) => {
        const value: unknown = values[index];
        if (typeof value !== 'string') return undefined;
        if (kind === 'text') return value;
        const instant = new Date(value);
        return Number.isNaN(instant.getTime()) ? undefined : instant;
      });
      if (read.every((value) => value !== undefined)) return read as { [I in keyof K]: K[I] extends 'instant' ? Date : string };
    }
  } catch {
    // falls through to the field error
  }
  throw AppError.field('VALIDATION_FAILED', 'query.cursor', '翻页游标无效，请从第一页重新查询', 'The cursor is not valid; start again from the first page');
}

/** Fetch one row more than the page to know whether another page follows. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => KeysetValue[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? writeCursor(keyOf(last)) : null };
}
