#!/usr/bin/env node
import { ConfigError, loadConfig } from '../core/config.ts';

// Each command imports what it needs when it runs: `export-allowlist` from cron should not load the whole web app.
const database = () => import('../core/db/database.ts');
const migrations = () => import('../core/db/migrate.ts');

const USAGE = `openbeian <command>

  serve               start the platform (API, web console, background jobs)
  migrate             apply database migrations and exit
  seed                create the demo accounts (not in production mode)
  create-admin --email EMAIL [--role admin|reviewer|compliance|butler] [--name NAME] [--password-stdin]
                      a staff account (the first admin of a production install); the
                      password from standard input, or generated and printed once
  precheck FILE.json  check a filing draft and print the findings as JSON
  export-allowlist [--format nginx|haproxy|haproxy-map|text] [--out FILE]
                      the connected domains, for the proxy's map file
  audit verify        check the hash chains of the audit log; names the first broken link (exit 1)
  import FILE [--format csv|jsonl] [--rejects FILE]
                      filed subjects and services from an earlier system (docs/import.md);
                      bad lines go to FILE.rejects.csv, exit 3 when there were any
  sweep dns|footer|registrar
                      run a compliance sweep here to the end (or join the running one): progress, summary
  registrar-feed import FILE [--format csv|jsonl]
                      a registrar's file of domains (holder, real-name state, expiry) for the
                      registrar sweep; bad rows are listed by line and skipped (exit 1)
  rotate-keys [--check] [--batch-size N] [--max-batches N] [--audit-key KEY_ID]
                      re-encrypt and re-hash personal data to the current keys, in batches,
                      resumable; says when the old keys can be removed (exit 1 while not yet);
                      --check only counts; --audit-key prints an old key's audit-chain key

Settings come from the environment; see README.md.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'precheck') {
    const { runPrecheckCommand } = await import('./precheck.ts');
    return runPrecheckCommand(rest);
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      // The database opens while the platform's modules load: an embedded start copies its snapshot (file system,
      // off the main thread) and compiles PGlite's WebAssembly in the background meanwhile.
      const { openDatabase } = await database();
      const opening = openDatabase(config);
      opening.catch(() => undefined);
      const { createPlatform } = await import('../platform.ts');
      const platform = await createPlatform(config, { database: await opening });
      await platform.app.listen({ port: config.port, host: config.host });
      const shutdown = async () => {
        await platform.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1;
    }
    case 'migrate': {
      const [{ openDatabase }, { migrate }] = await Promise.all([database(), migrations()]);
      const opened = await openDatabase(config);
      const result = await migrate(opened.db);
      console.log(`applied ${result.applied.length} migration(s)${result.applied.length ? `: ${result.applied.join(', ')}` : ''}; ${result.alreadyApplied} already applied`);
      await opened.close();
      return 0;
    }
    case 'seed': {
      if (config.mode === 'production') {
        console.error('seed: demo accounts are not allowed in production mode');
        return 1;
      }
      const [{ openDatabase }, { migrate }, { createContext }, { createLogger }, { seedDemo }] = await Promise.all([
        database(),
        migrations(),
        import('../core/context.ts'),
        import('../core/logger.ts'),
        import('../seed-demo.ts'),
      ]);
      const opened = await openDatabase(config);
      await migrate(opened.db);
      const ctx = createContext(config, opened, createLogger('warn'));
      const created = await seedDemo(ctx);
      console.log(created.length ? `created ${created.join(', ')}` : 'demo accounts already exist');
      await opened.close();
      return 0;
    }
    case 'audit': {
      const { runAuditCommand } = await import('./audit.ts');
      return runAuditCommand(config, rest);
    }
    case 'create-admin': {
      const { runCreateAdmin } = await import('./create-admin.ts');
      return runCreateAdmin(config, rest);
    }
    case 'rotate-keys': {
      const { runRotateKeys } = await import('./rotate-keys.ts');
      return runRotateKeys(config, rest);
    }
    case 'export-allowlist': {
      const { runExportAllowlist } = await import('./export-allowlist.ts');
      return runExportAllowlist(config, rest);
    }
    case 'import': {
      const { runImportCommand } = await import('./import.ts');
      return runImportCommand(config, rest);
    }
    case 'sweep': {
      const { runSweepCommand } = await import('./sweep.ts');
      return runSweepCommand(config, rest);
    }
    case 'registrar-feed': {
      const { runRegistrarFeed } = await import('./registrar-feed.ts');
      return runRegistrarFeed(config, rest);
    }
    default:
      console.error(`unknown command: ${command}\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
