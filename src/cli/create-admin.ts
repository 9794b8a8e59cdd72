import { parseArgs } from 'node:util';
import type { Config } from '../core/config.ts';
import { SYSTEM_ACTOR } from '../core/audit.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { isAppError } from '../core/errors.ts';
import { newToken } from '../core/ids.ts';
import { createLogger } from '../core/logger.ts';
import { registerUser, STAFF_ROLES, type Role } from '../accounts/index.ts';

const USAGE = 'usage: openbeian create-admin --email EMAIL [--role admin|reviewer|compliance|butler] [--name NAME] [--password-stdin]';

/**
 * `openbeian create-admin --email …`: the first staff account of a production install (production seeds no demo
 * accounts). The password is read from standard input with --password-stdin (never from the command line, where
 * `ps` and shell history would keep it), or generated and printed once.
 */
export async function runCreateAdmin(config: Config, argv: string[]): Promise<number> {
  let values: { email?: string; role?: string; name?: string; 'password-stdin'?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, role: { type: 'string', default: 'admin' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const email = values.email?.trim() ?? '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error(`--email: an e-mail address is required\n${USAGE}`);
    return 1;
  }
  const role = values.role as Role;
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    console.error(`--role: one of ${STAFF_ROLES.join(', ')}\n${USAGE}`);
    return 1;
  }
  const generated = !values['password-stdin'];
  const password = generated ? newToken(15) : (await readStdin()).replace(/\r?\n$/, '');
  if (password.length < 8 || password.length > 128) {
    console.error('the password read from standard input must have 8 to 128 characters');
    return 1;
  }

  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx = createContext(config, database, createLogger('warn'));
    const user = await registerUser(ctx, { ...SYSTEM_ACTOR, role: 'cli' }, { email, password, role, displayName: values.name ?? '管理员' });
    console.log(`created ${user.role} ${user.email}`);
    if (generated) console.log(`password (shown once; change it after the first login): ${password}`);
    return 0;
  } catch (error) {
    if (isAppError(error) && error.code === 'EMAIL_TAKEN') {
      console.error(`${email} already has an account`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
