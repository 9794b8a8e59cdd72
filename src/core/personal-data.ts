import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: ID numbers, mobiles and face images are stored as `keyId.iv.tag.ciphertext`
 * (AES-256-GCM). The key id lets a rotated key keep reading old rows. Look-ups use a keyed hash so the
 * plain value never needs an index; that hash has its own versioned key (OPENBEIAN_LOOKUP_KEY), kept apart from the
 * encryption key, and is stored as `keyId:hex` so a rotation can tell rows still to re-hash.
 */
export type KeyRing = { currentKeyId: string; keys: Record<string, Buffer> };

export class TamperedDataError extends Error {
  constructor(reason: string) {
    super(`encrypted field cannot be read: ${reason}`);
    this.name = 'TamperedDataError';
  }
}

export class FieldCipher {
  private readonly lookup: KeyRing;

  /** `lookup`: the separate, versioned look-up-hash keys (OPENBEIAN_LOOKUP_KEY); without it, hashes use `ring`. */
  constructor(
    private readonly ring: KeyRing,
    lookup?: KeyRing,
  ) {
    for (const [name, r] of [['encryption', ring], ['look-up', lookup ?? ring]] as const) {
      for (const [id, key] of Object.entries(r.keys)) {
        if (key.length !== 32) throw new Error(`${name} key ${id} must be 32 bytes`);
      }
      if (!r.keys[r.currentKeyId]) throw new Error(`no ${name} key for current key id ${r.currentKeyId}`);
    }
    this.lookup = lookup ?? ring;
  }

  /** True when a sealed value is under the current encryption key (nothing for `rotate-keys` to do). */
  isCurrent(sealed: string): boolean {
    return this.keyIdOf(sealed) === this.ring.currentKeyId;
  }

  encrypt(plain: string | Buffer): string {
    const key = this.ring.keys[this.ring.currentKeyId]!;
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The key id is authenticated too, so a row cannot be re-labelled to another key.
    cipher.setAAD(Buffer.from(this.ring.currentKeyId));
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return [this.ring.currentKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  // Random IVs drawn 1,024 at a time: one call into the random source per value made it a tenth of a bulk import's
  // encryption cost. Each IV is still 12 fresh random bytes, used once.
  private ivPool = Buffer.alloc(0);
  private ivAt = 0;

  private nextIv(): Buffer {
    if (this.ivAt >= this.ivPool.length) {
      this.ivPool = randomBytes(12 * 1024);
      this.ivAt = 0;
    }
    this.ivAt += 12;
    return this.ivPool.subarray(this.ivAt - 12, this.ivAt);
  }

  decryptToBuffer(sealed: string): Buffer {
    const parts = sealed.split('.');
    if (parts.length !== 4) throw new TamperedDataError('malformed');
    const [keyId, iv, tag, body] = parts as [string, string, string, string];
    const key = this.ring.keys[keyId];
    if (!key) throw new TamperedDataError(`unknown key id ${keyId}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    } catch {
      throw new TamperedDataError('authentication failed');
    }
  }

  decrypt(sealed: string): string {
    return this.decryptToBuffer(sealed).toString('utf8');
  }

  keyIdOf(sealed: string): string {
    return sealed.split('.', 1)[0]!;
  }

  /**
   * The name a stored file is kept under: a keyed hash of its bytes. Still content-addressed (the same bytes are
   * stored once), but the name no longer lets anyone holding a copy of an ID card confirm that it is stored here.
   */
  fileAddress(bytes: Buffer): string {
    const key = this.ring.keys[this.ring.currentKeyId]!;
    return createHmac('sha256', createHmac('sha256', key).update('file-address').digest()).update(bytes).digest('hex');
  }

  /**
   * Keyed hash for exact look-ups (e.g. "is this ID number already a subject leader elsewhere?"), under the current
   * look-up key: `keyId:hex`, so a row tells which key it was hashed with. Write this; to find rows, use
   * `lookupHashes` (every live key), so look-ups keep working while `openbeian rotate-keys` re-hashes.
   */
  lookupHash(value: string): string {
    return this.hashUnder(this.lookup.currentKeyId, value);
  }

  /**
   * The value's hash under every live look-up key, current first: the look-up keys (current and old), then the
   * legacy form (bare hex, derived from each field-encryption key) written before the look-up key was separate.
   */
  lookupHashes(value: string): string[] {
    const ids = [this.lookup.currentKeyId, ...Object.keys(this.lookup.keys).filter((id) => id !== this.lookup.currentKeyId)];
    const hashes = ids.map((id) => this.hashUnder(id, value));
    if (this.lookup !== this.ring) for (const key of Object.values(this.ring.keys)) hashes.push(legacyHash(key, value));
    return hashes;
  }

  /** Whether a stored hash is the hash of `value` under the key it names (false when that key is no longer live). */
  matchesLookup(stored: string, value: string): boolean {
    const keyId = lookupKeyIdOf(stored);
    if (keyId === null) return Object.values(this.ring.keys).some((key) => legacyHash(key, value) === stored);
    return this.lookup.keys[keyId] !== undefined && this.hashUnder(keyId, value) === stored;
  }

  /** True when a stored hash is under the current look-up key (nothing for `rotate-keys` to do). */
  isCurrentLookup(stored: string): boolean {
    return lookupKeyIdOf(stored) === this.lookup.currentKeyId;
  }

  get lookupKeyId(): string {
    return this.lookup.currentKeyId;
  }

  get encryptionKeyId(): string {
    return this.ring.currentKeyId;
  }

  private hashUnder(keyId: string, value: string): string {
    const key = this.lookup.keys[keyId];
    if (!key) throw new Error(`no look-up key ${keyId}`);
    const hex = legacyHash(key, value);
    // Without a separate look-up ring (unit tests of other code), the legacy form is written.
    return this.lookup === this.ring ? hex : `${keyId}:${hex}`;
  }
}

// The HMAC key derived from each look-up key, made once: deriving it anew doubled the cost of every hash.
const lookupHashKeys = new WeakMap<Buffer, Buffer>();

function legacyHash(key: Buffer, value: string): string {
  let hashKey = lookupHashKeys.get(key);
  if (!hashKey) {
    hashKey = createHmac('sha256', key).update('lookup-hash').digest();
    lookupHashKeys.set(key, hashKey);
  }
  return createHmac('sha256', hashKey).update(value.trim().toUpperCase()).digest('hex');
}

/** The look-up key id a stored hash names; null for the legacy form (bare hex, from the field-encryption key). */
export function lookupKeyIdOf(stored: string): string | null {
  const colon = stored.indexOf(':');
  return colon < 0 ? null : stored.slice(0, colon);
}

/** 11010519491231002X → 110***********002X: enough for a person to recognise, too little to misuse. */
export function maskIdNumber(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** 13812345678 → 138****5678 */
export function maskMobile(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** zhang.san@example.com → z***n@example.com */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return '***';
  const local = value.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}*` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}${value.slice(at)}`;
}

/** 张三丰 → 张** ; keeps the family name only. */
export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return value;
  return chars[0] + '*'.repeat(chars.length - 1);
}
