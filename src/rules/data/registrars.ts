// Domain registrars. MIIT publishes the licensed ones at https://domain.miit.gov.cn/ (域名注册服务机构审批情况);
// no complete machine-readable copy was found, so this list holds the registrars we could source and the
// pre-check only WARNS about a registrar it does not know. Known foreign registrars are a hard stop, because
// a domain held abroad must be transferred to a licensed domestic registrar before it can be filed.

export type RegistrarStatus = 'approved' | 'foreign';

export type Registrar = {
  name: string;
  nameEn?: string;
  /** Lower-case spellings seen in WHOIS output and consoles; matched after removing spaces and punctuation. */
  aliases: readonly string[];
  status: RegistrarStatus;
  licence?: string;
  /** 所属区域 and phone as the police filing platform asks for them (SPEC §9), where a source gives them. */
  region?: string;
  phone?: string;
  source: string;
  lastConfirmed: string;
};

const TENCENT_REGISTRARS =
  'Tencent Cloud "腾讯云域名后缀对应注册商" (updated 2021-10-18), tencentyun/qcloud-documents';
const GENERAL =
  'widely known MIIT-licensed registrar; not yet checked against domain.miit.gov.cn — verify before relying on it';
const FOREIGN = 'registrar outside mainland China: domains must move to a licensed domestic registrar (reference/data.md §2)';

export const REGISTRARS: readonly Registrar[] = [
  {
    name: '阿里云计算有限公司',
    nameEn: 'Alibaba Cloud Computing Ltd. d/b/a HiChina',
    aliases: ['aliyun', 'alibaba cloud', 'hichina', '万网', '阿里云', 'alibaba cloud computing ltd. d/b/a hichina (www.net.cn)'],
    status: 'approved',
    licence: '浙D3-20210002',
    region: '浙江省杭州市余杭区',
    phone: '95187',
    source: 'aliyun.com footer (域名注册服务机构许可 浙D3-20210002, linked to domain.miit.gov.cn); seed 002 §1.2.1; region and phone: seed 004 §2',
    lastConfirmed: '2026-11-22',
  },
  {
    name: '烟台帝思普网络科技有限公司',
    nameEn: 'DNSPod, Inc.',
    aliases: ['dnspod', 'dnspod, inc.'],
    status: 'approved',
    source: TENCENT_REGISTRARS,
    lastConfirmed: '2021-10-18',
  },
  {
    name: '腾讯云计算（北京）有限责任公司',
    nameEn: 'Tencent Cloud Computing (Beijing) Co., Ltd.',
    aliases: ['tencent cloud', '腾讯云', 'tencent cloud computing (beijing) co., ltd.'],
    status: 'approved',
    source: TENCENT_REGISTRARS,
    lastConfirmed: '2021-10-18',
  },
  {
    name: '北京新网数码信息技术有限公司',
    nameEn: 'Xin Net Technology Corporation',
    aliases: ['xinnet', 'xin net', '新网', 'xin net technology corporation'],
    status: 'approved',
    source: TENCENT_REGISTRARS,
    lastConfirmed: '2021-10-18',
  },
  {
    name: '广州云讯信息科技有限公司',
    nameEn: 'Guangzhou Yunxun Information Technology Co., Ltd.',
    aliases: ['广州云讯', 'guangzhou yunxun information technology co., ltd.'],
    status: 'approved',
    source: TENCENT_REGISTRARS,
    lastConfirmed: '2021-10-18',
  },
  {
    name: '华为云计算技术有限公司',
    nameEn: 'Huawei Cloud Computing Technologies Co., Ltd.',
    aliases: ['huawei cloud', '华为云'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '厦门易名科技股份有限公司',
    nameEn: 'eName Technology Co., Ltd.',
    aliases: ['ename', '易名', '易名中国'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '成都西维数码科技有限公司',
    nameEn: 'West263 / West.cn',
    aliases: ['west.cn', 'west263', '西部数码'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '厦门三五互联科技股份有限公司',
    nameEn: '35.com',
    aliases: ['35.com', '三五互联', '35互联'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '广东时代互联科技有限公司',
    nameEn: 'Todaynic / now.cn',
    aliases: ['now.cn', 'todaynic', '时代互联'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '商中在线科技股份有限公司',
    nameEn: 'Bizcn.com',
    aliases: ['bizcn', '商务中国'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '北京中科三方网络技术有限公司',
    nameEn: 'SFN',
    aliases: ['中科三方', 'sfn'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '上海美橙科技信息发展有限公司',
    nameEn: 'CNDNS',
    aliases: ['cndns', '美橙互联'],
    status: 'approved',
    source: GENERAL,
    lastConfirmed: '2026-11-22',
  },
  {
    name: '耐思智慧',
    nameEn: 'IISP',
    aliases: ['iisp', '耐思尼克'],
    status: 'approved',
    licence: '粤D3.1-20240003',
    source: 'iisp.com footer (域名注册服务机构许可 粤D3.1-20240003)',
    lastConfirmed: '2025-01-01',
  },
  ...(
    [
      ['GoDaddy.com, LLC', ['godaddy']],
      ['NameCheap, Inc.', ['namecheap']],
      ['Cloudflare, Inc.', ['cloudflare']],
      ['Porkbun LLC', ['porkbun']],
      ['Dynadot LLC', ['dynadot']],
      ['Gandi SAS', ['gandi']],
      ['NameSilo, LLC', ['namesilo']],
      ['Name.com, Inc.', ['name.com']],
      ['Google Domains / Squarespace Domains', ['google domains', 'squarespace domains', 'squarespace']],
      ['Aceville Pte. Ltd.', ['aceville']],
    ] as const
  ).map(
    ([name, aliases]): Registrar => ({ name, aliases, status: 'foreign', source: FOREIGN, lastConfirmed: '2026-11-22' }),
  ),
];

function squash(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.,()（）'"\-_/]/g, '');
}

const INDEX: ReadonlyMap<string, Registrar> = (() => {
  const m = new Map<string, Registrar>();
  for (const r of REGISTRARS) {
    m.set(squash(r.name), r);
    if (r.nameEn) m.set(squash(r.nameEn), r);
    for (const a of r.aliases) m.set(squash(a), r);
  }
  return m;
})();

/** Finds a registrar by any spelling; a registrar that merely contains a known alias also matches. */
export function findRegistrar(input: string): Registrar | undefined {
  const key = squash(input);
  if (key === '') return undefined;
  const exact = INDEX.get(key);
  if (exact) return exact;
  for (const [alias, r] of INDEX) if (alias.length >= 4 && key.includes(alias)) return r;
  return undefined;
}
