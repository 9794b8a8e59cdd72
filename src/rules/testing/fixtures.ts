// Test factories: valid drafts for any province, built from real check-digit algorithms so every number is
// well-formed. Used by the rules tests (and usable by other contexts' tests through this path).

import type { FilingDraft, Material, Person, Service } from '../draft.ts';
import { creditCodeCheckChar, gb11643CheckChar } from '../identity.ts';
import { precheck } from '../precheck.ts';
import type { PrecheckOptions } from '../precheck.ts';
import { PROVINCES } from '../data/provinces.ts';
import type { ProvinceCode } from '../data/provinces.ts';

export const TODAY = '2026-03-02';

/** A county of the provincial capital whose GB/T 2260 code is in use, where xx0102 has been abolished. */
const CAPITAL_COUNTY: Readonly<Record<string, string>> = { '14': '0105', '31': '0104', '44': '0106', '46': '0105', '51': '0104', '64': '0104' };

/** A valid 18-digit resident ID from a province (two-digit prefix), birth date and sequence. */
export function residentId(short: string, birth = '19800101', sequence = '123'): string {
  const first17 = `${short}${CAPITAL_COUNTY[short] ?? '0102'}${birth}${sequence}`;
  return first17 + gb11643CheckChar(first17);
}

/** A valid unified social credit code registered in a province (`body`: the nine-character organisation code). */
export function creditCode(short: string, prefix = '91', body = 'MA1234569'): string {
  const first17 = `${prefix}${short}0100${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export function person(short: string, overrides: Partial<Person> = {}): Person {
  return {
    name: '张三',
    idType: 'resident_id',
    idNumber: residentId(short),
    idValidUntil: '2036-01-01',
    mobile: '13800138000',
    email: 'zhangsan@example.com',
    emergencyPhone: '13900139000',
    ...overrides,
  };
}

export function website(i: number, overrides: Partial<Service> = {}): Service {
  return {
    kind: 'website',
    name: `甲乙科技资料站${'一二三四五六七八九十'[i % 10] ?? ''}`,
    domains: [
      {
        name: `jiayi${i}.com`,
        registrar: '阿里云计算有限公司',
        holder: '甲乙科技有限公司',
        realNameVerifiedOn: '2026-01-05',
        expiresOn: '2028-01-01',
      },
    ],
    leader: 'subject_leader',
    access: { serviceCode: `32a43232-a888-88e8-b9ec-${String(i).padStart(12, '0')}`, ips: ['47.96.1.2'] },
    ...overrides,
  };
}

/** A complete enterprise draft for the province; holder names follow the subject name. */
export function enterpriseDraft(province: ProvinceCode = '330000', services = 1): FilingDraft {
  const p = PROVINCES[province];
  const name = '甲乙科技有限公司';
  return {
    province,
    subject: {
      nature: 'enterprise',
      name,
      certificate: { type: 'business_license', number: creditCode(p.short), address: `${p.name}甲市乙区丙路1号` },
      mailingAddress: `${p.name}甲市乙区丙路1号`,
      leader: person(p.short),
      legalRepresentative: '张三',
    },
    services: Array.from({ length: services }, (_, i) => website(i)),
    materials: [],
    submittedOn: TODAY,
  };
}

/** A complete personal draft: the person's ID comes from the filing province. */
export function personalDraft(province: ProvinceCode = '330000'): FilingDraft {
  const p = PROVINCES[province];
  const leader = person(p.short, { name: '李四' });
  return {
    province,
    subject: {
      nature: 'individual',
      name: '李四',
      certificate: { type: 'resident_id', number: leader.idNumber, address: `${p.name}甲市乙区丙路2号` },
      mailingAddress: `${p.name}甲市乙区丙路2号`,
      leader,
    },
    services: [
      website(0, {
        name: '李四的个人博客',
        domains: [{ name: 'lisi-blog.cn', holder: '李四', realNameVerifiedOn: '2026-01-05', expiresOn: '2028-01-01', registrar: 'DNSPod' }],
      }),
    ],
    materials: [],
    submittedOn: TODAY,
  };
}

export function goodFile(): NonNullable<Material['file']> {
  return { format: 'jpg', bytes: 600 * 1024, width: 1600, height: 1200, colour: 'colour' };
}

/** The draft with every material the pre-check asks for, freshly issued and well formed. */
export function withAllMaterials(draft: FilingDraft, options: PrecheckOptions = {}): FilingDraft {
  const result = precheck(draft, options);
  const materials: Material[] = result.materials.map((m) => ({
    kind: m.kind,
    ...(m.appliesTo !== undefined ? { appliesTo: m.appliesTo } : {}),
    ...(m.maxAgeDays !== undefined ? { issuedOn: draft.submittedOn ?? TODAY } : {}),
    file: goodFile(),
  }));
  return { ...draft, materials };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
