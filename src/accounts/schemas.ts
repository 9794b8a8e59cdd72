import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

// Field limits of accounts, defined once for registration, login and recovery. The strength of a new password is
// judged by the command (password-policy.ts), which knows the e-mail it must not be built on.
export const emailField = z.string().trim().email().max(254).describe('登录邮箱 / e-mail');
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .describe(`密码，至少 ${PASSWORD_MIN_LENGTH} 个字符，不能是常见密码 / password, at least ${PASSWORD_MIN_LENGTH} characters, not a common one`);
