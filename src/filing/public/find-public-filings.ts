import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { toUnicodeDomain, type SubjectNature } from '../../rules/index.ts';
import { parsePublicQuery, type PublicCriterion, type PublicQueryInput } from './public-criterion.ts';

/** One row as the national query (beian.miit.gov.cn) shows it (DESIGN §5.4). */
export type PublicFiling = {
  domain: string | null;
  unitName: string;
  natureName: string;
  mainLicence: string;
  serviceLicence: string;
  serviceName: string;
  /** Left out for individuals: a person's own name is not published twice. */
  leaderName?: string;
  homeUrl: string | null;
  limitAccess: '是' | '否';
  contentTypeName: string;
  updateRecordTime: string;
};

const NATURE_NAMES: Record<SubjectNature, string> = {
  enterprise: '企业',
  individual: '个人',
  government: '政府机关',
  public_institution: '事业单位',
  social_organization: '社会团体',
  private_non_enterprise: '民办非企业单位',
  foundation: '基金会',
  law_firm: '律师事务所',
  other: '其他',
};

/** More services than any one subject has; the unit search of a common name stays bounded too. */
const MAX_ITEMS = 100;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991). */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function natureName(nature: string): string {
  return NATURE_NAMES[nature as SubjectNature] ?? NATURE_NAMES.other;
}

/**
 * The public filing query: by domain (any sub-domain finds its registrable domain), by subject or service number,
 * or by an organisation's full name or the start of it (at least UNIT_PREFIX_MIN characters). Only active subjects;
 * cancelled services are not listed, revoked ones are, with limitAccess '是'. Individuals cannot be found by name.
 */
export async function findPublicFilings(ctx: AppContext, input: PublicQueryInput): Promise<{ items: PublicFiling[]; total: number }> {
  const criterion = parsePublicQuery(input);
  if (criterion.by === 'licence') return { items: [], total: 0 };
  const matching = visibleServices(ctx, criterion);
  const rows = await matching
    .select(['s.number', 's.name', 's.domain', 's.domains', 's.home_url', 's.content_types', 's.leader_name', 's.access_state', 's.updated_at'])
    .select(['j.number as subject_number', 'j.name as unit_name', 'j.nature', 'j.updated_at as subject_updated_at'])
    .orderBy('j.number')
    .orderBy('s.seq')
    .orderBy('s.number')
    .limit(MAX_ITEMS)
    .execute();
  const total = rows.length < MAX_ITEMS ? rows.length : Number((await matching.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const searched = criterion.by === 'domain' ? criterion.domain : null;
  const items = rows.map((row): PublicFiling => {
    const isPerson = row.nature === 'individual';
    // A legacy service may list several domains: show the one asked for.
    const domain = searched && row.domains.includes(searched) ? searched : row.domain;
    const updatedAt = row.updated_at > row.subject_updated_at ? row.updated_at : row.subject_updated_at;
    return {
      domain: domain ? toUnicodeDomain(domain) : null,
      unitName: row.unit_name,
      natureName: natureName(row.nature),
      mainLicence: row.subject_number,
      serviceLicence: row.number,
      serviceName: row.name,
      ...(isPerson || !row.leader_name ? {} : { leaderName: row.leader_name }),
      homeUrl: row.home_url,
      limitAccess: row.access_state === 'revoked' ? '是' : '否',
      contentTypeName: row.content_types.join('、'),
      updateRecordTime: shanghaiTime(updatedAt),
    };
  });
  return { items, total };
}

/**
 * Service numbers holding a domain, as an InitPlan of its own: PostgreSQL has no statistics for single array
 * elements and guesses that `domains @> ARRAY[$1]` matches 0.5 % of the table; joined and ordered, that guess tempts
 * it into walking a whole primary key (seconds on two million rows). Evaluated first, `= ANY(ARRAY(…))` gives the
 * outer query a short list, and the guess still picks the two indexes (domain btree, domains GIN).
 */
function servicesWithDomain(domain: string) {
  return sql<string>`ANY(ARRAY(SELECT number FROM filed_services WHERE domain = ${domain} OR domains @> ARRAY[${domain}]::text[]))`;
}

function visibleServices(ctx: AppContext, criterion: Exclude<PublicCriterion, { by: 'licence' }>) {
  const query = ctx.db
    .selectFrom('filed_services as s')
    .innerJoin('filed_subjects as j', 'j.number', 's.subject_number')
    .where('j.status', '=', 'active')
    .where('s.access_state', '!=', 'cancelled');
  switch (criterion.by) {
    case 'domain':
      return query.where('s.number', '=', servicesWithDomain(criterion.domain));
    case 'subject':
      return query.where('s.subject_number', '=', criterion.number);
    case 'service':
      return query.where('s.number', '=', criterion.number);
    case 'unit': {
      // The full name, or (from UNIT_PREFIX_MIN characters) the start of it; never a person's name.
      const unit = query.where('j.nature', '!=', 'individual');
      if (!criterion.isPrefix) return unit.where('j.name', 'in', criterion.names);
      return unit.where((eb) => eb.or(criterion.names.map((name) => eb('j.name', 'like', `${name.replace(/[\\%_]/g, '\\$&')}%`))));
    }
  }
}
