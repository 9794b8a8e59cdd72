// County-level GB/T 2260 codes, as the first six digits of a resident ID (GB 11643 §5.1: the county of permanent
// residence when the number was assigned). A number keeps its code for life, so a code abolished since is still a
// real person's code: only a code that never existed is wrong.

import { ABOLISHED_COUNTY_CODES, CURRENT_COUNTY_CODES } from './data/division-codes.ts';

export type CountyCodeStatus = 'current' | 'abolished' | 'unknown';

let index: Map<string, CountyCodeStatus> | undefined;

function unpack(packed: string, status: CountyCodeStatus, into: Map<string, CountyCodeStatus>): void {
  for (const group of packed.split('|')) {
    const [prefix = '', suffixes = ''] = group.split(':');
    for (let i = 0; i < suffixes.length; i += 2) into.set(prefix + suffixes.slice(i, i + 2), status);
  }
}

function codeIndex(): Map<string, CountyCodeStatus> {
  if (!index) {
    index = new Map();
    unpack(ABOLISHED_COUNTY_CODES, 'abolished', index);
    unpack(CURRENT_COUNTY_CODES, 'current', index);
  }
  return index;
}

/** Whether a six-digit code is a county-level division in use, one abolished since, or none that ever existed. */
export function countyCodeStatus(code: string): CountyCodeStatus {
  return codeIndex().get(code) ?? 'unknown';
}

/** How many county-level codes the table holds, in use and abolished (for the rules document). */
export function countyCodeCounts(): { current: number; abolished: number } {
  let current = 0;
  for (const status of codeIndex().values()) if (status === 'current') current += 1;
  return { current, abolished: codeIndex().size - current };
}
