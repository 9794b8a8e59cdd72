/** Reads and writes a draft by the same paths the pre-check reports ("services[0].domains[0].name"). */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return parts;
}

export function getAt(target: unknown, path: string): unknown {
  let current: unknown = target;
  for (const key of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function setAt<T extends object>(target: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const root: Record<string | number, unknown> = Array.isArray(target)
    ? ([...target] as never)
    : { ...(target as object) };
  let cursor = root;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      if (value === '' || value === undefined) delete cursor[key];
      else cursor[key] = value;
      return;
    }
    const next = cursor[key];
    const copy = Array.isArray(next)
      ? [...next]
      : next && typeof next === 'object'
        ? { ...(next as object) }
        : typeof keys[index + 1] === 'number'
          ? []
          : {};
    cursor[key] = copy;
    cursor = copy as Record<string | number, unknown>;
  });
  return root as T;
}
