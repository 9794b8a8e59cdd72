import { describe, expect, it } from 'vitest';
import { mask, summarySections } from './summary.ts';

/** A draft with every field the wizard or the API can fill: a website with its own leader, and an App. */
function fullDraft() {
  return {
    province: '330000',
    subject: {
      nature: 'enterprise',
      name: '杭州云栖示例科技有限公司',
      previousNames: ['杭州云栖旧名有限公司'],
      certificate: {
        type: 'business_license',
        number: '91330106MA2B3C4D11',
        validUntil: '2040-12-31',
        address: '浙江省杭州市西湖区文三路100号',
      },
      mailingAddress: '浙江省杭州市西湖区文三路200号',
      legalRepresentative: '张伟',
      leader: {
        name: '张伟',
        idType: 'resident_id',
        idNumber: '330106198503120036',
        idValidUntil: '2035-01-01',
        mobile: '13800000001',
        emergencyPhone: '13900000002',
        email: 'zhangwei@yunqi-demo.cn',
      },
    },
    services: [
      {
        kind: 'website',
        name: '云栖示例科技资料站',
        domains: [
          {
            name: 'yunqi-demo.cn',
            holder: '杭州云栖示例科技有限公司',
            registrar: '阿里云计算有限公司（万网）',
            realNameVerifiedOn: '2026-10-01',
            expiresOn: '2028-10-01',
          },
        ],
        homepage: 'https://www.yunqi-demo.cn/',
        leader: {
          name: '李娜',
          idType: 'resident_id',
          idNumber: '330106199202020052',
          idValidUntil: '2036-02-02',
          mobile: '13700000003',
          emergencyPhone: '13600000004',
          email: 'lina@yunqi-demo.cn',
        },
        contentTypes: ['企业信息'],
        languages: ['zh-CN', 'en'],
        preApprovals: ['浙新出审〔2026〕1号'],
        access: { serviceCode: '32a43232-a888-48e8-b9ec-00888be81234', ips: ['47.96.1.10', '47.96.1.11'] },
        remarks: '网站为企业介绍，不含交互功能',
      },
      {
        kind: 'app',
        name: '云栖示例助手',
        domains: [{ name: 'api.yunqi-demo.cn' }],
        leader: 'subject_leader',
        contentTypes: ['工具软件'],
        access: { serviceCode: '32a43232-a888-48e8-b9ec-00888be81235', ips: ['47.96.1.12'] },
        app: {
          platforms: ['android', 'ios'],
          packageName: 'cn.yunqi.helper',
          signatureMd5: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          publicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
        },
      },
    ],
  };
}

/** Every text the applicant entered, with its path; codes (kinds, types, platforms) are shown by their names. */
function typedValues(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => typedValues(item, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => typedValues(v, path ? `${path}.${k}` : k));
  return [];
}

const CODES =
  /(^province$|\.nature$|\.type$|\.idType$|\.kind$|\.platforms\[\d+\]$|\.languages\[\d+\]$|^services\[\d+\]\.leader$)/;

describe('the summary of what will be filed', () => {
  const shown = (masking: 'ids' | 'all') =>
    summarySections(fullDraft(), 'zh', masking)
      .flatMap((s) => [s.title, ...s.rows.map((r) => r.value)])
      .join('\n');

  it('shows every value the applicant entered, ID numbers masked and mobiles whole, before submitting', () => {
    const text = shown('ids');
    for (const { path, value } of typedValues(fullDraft()).filter((v) => !CODES.test(v.path))) {
      if (path.endsWith('idNumber')) {
        expect(text, path).not.toContain(value);
        expect(text, path).toContain(mask(value));
      } else expect(text, path).toContain(value);
    }
  });

  it('names the codes: province, nature, certificate and ID types, kinds, platforms', () => {
    const text = shown('ids');
    for (const name of [
      '浙江省',
      '企业',
      '营业执照',
      '居民身份证',
      '网站 1',
      'App 2',
      'Android、iOS',
      '同主体负责人',
      '网站 1 负责人',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('masks phones too once filed', () => {
    const text = shown('all');
    expect(text).not.toContain('13800000001');
    expect(text).toContain('138****0001');
    expect(text).toContain('137****0003');
  });

  it('marks required fields left empty, and the people whose face checks it lists', () => {
    const sections = summarySections(
      { province: '330000', subject: {}, services: [{ kind: 'website', leader: { name: '李娜' } }] },
      'en',
      'ids',
    );
    const site = sections.find((s) => s.key === 'service-0')!;
    expect(site.rows.find((r) => r.key === 'domain')!.value).toBe('—');
    expect(site.rows.find((r) => r.key === 'code')!.value).toBe('—');
    expect(sections.filter((s) => s.person).map((s) => s.person)).toEqual(['subject.leader', 'services[0].leader']);
    expect(sections.find((s) => s.key === 'leader')!.rows.find((r) => r.key === 'id')!.value).toBe('—');
  });
});
