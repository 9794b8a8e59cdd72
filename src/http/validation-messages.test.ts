import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldProblems } from './validation-messages.ts';

/** What a user reads under the field when the request schema refuses a value. */
function zhFor(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return toFieldProblems('body', result.error.issues as never)[0]!.message.zh;
}

describe('Chinese messages for refused request fields', () => {
  const body = (field: z.ZodType) => z.object({ field });

  it('names the field by its path and counts text in characters', () => {
    expect(zhFor(body(z.string().max(128)), { field: 'x'.repeat(129) })).toBe('body.field：太长，最多 128 个字符');
    expect(zhFor(body(z.string().min(8)), { field: 'short' })).toBe('body.field：太短，至少 8 个字符');
  });

  it('counts lists in items and numbers by value', () => {
    expect(zhFor(body(z.array(z.string()).min(1)), { field: [] })).toBe('body.field：至少需要 1 项');
    expect(zhFor(body(z.number().int().max(100)), { field: 101 })).toBe('body.field：不能大于 100');
  });

  it('says which format a text must have', () => {
    expect(zhFor(body(z.email()), { field: 'not-an-address' })).toBe('body.field：不是有效的电子邮箱地址');
    expect(zhFor(body(z.string().regex(/^\d+$/)), { field: 'abc' })).toBe('body.field：格式不正确，请检查');
  });

  it('asks for a missing field and keeps the English sentence from the schema', () => {
    const result = body(z.string()).safeParse({});
    const [problem] = toFieldProblems('body', result.error!.issues as never);
    expect(problem!.message.zh).toBe('body.field：必填，请填写');
    expect(problem!.message.en).toMatch(/^body\.field: /);
  });
});
