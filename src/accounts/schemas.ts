import { z } from 'zod';

// Field limits of accounts, defined once for registration, login and recovery.
export const emailField = z.string().trim().email().max(254).describe('登录邮箱 / e-mail');
export const newPasswordField = z.string().min(8).max(128).describe('密码，至少 8 位 / password, at least 8 characters');
