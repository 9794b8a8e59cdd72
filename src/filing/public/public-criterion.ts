import { AppError } from '../../core/errors.ts';
import { analyseTypedDomain, parseFilingNumber } from '../../rules/index.ts';

/** What the public asked for, already normalised to the keys stored in filed_services / filed_subjects. */
export type PublicCriterion =
  | { by: 'domain'; domain: string }
  | { by: 'subject'; number: string }
  | { by: 'service'; number: string }
  | { by: 'licence' }
  | { by: 'unit'; names: string[]; isPrefix: boolean };

export type PublicQueryInput = { domain?: string; number?: string; unit?: string };

const LIMITS = { domain: 253, number: 60, unit: 100 } as const;

function refuse(field: keyof PublicQueryInput, zh: string, en: string): AppError {
  return AppError.field('VALIDATION_FAILED', `query.${field}`, zh, en);
}

/** Reads the one search key given; a problem names the field and says how to fix it, in zh and en. */
export function parsePublicQuery(input: PublicQueryInput): PublicCriterion {
  const given = (['domain', 'number', 'unit'] as const).filter((field) => input[field] !== undefined);
  if (given.length === 0) {
    throw refuse('domain', '请提供 domain（域名）、number（备案号）或 unit（主办单位名称）中的一项', 'Give one of domain, number or unit');
  }
  if (given.length > 1) {
    throw refuse(given[1]!, '每次只能按域名、备案号或单位名称中的一项查询', 'Search by only one of domain, number or unit at a time');
  }
  const field = given[0]!;
  const value = (input[field] ?? '').trim();
  if (value === '') throw refuse(field, '查询内容不能为空', 'The search value is empty');
  if (value.length > LIMITS[field]) {
    throw refuse(field, `内容过长，最多 ${LIMITS[field]} 个字符`, `Too long: at most ${LIMITS[field]} characters`);
  }
  switch (field) {
    case 'domain':
      return { by: 'domain', domain: parseDomain(value) };
    case 'number':
      return parseNumber(value);
    case 'unit':
      return parseUnit(value);
  }
}

function parseDomain(value: string): string {
  const analysis = analyseTypedDomain(value);
  if (analysis.ok) return analysis.registrable;
  if (analysis.problem === 'unreadable_url') {
    throw refuse('domain', '网址格式不正确，请只填写域名，例如 example.com', 'Not a valid address; enter the domain only, e.g. example.com');
  }
  if (analysis.problem === 'ip') throw refuse('domain', '请填写域名，不能按 IP 地址查询', 'Enter a domain name; IP addresses cannot be searched');
  throw refuse('domain', '不是有效的域名，请填写如 example.com 或 www.例子.中国', 'Not a valid domain; enter e.g. example.com or www.例子.中国');
}

function parseNumber(value: string): PublicCriterion {
  const parsed = parseFilingNumber(value);
  if (!parsed) {
    throw refuse('number', '备案号格式不正确，例如 浙ICP备2026012345号 或 浙ICP备2026012345号-1', 'Not a filing number, e.g. 浙ICP备2026012345号 or 浙ICP备2026012345号-1');
  }
  // Commercial licence numbers (浙B2-…) are valid but are not filing records kept here.
  if (parsed.licence) return { by: 'licence' };
  return parsed.serviceIndex ? { by: 'service', number: parsed.normalised } : { by: 'subject', number: parsed.subjectNumber };
}

/** A name this long or longer also finds the organisations whose names start with it. */
export const UNIT_PREFIX_MIN = 4;

function parseUnit(value: string): PublicCriterion {
  const name = value.normalize('NFC').replace(/\s+/g, ' ');
  if ([...name].length < 2) {
    throw refuse('unit', `请填写完整的主办单位名称，或名称开头至少 ${UNIT_PREFIX_MIN} 个字`, `Enter the organisation’s full name, or at least the first ${UNIT_PREFIX_MIN} characters of it`);
  }
  // People type the brackets of "（分公司）" either full- or half-width.
  const fullWidth = name.replace(/\(/g, '（').replace(/\)/g, '）');
  const halfWidth = name.replace(/（/g, '(').replace(/）/g, ')');
  return { by: 'unit', names: [...new Set([name, fullWidth, halfWidth])], isPrefix: [...name].length >= UNIT_PREFIX_MIN };
}
