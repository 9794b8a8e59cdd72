import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';
import { tidyNumber } from '../rules/index.ts';

/** The few facts of a draft that are stored in the clear for lists, queues and look-ups. */
export type DraftSummary = {
  province: string | null;
  subjectName: string | null;
  certificate: { type: string; number: string } | null;
  domains: string[];
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function summariseDraft(draft: Record<string, unknown>): DraftSummary {
  const subject = (draft.subject ?? {}) as Record<string, unknown>;
  const certificate = (subject.certificate ?? {}) as Record<string, unknown>;
  const type = text(certificate.type);
  const number = text(certificate.number);
  const domains = new Set<string>();
  for (const service of Array.isArray(draft.services) ? draft.services : []) {
    for (const domain of Array.isArray((service as Record<string, unknown>)?.domains) ? ((service as Record<string, unknown>).domains as unknown[]) : []) {
      const name = text((domain as Record<string, unknown>)?.name);
      const registrable = name ? getDomain(domainToASCII(name)) : null;
      if (registrable) domains.add(registrable);
    }
  }
  return {
    province: text(draft.province),
    subjectName: text(subject.name),
    // Tidied as the pre-check tidies it, so a hyphen or a space does not make the same certificate a new subject.
    certificate: type && number ? { type, number: tidyNumber(number) } : null,
    domains: [...domains],
  };
}
