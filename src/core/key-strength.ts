/**
 * Why a 32-byte key given as hex does not look random, or undefined when it does. A key from
 * `openssl rand -hex 32` passes every test here with overwhelming probability (each bound below is many standard
 * deviations from what random bytes give); keys typed by hand, repeated patterns and text turned into hex do not.
 */
export function keyWeakness(hex: string): string | undefined {
  const digits = hex.toLowerCase();
  const bytes = Buffer.from(digits, 'hex');

  const period = smallestPeriod(digits);
  if (period <= digits.length / 2) return `it repeats a ${period}-character pattern`;

  // Shannon entropy of the hex digits: random keys give about 3.8 bits per digit (4 at most).
  const counts = new Map<string, number>();
  for (const c of digits) counts.set(c, (counts.get(c) ?? 0) + 1);
  const entropy = [...counts.values()].reduce((sum, n) => sum - (n / digits.length) * Math.log2(n / digits.length), 0);
  if (entropy < 3) return `its digits carry ${entropy.toFixed(1)} bits each where random ones carry about 3.8`;

  // 32 random bytes have about 30 different values.
  const distinct = new Set(bytes).size;
  if (distinct < 20) return `it has only ${distinct} different bytes of 32`;

  // Steps like 0123456789abcdef: the same difference between neighbours far more often than 1 time in 16.
  let sameStep = 0;
  for (let i = 2; i < digits.length; i += 1) {
    const step = (parseInt(digits[i]!, 16) - parseInt(digits[i - 1]!, 16) + 16) % 16;
    const before = (parseInt(digits[i - 1]!, 16) - parseInt(digits[i - 2]!, 16) + 16) % 16;
    if (step === before) sameStep += 1;
  }
  if (sameStep > digits.length / 3) return 'its digits run in a sequence';

  // Printable text turned into hex ("my-secret-passphrase…"): random bytes are all printable once in 10^14.
  if (bytes.every((b) => b >= 0x20 && b < 0x7f)) return 'it is text written as hex, not random bytes';
  return undefined;
}

function smallestPeriod(text: string): number {
  for (let p = 1; p < text.length; p += 1) {
    let repeats = true;
    for (let i = p; i < text.length && repeats; i += 1) repeats = text[i] === text[i - p];
    if (repeats) return p;
  }
  return text.length;
}
