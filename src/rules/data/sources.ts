// Where each rule comes from. Keys follow reference/anchors.md §0 so a reviewer can trace a rule back to the
// page it was read from; "SEED-00x" are the provider documents the SPEC was written from.
// `date` is the date of the source itself; a rule's `lastConfirmed` is the newest date at which a source
// still stated it.

export type SourceRef = { title: string; url: string; date: string };

export const SOURCES: Readonly<Record<string, SourceRef>> = {
  'SEED-002': { title: 'Alibaba Cloud ICP filing quick start (seed 002)', url: 'seeds/002', date: '2020-11-11' },
  'SEED-003': { title: 'Alibaba Cloud ICP material templates and requirements (seed 003)', url: 'seeds/003', date: '2020-11-11' },
  'SEED-004': { title: 'Alibaba Cloud police filing and commercial licence guide (seed 004)', url: 'seeds/004', date: '2022-01-14' },
  'HW-PROV': {
    title: 'Huawei Cloud ICP knowledge base — 备案管局咨询',
    url: 'https://github.com/huaweicloud/huaweicloud-skills/tree/master/skills/cdi/assist/huawei-cloud-icp-process-guidance/kb',
    date: '2025-12',
  },
  'HW-CANCEL': { title: 'Huawei Cloud KB — 备案注销咨询 (shell subjects)', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'HW-AFTER': { title: 'Huawei Cloud KB — 备案成功后咨询 (footer numbers)', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'HW-MAT': { title: 'Huawei Cloud KB — 备案材料咨询', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'HW-FLOW': { title: 'Huawei Cloud KB — 备案流程咨询', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'HW-PREP': { title: 'Huawei Cloud KB — 备案前准备咨询', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'HW-CHANGE': { title: 'Huawei Cloud KB — 备案变更咨询', url: 'huaweicloud-skills kb/procedures', date: '2025-12' },
  'TC-CANCEL': {
    title: 'Tencent Cloud 注销备案 FAQ',
    url: 'https://github.com/tencentyun/qcloud-documents (常见问题/注销备案.md)',
    date: '2026-11-22',
  },
  'TC-HUBEI': {
    title: 'Tencent Cloud 湖北省管局备案年审工作',
    url: 'https://github.com/tencentyun/qcloud-documents (常见问题/湖北省管局备案年审工作.md)',
    date: '2026-11-22',
  },
  'XZ-SHELL': {
    title: 'Tibet 管局 shell-filing notice 2025',
    url: 'https://xzca.miit.gov.cn/zwgk/hlwgl/art/2025/art_fc7836c282814c8a9e890d1d496a077c.html',
    date: '2025',
  },
  'ALI-JS': {
    title: 'Alibaba Cloud ICP filing regulations for Jiangsu',
    url: 'https://alibabacloud.com/help/en/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-jiangsu',
    date: '2026-11-22',
  },
  'ALI-GZ': {
    title: 'Alibaba Cloud ICP filing regulations for Guizhou',
    url: 'https://alibabacloud.com/help/en/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-guizhou',
    date: '2026-11-22',
  },
  'ALI-QH': {
    title: 'Alibaba Cloud ICP filing regulations for Qinghai',
    url: 'https://alibabacloud.com/help/en/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-qinghai',
    date: '2026-11-22',
  },
  'ALI-FJ': {
    title: 'Alibaba Cloud ICP filing regulations for Fujian',
    url: 'https://alibabacloud.com/help/en/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-fujian',
    date: '2026-11-22',
  },
  'ALI-HUNAN-ZH': {
    title: 'Alibaba Cloud 湖南备案规则 (Chinese mirror of the current page)',
    url: 'http://bestwisewords.com/zh/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-hunan',
    date: '2026-11-22',
  },
  'ALI-GD-PROP': {
    title: 'Alibaba Cloud — Guangdong website construction proposal thresholds',
    url: 'https://www.alibabacloud.com/help/ja/icp-filing/basic-icp-service/user-guide/website-construction-proposal',
    date: '2026-11-22',
  },
  'ALI-2018': {
    title: 'Alibaba Cloud province pages of 2018 (faq-detail 50236–50262)',
    url: 'https://www.alibabacloud.com/help/faq-detail/<id>.htm',
    date: '2018',
  },
  'TC-PROV2017': {
    title: 'Tencent Cloud 各省管局要求 20170605 (deprecated)',
    url: 'https://github.com/tencentyun/qcloud-documents (0.弃用文档/各省管局要求20170605.md)',
    date: '2017-06-05',
  },
  'TC-REVIEW': {
    title: 'Tencent Cloud 备案审核 FAQ (review ceilings)',
    url: 'https://github.com/tencentyun/qcloud-documents (常见问题/备案流程/备案审核.md)',
    date: '2026-11-22',
  },
  'TC-INTL-CHANGE': { title: 'Tencent Cloud intl — changing a filing', url: 'https://intl.cloud.tencent.com/document/product/1022/31685', date: '2020' },
  'TC-PROVFAQ': {
    title: 'Tencent Cloud 省管局要求相关 FAQ',
    url: 'https://github.com/tencentyun/qcloud-documents (常见问题/省管局要求相关.md)',
    date: '2026-11-22',
  },
  'XINNET-NAMES': { title: 'Xinnet website naming rules', url: 'https://www.xinnet.com/service/cjwt/icp/zbnr/2009.html', date: '2026-11-22' },
  'GOV-APPS-2024': {
    title: '互联网政务应用安全管理规定 (as quoted by Huawei for Shanghai, Zhejiang, Inner Mongolia)',
    url: 'huaweicloud-skills kb/topics/备案管局咨询.md',
    date: '2024',
  },
  'MIIT-2018-7': {
    title: '中国互联网域名体系 (工业和信息化部公告2018年第7号): 政务 / 公益 / GOV reserved for state bodies, non-profits, government',
    url: 'http://xxgk.miit.gov.cn/gdnps/wjfbContent.jsp?id=6072462',
    date: '2018-01-29',
  },
  'CONAC-2008': {
    title: '中央编办政务和公益机构域名注册管理中心公告: who may register “政务” and “公益” domains (as reported)',
    url: 'https://zunmi.cn/news/200811/6966.html',
    date: '2008-11',
  },
  'GOV-SITES-2017': {
    title: '政府网站发展指引 (国办发〔2017〕47号): public institutions without administrative functions in principle not on .gov.cn',
    url: 'https://www.gov.cn/zhengce/content/2017-06/08/content_5200760.htm',
    date: '2017-05-15',
  },
  'ALI-DOMAIN': {
    title: 'Alibaba Cloud — prepare and check the domain name (one domain per website since 2019-04-22)',
    url: 'https://help.aliyun.com/en/icp-filing/basic-icp-service/user-guide/prepare-and-check-the-domain-name',
    date: '2026-11-22',
  },
  'MIIT-2019-633': { title: '工信管函〔2019〕633号 — one domain per website', url: 'http://www.zhaiyijian.com/news577.html', date: '2019-04-22' },
  'MIIT-33': { title: '非经营性互联网信息服务备案管理办法 (33号令) art. 13', url: 'https://hmyun.com.cn/news/detail/article/7', date: '2005' },
  'SIM-ESTIMATE': {
    title: 'OpenBeian simulator estimate — no per-province durations are published (anchors §10)',
    url: 'reference/anchors.md §10',
    date: '2026-11-22',
  },
};

/** Rules whose newest source predates 2020 are shown as warnings: the 管局 may have moved on since. */
export const LEGACY_BEFORE = '2020';

export function isLegacyDate(lastConfirmed: string): boolean {
  return lastConfirmed < LEGACY_BEFORE;
}
