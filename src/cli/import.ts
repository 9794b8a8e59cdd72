import { existsSync } from 'node:fs';
import type { Config } from '../core/config.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { createLogger } from '../core/logger.ts';
import { ImportFileError, importFilings, type ImportProgress } from '../filing/index.ts';

const HELP = `openbeian import FILE [--format csv|jsonl] [--rejects FILE]
  Filed subjects and services from an earlier system (docs/import.md). Bad lines go to FILE.rejects.csv with their
  line number and the column named; the rest is imported. Running the same file again skips what is filed already.`;

function valueOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

function printProgress(progress: ImportProgress): void {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(progress.lines / seconds) : 0;
  if (progress.phase === 'reading') console.error(`import: ${progress.lines.toLocaleString('en')} lines read (${rate.toLocaleString('en')} lines/s)`);
  else if (progress.phase === 'loading') console.error(`import: ${progress.lines.toLocaleString('en')} lines read in ${seconds.toFixed(1)} s; writing the filed records…`);
}

/** `openbeian import FILE`: prints progress on stderr and the summary on stdout; exit 0 when every line went in, 3 when some were rejected. */
export async function runImportCommand(config: Config, args: string[]): Promise<number> {
  const path = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--')));
  const format = valueOf(args, '--format');
  if (!path || args.includes('--help') || (format !== undefined && format !== 'csv' && format !== 'jsonl')) {
    console.error(HELP);
    return 2;
  }
  if (!existsSync(path)) {
    console.error(`import: 找不到文件 / no such file: ${path}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx = createContext(config, database, createLogger(config.logLevel));
    const summary = await importFilings(ctx, { userId: null, role: 'system', requestId: 'cli-import' }, {
      path,
      ...(format ? { format: format as 'csv' | 'jsonl' } : {}),
      ...(valueOf(args, '--rejects') ? { rejectsPath: valueOf(args, '--rejects')! } : {}),
      onProgress: printProgress,
    });
    const seconds = summary.elapsedMs / 1000;
    const rate = summary.lines / Math.max(seconds, 0.001);
    console.log(
      [
        `import: done in ${seconds.toFixed(1)} s (${rate < 100 ? rate.toFixed(1) : Math.round(rate).toLocaleString('en')} lines/s, staged by ${summary.method})`,
        `  lines read:         ${summary.lines}`,
        `  subjects imported:  ${summary.importedSubjects} (services: ${summary.importedServices})`,
        `  subjects skipped:   ${summary.skippedSubjects} (filed here already)`,
        `  lines rejected:     ${summary.rejectedLines}${summary.rejectedLines ? ` — first on line(s) ${summary.firstRejectedLines.join(', ')}; all in ${summary.rejectsPath}` : ''}`,
      ].join('\n'),
    );
    return summary.rejectedLines > 0 ? 3 : 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(`import: ${error.zh}\nimport: ${error.en}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
