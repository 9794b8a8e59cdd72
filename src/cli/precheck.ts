import { readFile } from 'node:fs/promises';
import { shanghaiDate } from '../core/clock.ts';
import { precheck } from '../rules/index.ts';

/**
 * `openbeian precheck FILE.json` (or `-` for stdin): prints the DESIGN §5.3 result as JSON. Exit 0 when the
 * draft has no error, 1 when it has, 2 when the file cannot be read or is not JSON.
 */
export async function runPrecheckCommand(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error('usage: openbeian precheck FILE.json   (use - to read standard input)');
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    console.error(`precheck: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  let draft: unknown;
  try {
    draft = JSON.parse(text);
  } catch (error) {
    console.error(`precheck: ${file} is not JSON: ${(error as Error).message}`);
    return 2;
  }
  const result = precheck(draft, { today: shanghaiDate(new Date()) });
  console.log(JSON.stringify(result, null, 2));
  return result.ok ? 0 : 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
