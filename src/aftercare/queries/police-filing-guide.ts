import type { AppContext } from '../../core/context.ts';
import { shanghaiDate } from '../../core/clock.ts';
import type { SessionUser } from '../../accounts/index.ts';
import {
  daysBetween,
  findRegistrar,
  formatPoliceNumber,
  policeQueryUrl,
  policeFooterDueAt,
  policeSiteLevel,
  toUnicodeDomain,
  type Bilingual,
} from '../../rules/index.ts';
import { reminderStates } from '../police-clock.ts';
import { requireProviderFacts, type ProviderFacts } from '../provider-facts.ts';
import { findPoliceFiling, loadFiledService, type DraftService } from '../repo.ts';
import { describeRegion, serverFacts } from '../server-facts.ts';
import { documentLink } from './document-links.ts';

/** Where a pre-filled value comes from, so the owner knows whom to ask when it looks wrong. */
export type FieldSource = 'provider' | 'registrar' | 'filing' | 'resource' | 'rules' | 'owner';
export type GuideField = {
  name: string;
  section: 'access' | 'registrar' | 'site' | 'server' | 'support';
  label: Bilingual;
  value: string | null;
  source: FieldSource;
  sourceNote: Bilingual;
  hint?: Bilingual;
};

const b = (zh: string, en: string): Bilingual => ({ zh, en });
export const POLICE_PLATFORM_URL = 'https://beian.mps.gov.cn/';

/**
 * The police filing guide (SPEC §9, DESIGN §5.10): what the national platform asks for, pre-filled from the provider's
 * facts, the registrar data and what is on record for the service, each value with its source; and the 30-day clock.
 */
