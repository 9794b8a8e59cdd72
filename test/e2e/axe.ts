import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (through the DevTools protocol, so the console's CSP stays as it is). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};undefined`);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as {
    violations: {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[]; any: { message: string }[] }[];
    }[];
  };
  // Each violation with where it is and axe's own explanation of the first case (colours and ratio for contrast).
  return result.violations.map(
    (v) =>
      `${v.impact} ${v.id} (${v.help}) at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')} — ${v.nodes[0]?.any[0]?.message ?? ''}`,
  );
}
