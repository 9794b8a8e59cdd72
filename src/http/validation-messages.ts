import type { FieldProblem } from '../core/errors.ts';

type Issue = { code: string; path: PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown; expected?: unknown; input?: unknown };

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
      return `太短或太小，至少 ${String(issue.minimum)}`;
    case 'too_big':
      return `太长或太大，最多 ${String(issue.maximum)}`;
    case 'invalid_format':
    case 'invalid_string':
      return '格式不正确，请检查';
    case 'invalid_value':
    case 'invalid_enum_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return '包含不认识的字段';
    default:
      return '内容无效，请检查';
  }
}
