import type { AppContext } from '../../core/context.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { PROVINCES, checkCommercialLicence, readDraft, type Bilingual, type CommercialFinding, type CommercialHosting } from '../../rules/index.ts';
import { requireProviderFacts, regionOf } from '../provider-facts.ts';
import { loadFiledSubject, resourcesWithIps } from '../repo.ts';
import { documentLink } from './document-links.ts';

export type CommercialCheckRequest = {
  province: string;
  city?: string;
  contractIps: string[];
  resolvingIps: string[];
  reportedIps: string[];
  hosting: CommercialHosting;
};

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/**
 * The commercial licence assistant (SPEC §10, DESIGN §5.10). It needs a valid ICP number here first: the caller's
 * filing, active, with a connected service. Where each IP's server is comes from the provider's own resources; an IP
 * that is not the provider's cannot be placed and is said so. A wrong reported IP is fixed by a change-service order.
 */
export async function checkCommercialLicenceFor(ctx: AppContext, user: SessionUser, subjectNumber: string, input: CommercialCheckRequest) {
  const facts = requireProviderFacts(ctx.config);
  const subject = await loadFiledSubject(ctx.db, user, subjectNumber, 'owner');
  const services = await ctx.db.selectFrom('filed_services').selectAll().where('subject_number', '=', subject.number).orderBy('seq').execute();
  const connected = services.filter((s) => s.access_state === 'connected');
  const base = { subjectNumber: subject.number, filingProvince: subject.province };

  if (subject.status !== 'active' || connected.length === 0) {
    const finding: CommercialFinding = {
      code: 'ICP_FILING_REQUIRED',
      severity: 'error',
      path: '',
      message: b('办理经营性备案须先有有效的ICP备案号：该备案已注销或没有接入中的网站', 'A commercial licence needs a valid ICP number first: this filing is cancelled or has no connected service'),
      source: 'SEED-004 §3',
    };
    return { ...base, ok: false, rule: null, findings: [finding], documents: [], changeServiceOrder: null };
  }

  const ips = [...new Set([...input.contractIps, ...input.resolvingIps, ...input.reportedIps])];
  const ipProvinces: Record<string, string> = {};
  for (const resource of await resourcesWithIps(ctx.db, ips)) {
    const province = regionOf(facts, resource.region)?.province;
    if (!province) continue;
    for (const ip of resource.public_ips) if (ips.includes(ip)) ipProvinces[ip] = province;
  }
  const record = readDraft(JSON.parse(ctx.cipher.decrypt(subject.draft)) as unknown, []);
  const filedIps = [...new Set((record.services ?? []).flatMap((s) => s.access?.ips ?? []).filter((ip): ip is string => typeof ip === 'string'))];

  const result = checkCommercialLicence({ ...input, ipProvinces, filedIps });
  const findings = [...result.findings];
  if (input.province !== subject.province) {
    const filedIn = PROVINCES[subject.province as keyof typeof PROVINCES];
    findings.push({
      code: 'LICENCE_PROVINCE_DIFFERS',
      severity: 'warning',
      path: 'province',
      message: b(`经营许可证通常在主体所在省份（${filedIn?.name ?? subject.province}）申请，与ICP备案省份一致`, `The licence is usually applied for in the subject's own province (${filedIn?.nameEn ?? subject.province}), as the ICP filing was`),
    });
  }
  const websites = connected.filter((s) => s.kind === 'website');
  const needsChange = findings.some((f) => f.fix === 'change_service');
  return {
    ...base,
    ok: !findings.some((f) => f.severity === 'error'),
    rule: result.rule,
    findings,
    documents: providerDocuments(facts.licences, websites.map((s) => s.number), subject.number),
    // How the console opens the fix: POST /api/v1/filings/{subjectNumber}/orders with this body.
    changeServiceOrder: needsChange ? { method: 'POST', href: `/api/v1/filings/${encodeURIComponent(subject.number)}/orders`, body: { kind: 'change_service' as const, services: websites.map((s) => s.number) }, console: `/filings/${encodeURIComponent(subject.number)}` } : null,
  };
}

/** What the owner may need from the provider for the licence application (SPEC §10, SEED-003 §11). */
function providerDocuments(licences: { idc?: string; isp?: string }, services: string[], subjectNumber: string) {
  const ask = b('请联系接入商备案客服获取', 'ask the provider’s filing support');
  const pdfs = services.flatMap((service) => (['server_region_proof', 'site_verification_notice'] as const).map((kind) => ({ ...documentLink(kind, { filing: subjectNumber, service }), service })));
  return [
    { kind: 'idc_licence', name: b('接入商IDC许可证', 'The provider’s IDC licence'), how: licences.idc ? b(`许可证号 ${licences.idc}；盖章复印件${ask.zh}`, `licence ${licences.idc}; for a stamped copy, ${ask.en}`) : ask, href: null },
    { kind: 'isp_licence', name: b('服务器托管商ISP许可证', 'The hosting provider’s ISP licence'), how: licences.isp ? b(`许可证号 ${licences.isp}；盖章复印件${ask.zh}`, `licence ${licences.isp}; for a stamped copy, ${ask.en}`) : ask, href: null },
    { kind: 'server_address', name: b('服务器存放物理地址', 'Physical server address'), how: b('见服务器区域证明，或在公安联网备案指引中查看', 'on the server-region proof, or in the police filing guide'), href: null },
    ...pdfs.map((d) => ({ kind: d.kind, name: d.name, how: b(`网站 ${d.service}：下载后填写，需要盖章时${ask.zh}`, `service ${d.service}: download and fill in; for the seal, ${ask.en}`), href: d.href })),
    { kind: 'access_agreement', name: b('接入协议 / 服务器合同', 'Access agreement / server contract'), how: b('请在接入商控制台申请合同', 'request the contract in the provider’s console'), href: null },
    { kind: 'mlps', name: b('等保合规协助', 'MLPS (等保) compliance help'), how: ask, href: null },
  ];
}
