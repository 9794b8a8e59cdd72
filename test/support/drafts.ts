import { creditCodeCheckChar, gb11643CheckChar, organisationCodeCheckChar } from '../../src/rules/index.ts';

export const withIdCheck = (first17: string): string => first17 + gb11643CheckChar(first17);

/**
 * A credit code from its first 17 characters, or from 16: then the organisation code's own GB 11714 check character
 * (character 17) is added first, so tests can name distinct companies by changing one character of the body.
 */
export function withCreditCheck(first16or17: string): string {
  const first17 = first16or17.length === 16 ? first16or17 + organisationCodeCheckChar(first16or17.slice(8)) : first16or17;
  return first17 + creditCodeCheckChar(first17);
}

type Overrides = { domain?: string; creditBody?: string; leaderIdBody?: string; mobile?: string; name?: string };

/** A complete Zhejiang company filing with one website; valid on 2026-11-23 once its two materials are uploaded. */
export function buildDraft(overrides: Overrides = {}) {
  const name = overrides.name ?? '杭州云栖示例科技有限公司';
  const domain = overrides.domain ?? 'yunqi-demo.cn';
  return {
    province: '330000',
    subject: {
      nature: 'enterprise',
      name,
      certificate: { type: 'business_license', number: withCreditCheck(overrides.creditBody ?? '91330106MA2B3C4D1'), address: '浙江省杭州市西湖区文三路100号' },
      mailingAddress: '浙江省杭州市西湖区文三路100号',
      leader: {
        name: '张伟',
        idType: 'resident_id',
        idNumber: withIdCheck(overrides.leaderIdBody ?? '33010619850312003'),
        idValidUntil: '2035-01-01',
        mobile: overrides.mobile ?? '13800000001',
        email: 'zhangwei@yunqi-demo.cn',
        emergencyPhone: '13900000002',
      },
      legalRepresentative: '张伟',
    },
    services: [
      {
        kind: 'website',
        name: '云栖示例科技官网',
        domains: [{ name: domain, holder: name, realNameVerifiedOn: '2026-10-01', expiresOn: '2028-10-01', registrar: '阿里云计算有限公司（万网）' }],
        leader: 'subject_leader',
        contentTypes: ['企业信息'],
        languages: ['zh-CN'],
        access: { serviceCode: '32a43232-a888-48e8-b9ec-00888be81234', ips: ['47.96.1.10'] },
      },
    ],
  };
}
