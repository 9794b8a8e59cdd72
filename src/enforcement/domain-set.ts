/**
 * A set of ASCII domain names packed into two typed arrays, for millions of names in little memory and without
 * a JavaScript string per name:
 *
 * - `bytes` holds every name once as `[length][characters…]` (names are at most 253 characters);
 * - `slots` is an open-addressing hash table (linear probing) of byte offsets + 1, 0 = empty, -1 = deleted.
 *
 * The hash runs over a name from its last character to its first (FNV-1a), so walking a host name from the right
 * yields the hash of every parent domain on the way: `allowsHost` answers "is this host or one of its parent
 * domains in the set?" in one pass over the host, with no allocation and no domain analysis. As the set only holds
 * registrable domains, that is the registrable domain's membership, the same answer nginx gives for a `hostnames`
 * map whose entries start with a dot.
 *
 * 1.9 M names of 15 characters take about 30 MB of bytes and 16 MB of slots, outside the JavaScript heap; 10 M names
 * about 160 MB and 64 MB.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = 0;
const DELETED = -1;
const MAX_NAME = 253;

/** Why a host cannot be walked: it needs the full analysis (non-ASCII, IPv6 …), or it is no host name at all. */
export const NEEDS_ANALYSIS = 2;

export class DomainSet {
  private bytes: Uint8Array;
  private used = 0;
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** Slots marked deleted plus bytes no longer referenced: both are reclaimed by a rebuild when they pile up. */
  private deletedSlots = 0;
  private garbageBytes = 0;

  constructor(expectedNames = 1024, expectedBytes = expectedNames * 16) {
    this.bytes = new Uint8Array(Math.max(1024, expectedBytes));
    this.slots = new Int32Array(tableSizeFor(expectedNames));
    this.mask = this.slots.length - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held outside the JavaScript heap, for metrics and benchmarks. */
  get memoryBytes(): number {
    return this.bytes.byteLength + this.slots.byteLength;
  }

  has(name: string): boolean {
    return this.find(name, 0, name.length, hashRange(name, 0, name.length)) >= 0;
  }

  /** Adds a lower-case ASCII name; false when it was there already or is not storable (empty, too long, not ASCII). */
  add(name: string): boolean {
    return this.addRange(name, 0, name.length);
  }

  /** Adds `text.slice(start, end)` without creating that string: how a bulk load reads one long text. */
  addRange(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0 || length > MAX_NAME) return false;
    for (let i = start; i < end; i += 1) if (text.charCodeAt(i) > 127) return false;
    const hash = hashRange(text, start, end);
    if (this.find(text, start, end, hash) >= 0) return false;
    if ((this.count + this.deletedSlots + 1) * 4 > this.slots.length * 3) this.resize(this.count + 1);
    if (this.used + length + 1 > this.bytes.length) this.growBytes(length + 1);
    const offset = this.used;
    this.bytes[offset] = length;
    for (let i = 0; i < length; i += 1) this.bytes[offset + 1 + i] = text.charCodeAt(start + i);
    this.used += length + 1;
    let slot = hash & this.mask;
    while (this.slots[slot]! > EMPTY) slot = (slot + 1) & this.mask;
    if (this.slots[slot] === DELETED) this.deletedSlots -= 1;
    this.slots[slot] = offset + 1;
    this.count += 1;
    return true;
  }

