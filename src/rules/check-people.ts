// Responsible persons: their IDs (validity, age, accepted document), their contacts, and who may lead what in
// the filing province (legal representative, authorisation letters, shared leaders).

import { addMonths } from './calendar.ts';
import type { Bilingual, DeepPartial, Finding, Person } from './draft.ts';
import { ageOn, isEmail, isLandline, normaliseMobile, phoneDigits, validateIdNumber } from './identity.ts';
import type { IdCheck, IdProblem } from './identity.ts';
import { makeFinding } from './findings.ts';
import { idKeyOf, leaderOf, need, provinceLabel, sameName, samePerson, serviceLabel } from './context.ts';
import type { Ctx, PersonFacts } from './context.ts';
import { DIVISION_CODES_SOURCE } from './data/division-codes.ts';
import { PROVINCES } from './data/provinces.ts';
import type { ProvinceCode } from './data/provinces.ts';

/** What is wrong with an identity number, in the words of the document (never those of the credit code). */
export const ID_PROBLEM_TEXT: Readonly<Record<Exclude<IdProblem, 'hmt_permit'>, Bilingual>> = {
  format: { zh: '位数或字符不对', en: 'wrong length or characters' },
  region: {
    zh: '前六位不是存在过的县级行政区划代码',
    en: 'the first six digits are no county-level administrative division code that ever existed',
  },
  birth_date: { zh: '出生日期不可能', en: 'impossible birth date' },
  checksum: { zh: '校验位不符', en: 'check digit does not match' },
};

/**
 * The findings of an identity number on its own: invalid (with its problem), a residence-permit number filed as a
 * resident ID (pick that type), or a region code abolished since (a warning — numbers do not change).
 */
export function idNumberFindings(check: IdCheck, path: { idType: string; idNumber: string }, who: Bilingual): Finding[] {
  if (check.ok) {
    return check.regionAbolished ? [makeFinding('ID_REGION_ABOLISHED', path.idNumber, { who }, { source: DIVISION_CODES_SOURCE })] : [];
  }
  if (check.problem === 'hmt_permit') return [makeFinding('ID_TYPE_IS_HMT_PERMIT', path.idType, { who })];
  const source = check.problem === 'region' ? { source: `GB 11643-1999 §5.1; ${DIVISION_CODES_SOURCE}` } : {};
  return [makeFinding(check.soft ? 'ID_NUMBER_UNVERIFIED' : 'ID_NUMBER_INVALID', path.idNumber, { who, problem: ID_PROBLEM_TEXT[check.problem] }, source)];
}

const ID_TYPE_TEXT: Record<string, Bilingual> = {
  passport: { zh: '护照', en: 'passport' },
  foreign_permanent_residence: { zh: '外国人永久居留身份证', en: 'foreign permanent residence card' },
};

export function buildPersonFacts(ctx: Ctx, person: DeepPartial<Person>, path: string, label: Bilingual): PersonFacts {
  const facts: PersonFacts = { path, person, label, idKey: idKeyOf(person.idNumber) };
  if (person.idType !== undefined && person.idNumber !== undefined) {
    facts.id = validateIdNumber(person.idType, person.idNumber, ctx.today);
    if (facts.id.ok) {
      facts.idKey = facts.id.normalised;
      if (facts.id.birthDate && ctx.today) facts.age = ageOn(facts.id.birthDate, ctx.today);
    }
  }
  if (person.mobile !== undefined) facts.mobile = normaliseMobile(person.mobile) ?? undefined;
  const legalRep = ctx.view.subject?.legalRepresentative;
  if (ctx.isOrg && legalRep !== undefined) facts.isLegalRep = sameName(person.name, legalRep);
  return facts;
}