export async function policeFilingGuide(ctx: AppContext, user: SessionUser, subjectNumber: string, serviceRef: string) {
  const facts = requireProviderFacts(ctx.config);
  const { subject, service, record, draftService } = await loadFiledService(ctx, ctx.db, user, subjectNumber, serviceRef, 'owner_or_staff');
  const police = await findPoliceFiling(ctx.db, service.number);
  const today = shanghaiDate(ctx.clock.now());
  const ips = draftService?.access?.ips?.filter((ip): ip is string => typeof ip === 'string') ?? [];
  const servers = await serverFacts(ctx.db, facts, ips, draftService?.access?.serviceCode);
  const level = policeSiteLevel(service.content_types, service.name);
  const leaderName = typeof draftService?.leader === 'object' ? draftService.leader.name : record.subject?.leader?.name;

  const fields: GuideField[] = [
    ...accessFields(facts),
    ...registrarFields(facts, draftService),
    { name: 'siteName', section: 'site', label: b('网站名称', 'Site name'), value: service.name, source: 'filing', sourceNote: b('ICP备案记录', 'the ICP filing record') },
    { name: 'domains', section: 'site', label: b('网站域名', 'Domains'), value: service.domains.map(toUnicodeDomain).join('、') || null, source: 'filing', sourceNote: b('ICP备案记录', 'the ICP filing record') },
    { name: 'icpNumber', section: 'site', label: b('ICP备案号', 'ICP number'), value: service.number, source: 'filing', sourceNote: b('ICP备案记录', 'the ICP filing record') },
    { name: 'homeUrl', section: 'site', label: b('网站首页网址', 'Home page'), value: service.home_url, source: 'filing', sourceNote: b('ICP备案记录', 'the ICP filing record') },
    { name: 'siteLeader', section: 'site', label: b('网站负责人', 'Site leader'), value: leaderName ?? service.leader_name, source: 'filing', sourceNote: b('ICP备案记录', 'the ICP filing record') },
    { name: 'launchedOn', section: 'site', label: b('网站开通日期', 'Launch date'), value: police?.launched_on ?? null, source: 'owner', sourceNote: b('您在本页登记的开通日期', 'the launch date you recorded here') },
    {
      name: 'siteNature',
      section: 'site',
      label: b('网站性质', 'Site nature'),
      value: '非经营性',
      source: 'filing',
      sourceNote: b('本平台办理的是非经营性ICP备案', 'this platform files non-commercial ICP records'),
      hint: b('如已取得ICP经营许可证，请选择“经营性”', 'choose 经营性 (commercial) if the site holds a commercial licence'),
    },
    { name: 'siteLevel', section: 'site', label: b('网站级别', 'Site level'), value: level.level === 2 ? '二级' : '三级', source: 'rules', sourceNote: level.reason },
    {
      name: 'serviceTypes',
      section: 'site',
      label: b('服务类型', 'Service types'),
      value: level.level === 2 ? 'www服务、博客个人空间' : 'www服务',
      source: 'rules',
      sourceNote: b(`按备案的网站内容（${service.content_types.join('、') || '未填写'}）建议`, `suggested from the declared content (${service.content_types.join(', ') || 'none'})`),
      hint: b('请按网站实际开展的业务如实选择', 'choose what the site really does'),
    },
    ...serverFields(servers, ips),
    {
      name: 'techSupport',
      section: 'support',
      label: b('技术支持服务商', 'Technical support provider'),
      value: subject.name,
      source: 'filing',
      sourceNote: b('网站主办者（自行建设和维护时）', 'the site organiser (when it builds and runs the site itself)'),
      hint: b('网站由第三方公司制作或维护时，填写该公司名称和电话', 'when another company builds or maintains the site, enter that company and its phone'),
    },
  ];

  const warnings: { code: string; message: Bilingual }[] = [];
  if (facts.isDemo) warnings.push({ code: 'DEMO_PROVIDER_FACTS', message: b('演示模式：接入商信息为虚构的演示数据', 'Demo mode: the provider facts are invented demo data') });
  if (servers.unknownIps.length > 0) {
    warnings.push({
      code: 'IP_NOT_PROVIDER_RESOURCE',
      message: b(`${servers.unknownIps.join('、')} 不是本接入商的资源，无法给出其服务器地址`, `${servers.unknownIps.join(', ')} is not this provider's resource; its server address is unknown here`),
    });
  }
  if (servers.regions.length > 0 && !servers.wangan) {
    warnings.push({ code: 'WANGAN_CODE_UNKNOWN', message: b('服务器所在城市的网安代码未收录，请咨询当地网安部门', 'The 网安 code of the server’s city is not listed; ask the local department') });
  }

  const status = !police ? 'not_launched' : police.police_number ? 'recorded' : today > police.due_on ? 'overdue' : 'open';
  const ref = { filing: subject.number, service: service.number };
  return {
    subjectNumber: subject.number,
    serviceNumber: service.number,
    serviceSeq: service.seq,
    serviceName: service.name,
    domain: service.domain ? toUnicodeDomain(service.domain) : null,
    status,
    launchedOn: police?.launched_on ?? null,
    dueOn: police?.due_on ?? null,
    daysLeft: police && !police.police_number ? daysBetween(today, police.due_on) : null,
    reminders: police ? await reminderStates(ctx.db, service.number, police.launched_on, police.police_number !== null) : [],
    policeNumber: police?.police_number ?? null,
    policeText: police?.police_number ? formatPoliceNumber(police.police_number) : null,
    policeLink: police?.police_number ? policeQueryUrl(police.police_number) : null,
    recordedAt: police?.recorded_at?.toISOString() ?? null,
    // From then on the compliance footer sweep looks for the police number on the home page (30 days to put it up).
    footerCheckedFrom: police?.recorded_at && police.police_number ? policeFooterDueAt(police.recorded_at).toISOString() : null,
    level: level.level,
    levelReason: level.reason,
    wanganCode: servers.wangan?.code ?? null,
    fields,
    warnings,
    platformUrl: POLICE_PLATFORM_URL,
    isDemoFacts: facts.isDemo,
    documents: (['site_verification_notice', 'server_region_proof'] as const).map((kind) => documentLink(kind, ref)),
  };
}

function accessFields(facts: ProviderFacts): GuideField[] {
  const note = facts.isDemo ? b('接入商信息（演示数据）', 'provider facts (demo data)') : b('接入商信息', 'the provider’s facts');
  return [
    { name: 'accessProviderName', section: 'access', label: b('网络接入服务商名称', 'Access provider'), value: facts.name, source: 'provider', sourceNote: note },
    { name: 'accessProviderRegion', section: 'access', label: b('接入商所属区域', 'Access provider’s region'), value: facts.region, source: 'provider', sourceNote: note },
    { name: 'accessMethod', section: 'access', label: b('接入方式', 'Access method'), value: facts.accessMethod, source: 'provider', sourceNote: note },
    { name: 'accessProviderPhone', section: 'access', label: b('接入服务商电话', 'Access provider’s phone'), value: facts.phone, source: 'provider', sourceNote: note },
    { name: 'accessProviderCode', section: 'access', label: b('接入商组织机构代码/接入商编码', 'Access provider’s organisation code'), value: facts.organisationCode, source: 'provider', sourceNote: note },
  ];
}

