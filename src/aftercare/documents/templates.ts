import { PROVINCES, isProvinceCode, type DocumentKind, type DocumentVariant } from '../../rules/index.ts';
import type { ProviderFacts } from '../provider-facts.ts';
import type { ServerFacts } from '../server-facts.ts';
import type { DocPerson, DocService, DocumentData } from './source.ts';
import type { LetterWriter } from './writer.ts';

/** Everything a template may use: the filing's data, the provider's facts and its servers, and the day it is made. */
export type TemplateInput = { data: DocumentData; facts: ProviderFacts; servers: ServerFacts; variant: DocumentVariant; today: string };

const ID_TYPE_ZH: Record<string, string> = {
  resident_id: '居民身份证',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  hmt_residence_permit: '港澳台居民居住证',
  passport: '护照',
  foreign_permanent_residence: '外国人永久居留身份证',
};
const CERTIFICATE_ZH: Record<string, string> = {
  business_license: '统一社会信用代码（营业执照）',
  public_institution_license: '事业单位法人证书',
  social_organization_certificate: '社会团体法人登记证书',
  law_firm_license: '律师事务所执业许可证',
  government_code: '统一社会信用代码',
  other_org: '组织证件',
  ...ID_TYPE_ZH,
};

/** Blank to be written by hand. */
const BLANK = '________________';
const DATE_LINE = '日期：______年____月____日';
const or = (value: string | null | undefined, blank = BLANK): string => (value && value.trim() !== '' ? value : blank);
const idLine = (p: DocPerson): string => (p.idNumber ? `${ID_TYPE_ZH[p.idType ?? ''] ?? '证件'}号码：${p.idNumber}` : BLANK);
const domainsOf = (s: DocService | undefined): string => s?.domains.map((d) => d.name).join('、') ?? '';
const administration = (province: string): string => (isProvinceCode(province) ? PROVINCES[province].administration : '通信管理局');

export const DOCUMENT_TITLES: Record<DocumentKind, Record<DocumentVariant, string>> = {
  subject_leader_authorization: { national: '主体负责人授权书', gansu: '主体负责人授权书（甘肃省）', shanghai: '主体负责人授权书' },
  service_leader_authorization: { national: '网站负责人授权书', gansu: '网站负责人授权书', shanghai: '网站负责人授权书（上海市）' },
  domain_holder_proof: { national: '有关网站备案域名注册人的证明', gansu: '有关网站备案域名注册人的证明', shanghai: '有关网站备案域名注册人的证明' },
  employment_proof: { national: '工作证明', gansu: '工作证明', shanghai: '工作证明' },
  business_nature_statement: { national: '说明书', gansu: '说明书', shanghai: '说明书' },
  server_region_proof: { national: '服务器区域证明', gansu: '服务器区域证明', shanghai: '服务器区域证明' },
  site_verification_notice: { national: '网站核验通知书', gansu: '网站核验通知书', shanghai: '网站核验通知书' },
};

type Template = (w: LetterWriter, input: TemplateInput) => void;

const subjectLeaderAuthorization: Template = (w, { data, variant }) => {
  const s = data.subject;
  w.line(`致：${administration(data.province)}`);
  w.paragraph(
    `兹授权${or(s.leader.name)}（${idLine(s.leader)}）作为我单位${or(s.name)}（${CERTIFICATE_ZH[s.certificateType ?? ''] ?? '证件号码'}：${or(s.certificateNumber)}）的互联网信息服务备案（ICP备案）主体负责人，代表我单位办理ICP备案及其变更、注销等相关事宜。我单位对所提交备案信息的真实性、准确性负责。`,
  );
  if (variant === 'gansu') {
    w.paragraph('授权期限：自本授权书签署之日起至本单位ICP备案事项办结之日止。被授权人承诺如实提交备案信息，并配合通信管理局的核查。');
  }
  w.table([
    ['单位名称', s.name],
    ['证件号码', s.certificateNumber],
    ['法定代表人', s.legalRepresentative],
    ...(variant === 'gansu' ? ([['法定代表人证件号码', null]] as [string, null][]) : []),
    ['被授权人（主体负责人）', s.leader.name],
    ['被授权人证件号码', s.leader.idNumber],
    ['被授权人手机号码', s.leader.mobile],
  ]);
  w.signatures(['法定代表人（签字）：____________', '被授权人（签字）：____________', '单位（盖章）：', DATE_LINE]);
};

const serviceLeaderAuthorization: Template = (w, { data, variant }) => {
  const s = data.subject;
  const service = data.service;
  const leader = service?.leader ?? s.leader;
  // Shanghai accepts one letter for every site of the same leader (SEED-003 §2): list them all.
  const sameLeader = (other: DocService) => (leader.idNumber ? other.leader.idNumber === leader.idNumber : other.leader.name === leader.name);
  const covered = variant === 'shanghai' ? data.services.filter(sameLeader) : service ? [service] : [];
  const sites = covered.length > 0 ? covered : service ? [service] : [];
  w.line(`致：${administration(data.province)}`);
  w.paragraph(
    `兹授权${or(leader.name)}（${idLine(leader)}）作为我单位${or(s.name)}下列网站的网站负责人，负责网站ICP备案及网站内容的日常管理，并配合有关部门的核查工作。`,
  );
  w.table(sites.map((site, i): [string, string] => [`网站${sites.length > 1 ? i + 1 : ''}名称及域名`, `${or(site.name, '')}：${domainsOf(site) || BLANK}`]));
  w.table([
    ['单位名称', s.name],
    ['法定代表人', s.legalRepresentative],
    ['被授权人（网站负责人）', leader.name],
    ['被授权人证件号码', leader.idNumber],
    ['被授权人手机号码', leader.mobile],
  ]);
  w.signatures(['法定代表人（签字）：____________', '被授权人（签字）：____________', '单位（盖章）：', DATE_LINE]);
};

