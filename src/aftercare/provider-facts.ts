import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { PROVINCE_CODES } from '../rules/index.ts';
import { DEMO_PROVIDER_FACTS } from './demo-provider-facts.ts';

/**
 * What the provider itself is, as the police filing platform and the provider documents ask for it (SPEC §9): its
 * name, region, access method, phone and organisation code, and where each of its regions' servers physically stand.
 * One file per provider, named by OPENBEIAN_PROVIDER_FACTS and checked at boot. Outside production, without that
 * setting, the demo facts are used and every page says so; production without it refuses these features
 * (AFTERCARE_NOT_CONFIGURED) rather than hand demo facts to customers.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = z.object({ zh: text(100), en: text(100) });

const regionSchema = z
  .object({
    /** As the resources record it (resources.region), e.g. "cn-hangzhou". */
    id: text(50),
    name: bilingual,
    isMainland: z.boolean().default(true),
    /** GB/T 2260 province code; required for mainland regions. */
    province: z.enum(PROVINCE_CODES as [string, ...string[]]).optional(),
    /** GB/T 2260 code of the city the servers are in (its 网安 department is asked for). */
    cityCode: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)').optional(),
    city: text(50).optional(),
    /** 服务器存放物理地址: the data centre's address. */
    address: text(200),
    /** The city's 网安 code, where src/rules does not know it yet. */
    wanganCode: z.string().regex(/^\d{6,12}$/, '6–12 digits').optional(),
  })
  .refine((r) => !r.isMainland || (r.province && r.cityCode && r.city), { message: 'a mainland region needs province, cityCode and city' });

export const providerFactsSchema = z.object({
  /** 网络接入服务商名称 */
  name: text(100),
  nameEn: text(200).optional(),
  /** 网络接入商所属区域, e.g. 浙江省杭州市余杭区 */
  region: text(100),
  /** 接入方式 */
  accessMethod: text(50).default('租赁虚拟空间'),
  /** 接入服务商电话 */
  phone: text(40),
  /** 接入服务商组织机构代码 / 接入商编码 */
  organisationCode: text(40),
  /** The provider's address for its letters (server-region proof, site verification notice). */
  address: text(200),
  /** The provider's licences, named on its documents (e.g. IDC: B1-20000000). */
  licences: z.object({ idc: text(60).optional(), isp: text(60).optional() }).default({}),
  /**
   * 开票主体: the entity billing invoices the assistance services under (the butler, ISP licence consulting), which
   * the customer picks when asking billing for the invoice (SPEC §11, SEED-000 Q1).
   */
  invoicingEntity: text(100).optional(),
  /** When the provider also registers domains: its facts as a registrar (matched by name or alias). */
  registrar: z.object({ name: text(100), aliases: z.array(text(100)).default([]), region: text(100), phone: text(40) }).optional(),
  regions: z.array(regionSchema).min(1),
});

export type ProviderFacts = z.infer<typeof providerFactsSchema> & { isDemo: boolean };
export type ProviderRegion = ProviderFacts['regions'][number];

const loaded = new WeakMap<Config, ProviderFacts | null>();

/** Reads and checks the facts once per configuration; a bad file stops the boot with the setting's name. */
export function loadProviderFacts(config: Config): ProviderFacts | null {
  if (loaded.has(config)) return loaded.get(config) ?? null;
  let facts: ProviderFacts | null;
  if (config.providerFactsFile) facts = { ...parseFactsFile(config.providerFactsFile), isDemo: false };
  else if (config.mode !== 'production') facts = { ...providerFactsSchema.parse(DEMO_PROVIDER_FACTS), isDemo: true };
  else facts = null;
  loaded.set(config, facts);
  return facts;
}

function parseFactsFile(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`OPENBEIAN_PROVIDER_FACTS: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const parsed = providerFactsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`OPENBEIAN_PROVIDER_FACTS: ${path} is not a valid provider facts file: ${problems}`);
  }
  return parsed.data;
}

/** The facts, or a clear refusal when production runs without them. */
export function requireProviderFacts(config: Config): ProviderFacts {
  const facts = loadProviderFacts(config);
  if (!facts) throw new AppError('AFTERCARE_NOT_CONFIGURED', { setting: 'OPENBEIAN_PROVIDER_FACTS' });
  return facts;
}

export const regionOf = (facts: ProviderFacts, id: string): ProviderRegion | undefined => facts.regions.find((r) => r.id === id);
