// GB 32100-2015 表1 — 登记管理部门代码 (character 1) and the 机构类别代码 (character 2) each authority assigns,
// with the authorities added since 2015 by the national standards administration (外交 … 工会, 中央军委改革和编制办公室,
// 农业). A credit code whose first two characters are not a pair below was never issued.

export type CreditCodeAuthority = { zh: string; en: string; categories: Readonly<Record<string, { zh: string; en: string }>> };

export const CREDIT_CODE_CATEGORIES_SOURCE =
  'GB 32100-2015 法人和其他组织统一社会信用代码编码规则, 表1 (with the 2016 amendment XG1-2016 and later additions of registration authorities), as listed at https://osuse.cn/post/10002590.html';

const other = { zh: '其他', en: 'other' };

export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, CreditCodeAuthority>> = {
  '1': {
    zh: '机构编制',
    en: 'establishment (编制) offices',
    categories: {
      '1': { zh: '机关', en: 'government body' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation under the central establishment office' },
      '9': other,
    },
  },
  '2': { zh: '外交', en: 'foreign affairs', categories: { '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, '9': other } },
  '3': {
    zh: '司法行政',
    en: 'justice administration',
    categories: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '9': other,
    },
  },
  '4': { zh: '文化', en: 'culture', categories: { '1': { zh: '外国在华文化中心', en: 'foreign cultural centre' }, '9': other } },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    categories: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
      '9': other,
    },
  },
  '6': {
    zh: '旅游',
    en: 'tourism',
    categories: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'representative office of a foreign tourism authority' },
      '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'representative office of a Hong Kong, Macau or Taiwan tourism authority' },
      '9': other,
    },
  },
  '7': {
    zh: '宗教',
    en: 'religious affairs',
    categories: { '1': { zh: '宗教活动场所', en: 'place of religious activity' }, '2': { zh: '宗教院校', en: 'religious school' }, '9': other },
  },
  '8': { zh: '工会', en: 'trade unions', categories: { '1': { zh: '基层工会', en: 'grassroots trade union' }, '9': other } },
  '9': {
    zh: '工商',
    en: 'market regulation',
    categories: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: 'farmers’ cooperative' },
    },
  },
  A: { zh: '中央军委改革和编制办公室', en: 'CMC reform and establishment office', categories: { '1': { zh: '军队事业单位', en: 'military public institution' }, '9': other } },
  N: {
    zh: '农业',
    en: 'agriculture',
    categories: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': other,
    },
  },
  // 其他: no categories of its own; the standard fixes the second character at 1.
  Y: { zh: '其他', en: 'other authorities', categories: { '1': other } },
};
