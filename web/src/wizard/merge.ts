import { setAt } from './paths.ts';

type Draft = Record<string, unknown>;

/** Every leaf of a draft by its path ("services[0].domains[0].name"); empty objects and arrays count as leaves. */
export function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, []);
    value.forEach((item, index) => leaves(item, `${prefix}[${index}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [key, item] of entries) leaves(item, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined && prefix) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Arrays left with holes where the other side removed an element are closed up. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map(compact);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

/**
 * Three-way merge of the draft, field by field: `base` is what this browser last knew the server had, `mine` what
 * the user has typed since, `theirs` what the server has now (saved from another tab or device). A field changed
 * on one side only takes that side; a field changed on both keeps the user's typing and is reported.
 */
export function mergeDrafts(base: Draft, mine: Draft, theirs: Draft): { merged: Draft; conflicts: string[] } {
  const b = leaves(base);
  const m = leaves(mine);
  const t = leaves(theirs);
  const paths = [...new Set([...t.keys(), ...m.keys()])];
  const conflicts: string[] = [];
  let merged: Draft = {};
  for (const path of paths) {
    const [bv, mv, tv] = [b.get(path), m.get(path), t.get(path)];
    let value: unknown;
    if (same(mv, bv)) value = tv;
    else if (same(tv, bv) || same(mv, tv)) value = mv;
    else {
      value = mv;
      conflicts.push(path);
    }
    if (value !== undefined) merged = setAt(merged, path, value);
  }
  return { merged: compact(merged) as Draft, conflicts };
}
