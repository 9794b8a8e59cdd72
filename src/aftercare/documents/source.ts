import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { isProvinceCode, toUnicodeDomain, type DraftView } from '../../rules/index.ts';
import { findPoliceFiling, loadFiledService, loadOrderDraft } from '../repo.ts';

export type DocPerson = { name: string | null; idType: string | null; idNumber: string | null; mobile: string | null };
export type DocService = {
  index: number;
  number: string | null;
  name: string | null;
  domains: { name: string; holder: string | null }[];
  leader: DocPerson;
  ips: string[];
  serviceCode: string | undefined;
  contentTypes: string[];
};
/** What a document is filled from: an order's draft, or what is on record for a filed service. */
export type DocumentData = {
  reference: string;
  province: string;
  subject: {
    number: string | null;
    name: string | null;
    nature: string | null;
    certificateType: string | null;
    certificateNumber: string | null;
    address: string | null;
    legalRepresentative: string | null;
    leader: DocPerson;
  };
  services: DocService[];
  /** The service the document is about (the one named, else the first). */
  service: DocService | undefined;
  /** The person the document is about (employment proof): the one named, else the service's or subject's leader. */
  person: DocPerson;
  launchedOn: string | null;
  /** Which of the service's domains a domain document is about. */
  domainIndex: number;
};

export type DocumentRef = { order: string; appliesTo?: string } | { filing: string; service: string };

const APPLIES_TO = /^(?:subject(?:\.leader)?|services\[(\d{1,3})\](?:\.leader|\.domains\[(\d{1,3})\])?)$/;

export async function documentData(ctx: AppContext, user: SessionUser, ref: DocumentRef): Promise<DocumentData> {
  if ('order' in ref) {
    const appliesTo = ref.appliesTo ?? '';
    const match = APPLIES_TO.exec(appliesTo);
    if (appliesTo !== '' && !match) {
      throw AppError.field('FIELD_INVALID', 'query.appliesTo', '应为 subject、subject.leader、services[N]、services[N].leader 或 services[N].domains[M]', 'Use subject, subject.leader, services[N], services[N].leader or services[N].domains[M]');
    }
    const order = await loadOrderDraft(ctx, ctx.db, user, ref.order);
    const data = fromDraft(order.draft, order.province ?? order.draft.province ?? '', `备案订单 ${order.number}`, order.filingNumber);
    const index = match?.[1] === undefined ? 0 : Number(match[1]);
    if (match?.[1] !== undefined && !data.services[index]) {
      throw AppError.field('FIELD_INVALID', 'query.appliesTo', `订单中没有第 ${index + 1} 个网站/App`, `The order has no service ${index}`);
    }
    data.service = data.services[index];
    data.domainIndex = match?.[2] === undefined ? 0 : Number(match[2]);
    data.person = appliesTo.endsWith('.leader') && appliesTo.startsWith('services') && data.service ? data.service.leader : appliesTo.startsWith('subject') ? data.subject.leader : (data.service?.leader ?? data.subject.leader);
    return data;
  }
  const { subject, service, record, draftService } = await loadFiledService(ctx, ctx.db, user, ref.filing, ref.service, 'owner_or_staff');
  const data = fromDraft(record, subject.province, `主体备案号 ${subject.number}`, subject.number);
  const index = draftService ? (record.services ?? []).indexOf(draftService) : -1;
  const onRecord = index >= 0 ? data.services[index] : undefined;
  data.services = data.services.map((s, i) => (i === index ? { ...s, number: service.number } : s));
  data.service = onRecord
    ? { ...onRecord, number: service.number }
    : { index: -1, number: service.number, name: service.name, domains: service.domains.map((d) => ({ name: toUnicodeDomain(d), holder: null })), leader: { ...data.subject.leader, name: service.leader_name }, ips: [], serviceCode: undefined, contentTypes: service.content_types };
  data.person = data.service.leader;
  data.launchedOn = (await findPoliceFiling(ctx.db, service.number))?.launched_on ?? null;
  return data;
}

function person(p: { name?: string; idType?: string; idNumber?: string; mobile?: string } | undefined): DocPerson {
  return { name: p?.name ?? null, idType: p?.idType ?? null, idNumber: p?.idNumber ?? null, mobile: p?.mobile ?? null };
}

function fromDraft(draft: DraftView, province: string, reference: string, subjectNumber: string | null): DocumentData {
  const s = draft.subject;
  const leader = person(s?.leader);
  const services: DocService[] = (draft.services ?? []).map((svc, index) => ({
    index,
    number: null,
    name: svc.name ?? null,
    domains: (svc.domains ?? []).filter((d) => d.name).map((d) => ({ name: toUnicodeDomain(d.name!), holder: d.holder ?? null })),
    leader: typeof svc.leader === 'object' ? person(svc.leader) : leader,
    ips: (svc.access?.ips ?? []).filter((ip): ip is string => typeof ip === 'string'),
    serviceCode: svc.access?.serviceCode,
    contentTypes: (svc.contentTypes ?? []).filter((c): c is string => typeof c === 'string'),
  }));
  return {
    reference,
    province: isProvinceCode(province) ? province : '',
    subject: {
      number: subjectNumber,
      name: s?.name ?? null,
      nature: s?.nature ?? null,
      certificateType: s?.certificate?.type ?? null,
      certificateNumber: s?.certificate?.number ?? null,
      address: s?.certificate?.address ?? s?.mailingAddress ?? null,
      legalRepresentative: s?.legalRepresentative ?? null,
      leader,
    },
    services,
    service: services[0],
    person: services[0]?.leader ?? leader,
    launchedOn: null,
    domainIndex: 0,
  };
}