/** Checks that concern one person on their own. */
export function checkPerson(ctx: Ctx, f: PersonFacts, role: 'subject' | 'service'): void {
  const p = f.person;
  const who = f.label;
  if (f.id) ctx.findings.push(...idNumberFindings(f.id, { idType: `${f.path}.idType`, idNumber: `${f.path}.idNumber` }, who));
  if (ctx.today && p.idValidUntil !== undefined) {
    const minDate = addMonths(ctx.today, 3);
    if (p.idValidUntil < minDate) {
      ctx.findings.push(makeFinding('ID_EXPIRES_TOO_SOON', `${f.path}.idValidUntil`, { who, validUntil: p.idValidUntil, minDate }));
    }
  }
  const rules = ctx.rules;
  if (rules) {
    if (f.age !== undefined) {
      const min = role === 'subject' ? rules.minAge.value.subjectLeader : rules.minAge.value.serviceLeader;
      if (f.age < min) {
        ctx.findings.push(
          makeFinding('LEADER_TOO_YOUNG', `${f.path}.idNumber`, { who, age: f.age, minAge: min, province: provinceLabel(ctx) }, { rule: rules.minAge }),
        );
      } else if (rules.employmentProofUnderAge.value !== null && f.age < rules.employmentProofUnderAge.value) {
        need(ctx, {
          kind: 'employment_proof',
          appliesTo: f.path,
          reason: {
            zh: `${who.zh}未满${rules.employmentProofUnderAge.value}周岁，需提供工作或收入证明`,
            en: `${who.en} is under ${rules.employmentProofUnderAge.value} and needs proof of employment or income`,
          },
          rule: rules.employmentProofUnderAge,
        });
      }
    }
    const foreign = p.idType === 'foreign_permanent_residence' || (p.idType === 'passport' && !(f.id?.ok && 'chinese' in f.id && f.id.chinese));
    if (!rules.foreignersMayFile.value && foreign) {
      ctx.findings.push(
        makeFinding(
          'FOREIGNER_NOT_ACCEPTED',
          `${f.path}.idType`,
          { who, idType: ID_TYPE_TEXT[p.idType ?? ''] ?? { zh: '该证件', en: 'this document' }, province: provinceLabel(ctx) },
          { rule: rules.foreignersMayFile },
        ),
      );
    }
    const others = ctx.known.leaderIdsInOtherSubjects;
    if (f.idKey && others?.some((id) => idKeyOf(id) === f.idKey)) {
      const rule = rules.sharedLeaderAcrossSubjects;
      if (rule.value === 'forbidden') {
        ctx.findings.push(makeFinding('LEADER_SHARED_FORBIDDEN', `${f.path}.idNumber`, { province: provinceLabel(ctx) }, { rule }));
      } else if (rule.value === 'employment_proof') {
        need(ctx, {
          kind: 'employment_proof',
          appliesTo: f.path,
          reason: {
            zh: `${who.zh}的证件号码已出现在其他主体的备案中，需提供加盖单位公章的工作证明`,
            en: `the ID of ${who.en} already appears in other subjects’ filings; a stamped employment proof is needed`,
          },
          rule,
        });
      }
    }
  }
  if (p.mobile !== undefined && f.mobile === undefined) ctx.findings.push(makeFinding('MOBILE_INVALID', `${f.path}.mobile`, { who }));
  if (p.email !== undefined && !isEmail(p.email)) ctx.findings.push(makeFinding('EMAIL_INVALID', `${f.path}.email`, { who }));
  if (p.emergencyPhone !== undefined) {
    if (normaliseMobile(p.emergencyPhone) === null && !isLandline(p.emergencyPhone)) {
      ctx.findings.push(makeFinding('PHONE_INVALID', `${f.path}.emergencyPhone`, { who }));
    } else if (f.mobile !== undefined && phoneDigits(p.emergencyPhone) === f.mobile) {
      ctx.findings.push(makeFinding('EMERGENCY_PHONE_SAME_AS_MOBILE', `${f.path}.emergencyPhone`, { who }));
    }
  }
}

/** A person filing outside the province of their resident ID needs a local residence permit, where accepted. */
export function checkCrossProvincePerson(ctx: Ctx): void {
  const f = ctx.subjectLeader;
  const rules = ctx.rules;
  if (ctx.isOrg || !f || !rules || !ctx.province || !f.id?.ok || !f.id.provinceCode) return;
  if (f.id.provinceCode === ctx.province.code) return;
  const idProvince = PROVINCES[f.id.provinceCode as ProvinceCode];
  const rule = rules.crossProvincePersons;
  if (rule.value === 'no') {
    ctx.findings.push(
      makeFinding(
        'CROSS_PROVINCE_PERSON',
        'subject.leader.idNumber',
        { province: provinceLabel(ctx), idProvince: { zh: idProvince.name, en: idProvince.nameEn } },
        { rule },
      ),
    );
    return;
  }
  const proof = rule.value === 'residence_or_study_work' ? { zh: '居住证或在本省学习、工作的证明', en: 'a residence permit or proof of study or work in the province' } : { zh: '本省居住证', en: 'a residence permit of the province' };
  need(ctx, {
    kind: 'residence_permit',
    appliesTo: 'subject.leader',
    reason: {
      zh: `身份证属${idProvince.name}，在${ctx.province.name}备案需提供${proof.zh}`,
      en: `the ID is from ${idProvince.nameEn}; filing in ${ctx.province.nameEn} needs ${proof.en}`,
    },
    rule,
  });
}

