// 网安 (public-security network department) codes the national police filing platform asks for: the department of
// the city where the server stands (SPEC §9). The list is data: add a city here when its code is confirmed, or let a
// provider's region carry its own code (docs/aftercare.md). Keys are GB/T 2260 city codes; a municipality's city is
// its 市辖区 code (110100, 310100), and its province code finds it too.

export type WanganCode = {
  cityCode: string;
  city: string;
  cityEn: string;
  /** As the source gives it; Shanghai's is six digits there, not twelve. */
  code: string;
  source: string;
  lastConfirmed: string;
};

const SEED_004 = 'SEED-004 §2 (服务器所在地网安部门代码)';

export const WANGAN_CODES: readonly WanganCode[] = [
  { cityCode: '110100', city: '北京市', cityEn: 'Beijing', code: '110000000000', source: SEED_004, lastConfirmed: '2022-01-14' },
  { cityCode: '310100', city: '上海市', cityEn: 'Shanghai', code: '310113', source: SEED_004, lastConfirmed: '2022-01-14' },
  { cityCode: '330100', city: '杭州市', cityEn: 'Hangzhou', code: '330100000000', source: SEED_004, lastConfirmed: '2022-01-14' },
  { cityCode: '370200', city: '青岛市', cityEn: 'Qingdao', code: '370200000000', source: SEED_004, lastConfirmed: '2022-01-14' },
  { cityCode: '440300', city: '深圳市', cityEn: 'Shenzhen', code: '440300000000', source: SEED_004, lastConfirmed: '2022-01-14' },
];

/** The 网安 code of a city (GB/T 2260 city code; a municipality's province code works too), if one is known. */
export function wanganCodeOf(cityCode: string): WanganCode | undefined {
  const municipalCity = /^(11|12|31|50)0000$/.test(cityCode) ? `${cityCode.slice(0, 2)}0100` : cityCode;
  return WANGAN_CODES.find((w) => w.cityCode === municipalCity);
}
