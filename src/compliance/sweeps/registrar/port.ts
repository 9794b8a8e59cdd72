/** What a registrar knows of one registered domain. */
export type RegistrationRecord = {
  /** The real-name holder (organisation or person); null when the source withholds it. */
  holder: string | null;
  /** null: the source does not say. */
  realNameVerified: boolean | null;
  /** When the registration ends; null: the source does not say. */
  expiresAt: Date | null;
  /** Where it came from, for the evidence: the feed file and line, or the RDAP URL. */
  source: { kind: 'feed'; file: string; line: number; importedAt: string } | { kind: 'rdap'; url: string };
};

export type RegistrarLookup = { kind: 'found'; record: RegistrationRecord } | { kind: 'not-found'; detail: string } | { kind: 'failed'; reason: string };

/**
 * The registrar-data port: who holds a domain, whether the holder passed real-name verification, when it expires.
 * `lookup` never throws; a look-up that could not be made is `failed` with the reason.
 */
export type RegistrarData = {
  name: 'feed' | 'rdap';
  lookup(domain: string, signal: AbortSignal): Promise<RegistrarLookup>;
  close?(): Promise<void>;
};