/** Who may lead the subject and the services, and the letters that follow from it (organisations only). */
export function checkLeadership(ctx: Ctx): void {
  const rules = ctx.rules;
  const s = ctx.subjectLeader;
  const legalRep = ctx.view.subject?.legalRepresentative;
  if (!ctx.isOrg || !rules || !s) return;
  if (legalRep === undefined) {
    ctx.findings.push(makeFinding('LEGAL_REP_MISSING', 'subject.legalRepresentative'));
    return;
  }
  const province = provinceLabel(ctx);
  const subjectName = ctx.view.subject?.name ?? '';
  const nameWord = rules.legalRepRequiredWhenNameContains.value.find((w) => subjectName.includes(w));
  if (s.isLegalRep === false) {
    if (rules.subjectLeader.value === 'legal_rep' || nameWord !== undefined) {
      const rule = nameWord !== undefined ? rules.legalRepRequiredWhenNameContains : rules.subjectLeader;
      ctx.findings.push(makeFinding('LEADER_NOT_LEGAL_REP', 'subject.leader.name', { province, legalRep }, { rule }));
    } else {
      need(ctx, {
        kind: 'subject_leader_authorization',
        appliesTo: 'subject.leader',
        reason: {
          zh: `主体负责人${s.person.name ?? ''}不是法定代表人${legalRep}，需法定代表人签署的授权书`,
          en: `the subject leader ${s.person.name ?? ''} is not the legal representative ${legalRep}; a letter signed by the legal representative is needed`,
        },
        rule: rules.subjectLeader,
      });
    }
  }
  const services = ctx.view.services ?? [];
  const shanghaiGroups = new Map<string, string[]>();
  services.forEach((_, i) => {
    const raw = ctx.serviceLeaders[i];
    const leader = leaderOf(ctx, i);
    if (raw === undefined || !leader) return;
    const path = `services[${i}].leader`;
    const isSubjectLeader = raw === 'subject_leader' || samePerson(leader, s);
    if (s.isLegalRep === false && rules.authorisedSubjectLeaderLeadsServices.value && !isSubjectLeader) {
      ctx.findings.push(makeFinding('SERVICE_LEADER_MUST_BE_SUBJECT_LEADER', path, { province }, { rule: rules.authorisedSubjectLeaderLeadsServices }));
    }
    const rule = rules.serviceLeader;
    if (rule.value === 'not_subject_leader' && isSubjectLeader) {
      ctx.findings.push(makeFinding('SERVICE_LEADER_MUST_DIFFER', path, { province }, { rule }));
    }
    if (leader.isLegalRep !== false) return;
    if (rule.value === 'legal_rep') {
      ctx.findings.push(makeFinding('SERVICE_LEADER_NOT_LEGAL_REP', `${path}.name`, { province }, { rule }));
    } else if (rule.value === 'legal_rep_or_authorised' || rule.value === 'not_subject_leader') {
      // Shanghai accepts one letter naming every site of the same leader (seed 003 §2).
      const group = ctx.province?.code === '310000' ? shanghaiGroups.get(leader.idKey ?? leader.person.name ?? path) : undefined;
      if (group) {
        group.push(`services[${i}]`);
        return;
      }
      const covers: string[] = [];
      if (ctx.province?.code === '310000') shanghaiGroups.set(leader.idKey ?? leader.person.name ?? path, covers);
      need(ctx, {
        kind: 'service_leader_authorization',
        appliesTo: `services[${i}]`,
        alsoCovers: covers,
        reason: {
          zh: `${serviceLabel(ctx, i).zh}的负责人不是法定代表人，需法定代表人签署的负责人授权书`,
          en: `the leader of ${serviceLabel(ctx, i).en} is not the legal representative; a letter signed by the legal representative is needed`,
        },
        rule,
      });
    }
  });
}

/** Different leaders keep different contacts; Fujian also forbids swapping numbers between them. */
export function checkContacts(ctx: Ctx): void {
  const s = ctx.subjectLeader;
  if (!s) return;
  const swapRule = ctx.rules?.noSwappedContacts;
  (ctx.view.services ?? []).forEach((_, i) => {
    const raw = ctx.serviceLeaders[i];
    if (raw === undefined || raw === 'subject_leader' || samePerson(raw, s)) return;
    const service = serviceLabel(ctx, i);
    if (raw.mobile !== undefined && raw.mobile === s.mobile) {
      ctx.findings.push(makeFinding('CONTACTS_SHARED', `${raw.path}.mobile`, { service, channel: { zh: '手机号码', en: 'mobile number' } }));
    }
    const ea = raw.person.email?.toLowerCase();
    if (ea !== undefined && ea === s.person.email?.toLowerCase()) {
      ctx.findings.push(makeFinding('CONTACTS_SHARED', `${raw.path}.email`, { service, channel: { zh: '电子邮箱', en: 'e-mail address' } }));
    }
    if (swapRule?.value) {
      const sEmergency = s.person.emergencyPhone ? phoneDigits(s.person.emergencyPhone) : null;
      const rEmergency = raw.person.emergencyPhone ? phoneDigits(raw.person.emergencyPhone) : null;
      if ((sEmergency && sEmergency === raw.mobile) || (rEmergency && rEmergency === s.mobile)) {
        ctx.findings.push(makeFinding('CONTACTS_SWAPPED', `${raw.path}.emergencyPhone`, { province: provinceLabel(ctx) }, { rule: swapRule }));
      }
    }
  });
  if (ctx.rules?.localMobile.value && s.mobile !== undefined) {
    ctx.findings.push(makeFinding('MOBILE_LOCAL_REQUIRED', 'subject.leader.mobile', { province: provinceLabel(ctx) }, { rule: ctx.rules.localMobile }));
  }
}

