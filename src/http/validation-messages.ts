import type { FieldProblem } from '../core/errors.ts';

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  input?: unknown;
  /** zod 4: what a size limit measures (string length, number, array items …). */
  origin?: string;
  /** zod 4: which string format failed (email, uuid, regex …). */
  format?: string;
};

/** Turns schema issues into field problems with a Chinese and an English sentence each. */
export function toFieldProblems(part: string, issues: readonly Issue[]): FieldProblem[] {
  return issues.map((issue) => {
    const path = [part, ...issue.path.map(String)].join('.');
    return { path, message: { zh: `${path}：${chineseFor(issue)}`, en: `${path}: ${issue.message}` } };
  });
}

function chineseFor(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填，请填写' : `类型不正确，应为 ${String(issue.expected)}`;
    case 'too_small':
      return limitFor(issue.origin, 'min', issue.minimum);
    case 'too_big':
      return limitFor(issue.origin, 'max', issue.maximum);
    case 'invalid_format':
    case 'invalid_string':
      return FORMAT_NAMES[issue.format ?? ''] ? `不是有效的${FORMAT_NAMES[issue.format!]}` : '格式不正确，请检查';
    case 'invalid_value':
    case 'invalid_enum_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return '包含不认识的字段';
    default:
      return '内容无效，请检查';
  }
}

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮箱地址',
  uuid: 'UUID',
  url: '网址',
  date: '日期（YYYY-MM-DD）',
  datetime: '时间（ISO 8601）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

/** A size limit in the unit the user counts: characters of a text, items of a list, the value of a number. */
function limitFor(origin: string | undefined, side: 'min' | 'max', limit: unknown): string {
  const n = String(limit);
  switch (origin) {
    case 'string':
      return side === 'min' ? `太短，至少 ${n} 个字符` : `太长，最多 ${n} 个字符`;
    case 'array':
    case 'set':
      return side === 'min' ? `至少需要 ${n} 项` : `最多 ${n} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      return side === 'min' ? `不能小于 ${n}` : `不能大于 ${n}`;
    case 'file':
      return side === 'min' ? `文件太小，至少 ${n} 字节` : `文件太大，最多 ${n} 字节`;
    default:
      return side === 'min' ? `太短或太小，至少 ${n}` : `太长或太大，最多 ${n}`;
  }
}
