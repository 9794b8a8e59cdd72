// Login throttling (pure): when may the next attempt for (account, address) be judged? No I/O here; the command
// reads the failure counts and asks.
//
// The aim is to slow guessing without letting anyone lock a real user out:
//  - per (account, address): the first 5 failures are free, then each further try waits 1, 2, 4 … minutes (at most
//    an hour) after the last failure of that pair. Only the guesser's own address pays.
//  - per address, across accounts (password spraying): 30 failures an hour are free, then 2, 4, 8 … seconds (at most
//    5 minutes). An office or a carrier-grade NAT that shares one address is slowed, never shut out.
//  - per account, across addresses (a botnet on one account): past 20 failures an hour, every address that has
//    already failed on this account waits 15 minutes between tries. An address with no failure on the account is
//    always judged, so the owner with the right password gets in from home whatever the attackers do.

export const PAIR_FREE_FAILURES = 5;
export const PAIR_WINDOW_MS = 24 * 3600_000;
export const PAIR_MAX_DELAY_MS = 3600_000;
export const ADDRESS_FREE_FAILURES = 30;
export const ADDRESS_WINDOW_MS = 3600_000;
export const ADDRESS_MAX_DELAY_MS = 5 * 60_000;
export const ACCOUNT_FREE_FAILURES = 20;
export const ACCOUNT_WINDOW_MS = 3600_000;
export const ACCOUNT_DELAY_MS = 15 * 60_000;

export type FailureCounts = {
  /** Failures of this account from this address in PAIR_WINDOW_MS, and the newest one's time. */
  pair: number;
  pairLast: Date | null;
  /** Failures from this address on any account in ADDRESS_WINDOW_MS, and the newest one's time. */
  address: number;
  addressLast: Date | null;
  /** Failures of this account from any address in ACCOUNT_WINDOW_MS. */
  account: number;
};

const grow = (base: number, steps: number, max: number): number => Math.min(max, base * 2 ** Math.min(steps, 30));

/** The moment the next attempt may be judged, or null when it may be judged now. */
export function nextAttemptAt(counts: FailureCounts, now: Date): Date | null {
  const waits: number[] = [];
  if (counts.pairLast && counts.pair >= PAIR_FREE_FAILURES) {
    waits.push(counts.pairLast.getTime() + grow(60_000, counts.pair - PAIR_FREE_FAILURES, PAIR_MAX_DELAY_MS));
  }
  if (counts.pairLast && counts.pair > 0 && counts.account >= ACCOUNT_FREE_FAILURES) {
    waits.push(counts.pairLast.getTime() + ACCOUNT_DELAY_MS);
  }
  if (counts.addressLast && counts.address >= ADDRESS_FREE_FAILURES) {
    waits.push(counts.addressLast.getTime() + grow(2_000, counts.address - ADDRESS_FREE_FAILURES, ADDRESS_MAX_DELAY_MS));
  }
  const latest = Math.max(0, ...waits);
  return latest > now.getTime() ? new Date(latest) : null;
}