  /** Adds the ASCII name in `bytes[start, end)` (a chunk of a database stream), lower-case as stored. */
  addBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0 || length > MAX_NAME) return false;
    let hash = FNV_OFFSET;
    for (let i = end - 1; i >= start; i -= 1) {
      if (bytes[i]! > 127) return false;
      hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    }
    if (this.findBytes(bytes, start, length, hash) >= 0) return false;
    if ((this.count + this.deletedSlots + 1) * 4 > this.slots.length * 3) this.resize(this.count + 1);
    if (this.used + length + 1 > this.bytes.length) this.growBytes(length + 1);
    const offset = this.used;
    this.bytes[offset] = length;
    this.bytes.set(bytes.subarray(start, end), offset + 1);
    this.used += length + 1;
    let slot = hash & this.mask;
    while (this.slots[slot]! > EMPTY) slot = (slot + 1) & this.mask;
    if (this.slots[slot] === DELETED) this.deletedSlots -= 1;
    this.slots[slot] = offset + 1;
    this.count += 1;
    return true;
  }

  delete(name: string): boolean {
    const slot = this.find(name, 0, name.length, hashRange(name, 0, name.length));
    if (slot < 0) return false;
    this.garbageBytes += this.bytes[this.slots[slot]! - 1]! + 1;
    this.slots[slot] = DELETED;
    this.count -= 1;
    this.deletedSlots += 1;
    if (this.garbageBytes > this.used / 2 && this.used > 1 << 20) this.resize(this.count);
    return true;
  }

  /**
   * 1 when the host (any case, with an optional `:port` and trailing dot) or a parent domain of it is in the set,
   * 0 when none is, `NEEDS_ANALYSIS` when the host is not plain ASCII letters, digits, hyphens and dots (Unicode
   * IDN, an IPv6 literal, garbage): the caller converts or refuses it.
   */
  allowsHost(host: string): 0 | 1 | typeof NEEDS_ANALYSIS {
    let end = host.length;
    // ":443" at the end: a port. A second colon means IPv6, which the analysis refuses.
    for (let i = end - 1; i >= 0 && i >= end - 6; i -= 1) {
      const code = host.charCodeAt(i);
      if (code === 58) {
        end = i;
        break;
      }
      if (code < 48 || code > 57) break;
    }
    if (end > 0 && host.charCodeAt(end - 1) === 46) end -= 1;
    if (end === 0 || end > MAX_NAME) return NEEDS_ANALYSIS;
    let hash = FNV_OFFSET;
    let previous = 0;
    let isFound = false;
    // Walks the whole host even after a hit: "evil/.example.com" must not pass as a sub-domain of example.com.
    for (let i = end - 1; i >= 0; i -= 1) {
      let code = host.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 46)) return NEEDS_ANALYSIS;
      if (code === 46) {
        // An empty label ("a..b", ".a") makes it no host name.
        if (previous === 46 || i === end - 1) return NEEDS_ANALYSIS;
        if (!isFound && this.findLower(host, i + 1, end, hash) >= 0) isFound = true;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      previous = code;
    }
    if (previous === 46) return NEEDS_ANALYSIS;
    return isFound || this.findLower(host, 0, end, hash) >= 0 ? 1 : 0;
  }

  /** Every name, in table order (not sorted). */
  *names(): Generator<string> {
    for (let slot = 0; slot < this.slots.length; slot += 1) {
      const stored = this.slots[slot]!;
      if (stored > EMPTY) yield this.nameAt(stored - 1);
    }
  }

  private nameAt(offset: number): string {
    const length = this.bytes[offset]!;
    return String.fromCharCode(...this.bytes.subarray(offset + 1, offset + 1 + length));
  }

  /** The slot holding `text[start, end)`, or -1. */
  private find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { bytes, slots, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[slot]!;
      if (stored === EMPTY) return -1;
      if (stored > EMPTY && bytes[stored - 1] === length) {
        let i = 0;
        while (i < length && bytes[stored + i] === text.charCodeAt(start + i)) i += 1;
        if (i === length) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private findBytes(source: Uint8Array, start: number, length: number, hash: number): number {
    const { bytes, slots, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[slot]!;
      if (stored === EMPTY) return -1;
      if (stored > EMPTY && bytes[stored - 1] === length) {
        let i = 0;
        while (i < length && bytes[stored + i] === source[start + i]) i += 1;
        if (i === length) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** `find` for a host in any case: compares with upper-case ASCII letters folded. */
  private findLower(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { bytes, slots, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[slot]!;
      if (stored === EMPTY) return -1;
      if (stored > EMPTY && bytes[stored - 1] === length) {
        let i = 0;
        for (; i < length; i += 1) {
          let code = text.charCodeAt(start + i);
          if (code >= 65 && code <= 90) code += 32;
          if (bytes[stored + i] !== code) break;
        }
        if (i === length) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private growBytes(atLeast: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + atLeast));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }

  /** Rebuilds both arrays for `names` live names: drops deleted slots and the bytes of deleted names. */
  private resize(names: number): void {
    const oldSlots = this.slots;
    const oldBytes = this.bytes;
    this.slots = new Int32Array(tableSizeFor(names));
    this.mask = this.slots.length - 1;
    this.bytes = new Uint8Array(Math.max(1024, this.used - this.garbageBytes + 1024, Math.min(oldBytes.length, (this.used - this.garbageBytes) * 2)));
    this.used = 0;
    this.deletedSlots = 0;
    this.garbageBytes = 0;
    for (let slot = 0; slot < oldSlots.length; slot += 1) {
      const stored = oldSlots[slot]!;
      if (stored <= EMPTY) continue;
      const length = oldBytes[stored - 1]!;
      const offset = this.used;
      this.bytes.set(oldBytes.subarray(stored - 1, stored + length), offset);
      this.used += length + 1;
      let hash = FNV_OFFSET;
      for (let i = length - 1; i >= 0; i -= 1) hash = Math.imul(hash ^ oldBytes[stored + i]!, FNV_PRIME);
      let target = hash & this.mask;
      while (this.slots[target] !== EMPTY) target = (target + 1) & this.mask;
      this.slots[target] = offset + 1;
    }
  }
}

/** FNV-1a over `text[start, end)` from the last character to the first. */
function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = end - 1; i >= start; i -= 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** A power of two with at least a third more slots than names (at most three quarters full): probes stay short. */
function tableSizeFor(names: number): number {
  let size = 1024;
  while (size * 3 < names * 4) size *= 2;
  return size;
}