const domainHolderProof: Template = (w, { data }) => {
  const service = data.service;
  const domain = service?.domains[data.domainIndex] ?? service?.domains[0];
  w.line(`致：${administration(data.province)}`);
  w.paragraph(
    `域名${or(domain?.name)}的注册人（持有者）为${or(domain?.holder)}。注册人同意将该域名交由${or(data.subject.name)}使用，用于开办网站“${or(service?.name)}”并办理ICP备案；网站的主办者和责任人为${or(data.subject.name)}。`,
  );
  w.paragraph('注册人确认上述情况属实，如因该域名产生纠纷，由注册人与网站主办者自行协商解决。');
  w.table([
    ['域名', domain?.name],
    ['域名注册人', domain?.holder],
    ['注册人证件号码', null],
    ['网站名称', service?.name],
    ['网站主办者', data.subject.name],
  ]);
  w.signatures(['域名注册人（签字或盖章）：____________', '网站主办者（盖章）：', DATE_LINE]);
};

const employmentProof: Template = (w, { data }) => {
  const p = data.person;
  w.paragraph(
    `兹证明${or(p.name)}（${idLine(p)}）系我单位${or(data.subject.name)}在职员工，所在部门：____________，职务：____________，自______年____月起在我单位工作至今。`,
  );
  w.paragraph('特此证明。本证明仅用于办理互联网信息服务备案（ICP备案）。');
  w.table([
    ['姓名', p.name],
    ['证件号码', p.idNumber],
    ['所在部门', null],
    ['职务', null],
    ['工作单位', data.subject.name],
  ]);
  w.signatures(['单位（盖章）：', DATE_LINE]);
};

const businessNatureStatement: Template = (w, { data }) => {
  const sites = data.services.map((s) => `${or(s.name, '')}（${domainsOf(s) || BLANK}）`).join('、');
  w.line(`致：${administration(data.province)}`);
  w.paragraph(
    `我单位${or(data.subject.name)}开办网站${sites || BLANK}。网站仅用于展示本单位自身的信息和产品，不通过互联网向用户有偿提供信息或网页制作等服务，网站上没有其他商家入驻。`,
  );
  w.paragraph('经向通信管理局咨询，上述网站无需办理ICP经营许可证，现申请办理非经营性互联网信息服务备案。如网站今后开展经营性业务，我单位将依法申请ICP经营许可证。');
  w.signatures(['负责人（签字）：____________', '单位（盖章）：', DATE_LINE]);
};

const serverRegionProof: Template = (w, { data, facts, servers }) => {
  const region = servers.regions[0];
  w.line(`致：${administration(data.province)}`);
  w.paragraph(
    `兹证明${or(data.subject.name)}在我公司${facts.name}租用的服务器用于网站“${or(data.service?.name)}”（${domainsOf(data.service) || BLANK}），服务器位于${region ? `${region.name.zh}地域，存放地址为${region.address}` : `______________（地域及存放地址）`}。`,
  );
  w.table([
    ['客户名称', data.subject.name],
    ['网站名称', data.service?.name],
    ['网站域名', domainsOf(data.service)],
    ['ICP备案号', data.service?.number ?? data.subject.number],
    ['服务器公网IP', servers.ips.join('、')],
    ['服务器地域', servers.regions.map((r) => r.name.zh).join('；')],
    ['服务器存放地址', servers.regions.map((r) => r.address).join('；')],
    ['服务器台数', servers.resources.length > 0 ? String(servers.resources.length) : null],
    ['服务器合同号', null],
  ]);
  w.signatures([`证明单位：${facts.name}（盖章）`, DATE_LINE]);
};

const siteVerificationNotice: Template = (w, { data, facts, servers }) => {
  w.line(`致：${or(data.subject.name)}`);
  w.paragraph(
    `经核验，下列网站通过我公司${facts.name}接入互联网，接入信息如下。请网站主办者按照《计算机信息网络国际联网安全保护管理办法》的规定，在网站开通之日起30日内到全国互联网安全管理服务平台办理公安联网备案。`,
  );
  w.table([
    ['网站名称', data.service?.name],
    ['网站域名', domainsOf(data.service)],
    ['ICP备案号', data.service?.number],
    ['网站主办者', data.subject.name],
    ['网站负责人', data.service?.leader.name],
    ['网站开通日期', data.launchedOn],
    ['服务器IP', servers.ips.join('、')],
    ['服务器存放地址', servers.regions.map((r) => r.address).join('；')],
    ['网络接入服务商', facts.name],
    ['接入方式', facts.accessMethod],
    ['接入服务商电话', facts.phone],
    ...(facts.licences.idc ? ([['接入商IDC许可证', facts.licences.idc]] as [string, string][]) : []),
  ]);
  w.signatures([`网络接入服务商：${facts.name}（盖章）`, DATE_LINE]);
};

export const TEMPLATES: Record<DocumentKind, Template> = {
  subject_leader_authorization: subjectLeaderAuthorization,
  service_leader_authorization: serviceLeaderAuthorization,
  domain_holder_proof: domainHolderProof,
  employment_proof: employmentProof,
  business_nature_statement: businessNatureStatement,
  server_region_proof: serverRegionProof,
  site_verification_notice: siteVerificationNotice,
};

/** Documents the provider issues (its seal goes on them) rather than the owner. */
export const PROVIDER_ISSUED: readonly DocumentKind[] = ['server_region_proof', 'site_verification_notice'];