function registrarFields(facts: ProviderFacts, service: DraftService | undefined): GuideField[] {
  const typed = service?.domains?.find((d) => d.registrar)?.registrar;
  const squash = (s: string) => s.toLowerCase().replace(/[\s（）()]/g, '');
  const own = facts.registrar && typed && [facts.registrar.name, ...facts.registrar.aliases].some((n) => squash(typed).includes(squash(n)));
  const known = typed ? findRegistrar(typed) : undefined;
  const name = own ? facts.registrar!.name : (known?.name ?? typed ?? null);
  const region = own ? facts.registrar!.region : (known?.region ?? null);
  const phone = own ? facts.registrar!.phone : (known?.phone ?? null);
  const note = own ? b('接入商同时是该域名的注册商', 'the provider is also the domain’s registrar') : b('备案记录中的域名注册商', 'the registrar named in the filing record');
  const ask = b('请向您的域名注册商查询', 'ask your domain registrar');
  return [
    { name: 'registrarName', section: 'registrar', label: b('域名注册服务商名称', 'Domain registrar'), value: name, source: 'registrar', sourceNote: note, ...(name ? {} : { hint: ask }) },
    { name: 'registrarRegion', section: 'registrar', label: b('域名注册服务商所属区域', 'Registrar’s region'), value: region, source: 'registrar', sourceNote: note, ...(region ? {} : { hint: ask }) },
    { name: 'registrarPhone', section: 'registrar', label: b('域名注册服务商电话', 'Registrar’s phone'), value: phone, source: 'registrar', sourceNote: note, ...(phone ? {} : { hint: ask }) },
  ];
}

function serverFields(servers: Awaited<ReturnType<typeof serverFacts>>, ips: string[]): GuideField[] {
  const fromResources = b('您在本接入商的服务器资源', 'your server resources with this provider');
  const ask = b('请咨询接入商备案客服', 'ask the provider’s filing support');
  const addresses = servers.regions.map((r) => r.address);
  const regions = servers.regions.map(describeRegion);
  const mine = servers.resources.filter((r) => r.public_ips.some((ip) => ips.includes(ip)));
  return [
    {
      name: 'serverIps',
      section: 'server',
      label: b('服务器IP', 'Server IPs'),
      value: ips.join('、') || null,
      source: 'filing',
      sourceNote: b('ICP备案中报备的IP（备案服务码对应的公网IP）', 'the IPs reported in the ICP filing (the service code’s public IPs)'),
      hint: b('各地规则不同，填写前请先咨询当地网安部门', 'rules differ by city: ask the local 网安 department before entering them'),
    },
    { name: 'serverRegion', section: 'server', label: b('服务器所在地域', 'Server region'), value: regions.map((r) => r.zh).join('；') || null, source: 'resource', sourceNote: fromResources, ...(regions.length ? {} : { hint: ask }) },
    { name: 'serverAddress', section: 'server', label: b('服务器存放物理地址', 'Physical server address'), value: addresses.join('；') || null, source: 'provider', sourceNote: b('接入商各地域机房地址', 'the provider’s data-centre address for the region'), ...(addresses.length ? {} : { hint: ask }) },
    {
      name: 'serverCount',
      section: 'server',
      label: b('服务器台数', 'Number of servers'),
      value: mine.length > 0 ? String(mine.length) : null,
      source: 'resource',
      sourceNote: fromResources,
      hint: b('填写您实际购买的服务器台数', 'enter how many servers you actually bought'),
    },
    {
      name: 'wanganCode',
      section: 'server',
      label: b('服务器所在地网安部门代码', 'Server city’s 网安 code'),
      value: servers.wangan?.code ?? null,
      source: servers.wangan?.source === 'provider' ? 'provider' : 'rules',
      sourceNote: servers.wangan ? b(`${servers.wangan.city}网安部门`, `the 网安 department of ${servers.wangan.city}`) : b('按服务器所在城市', 'by the server’s city'),
      ...(servers.wangan ? {} : { hint: b('请咨询服务器所在地的网安部门', 'ask the 网安 department of the server’s city') }),
    },
  ];
}
