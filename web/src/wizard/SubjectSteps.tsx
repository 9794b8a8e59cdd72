import { Col, Row } from 'antd';
import { PROVINCE_LIST } from '../../../src/rules/data/provinces.ts';
import { CERTIFICATE_NAMES, ID_TYPE_NAMES, NATURE_NAMES, type Bilingual } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { Field, type FieldContext } from './Field.tsx';

const ORGANISATION_CERTIFICATES = [
  'business_license',
  'public_institution_license',
  'social_organization_certificate',
  'law_firm_license',
  'government_code',
  'other_org',
];

export function useOptions() {
  const { pick } = useI18n();
  return (names: Record<string, Bilingual>, only?: string[]) =>
    Object.entries(names)
      .filter(([value]) => !only || only.includes(value))
      .map(([value, label]) => ({ value, label: pick(label) }));
}

/** Step 1: the filing province and the subject (主办者): who files, with which certificate. */
export function SubjectStep({ ctx }: { ctx: FieldContext }) {
  const { t, lang } = useI18n();
  const options = useOptions();
  const subject = (ctx.draft.subject ?? {}) as { nature?: string };
  const isPerson = subject.nature === 'individual';
  const certificates = isPerson ? Object.keys(ID_TYPE_NAMES) : ORGANISATION_CERTIFICATES;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="province"
          isRequired
          label={t('field.province')}
          options={PROVINCE_LIST.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))}
          hint={t('hint.province')}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.nature"
          isRequired
          label={t('field.subject.nature')}
          options={options(NATURE_NAMES)}
          also={['subject']}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.name"
          isRequired
          label={isPerson ? t('field.subject.personName') : t('field.subject.name')}
          hint={isPerson ? undefined : t('hint.subjectName')}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.certificate.type"
          isRequired
          label={t('field.subject.certificate.type')}
          also={['subject.certificate']}
          options={options({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }, certificates)}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.certificate.number"
          isRequired
          label={t('field.subject.certificate.number')}
          hint={isPerson ? t('hint.idNumber') : t('hint.creditCode')}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.certificate.validUntil"
          type="date"
          label={t('field.subject.certificate.validUntil')}
          hint={t('hint.longTerm')}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.certificate.address"
          isRequired
          label={t('field.subject.certificate.address')}
          hint={t('hint.certificateAddress')}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path="subject.mailingAddress"
          isRequired
          label={t('field.subject.mailingAddress')}
          hint={t('hint.mailingAddress')}
        />
      </Col>
      {!isPerson && (
        <Col xs={24} md={12}>
          <Field ctx={ctx} path="subject.legalRepresentative" label={t('field.subject.legalRepresentative')} />
        </Col>
      )}
    </Row>
  );
}

/** A responsible person: the subject leader (step 2) or a site's own leader (step 3). */
export function PersonFields({ ctx, base }: { ctx: FieldContext; base: string }) {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path={`${base}.name`}
          isRequired
          label={t('field.person.name')}
          also={[base]}
          autoComplete="off"
        />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path={`${base}.idType`}
          isRequired
          label={t('field.person.idType')}
          options={options(ID_TYPE_NAMES)}
        />
      </Col>
      <Col xs={24} md={12}>
        <Field ctx={ctx} path={`${base}.idNumber`} isRequired label={t('field.person.idNumber')} autoComplete="off" />
      </Col>
      <Col xs={24} md={12}>
        <Field
          ctx={ctx}
          path={`${base}.idValidUntil`}
          type="date"
          label={t('field.person.idValidUntil')}
          hint={t('hint.idValidity')}
        />
      </Col>
      <Col xs={24} md={8}>
        <Field
          ctx={ctx}
          path={`${base}.mobile`}
          type="tel"
          isRequired
          label={t('field.person.mobile')}
          hint={t('hint.mobile')}
          autoComplete="off"
        />
      </Col>
      <Col xs={24} md={8}>
        <Field
          ctx={ctx}
          path={`${base}.emergencyPhone`}
          type="tel"
          isRequired
          label={t('field.person.emergencyPhone')}
          hint={t('hint.emergencyPhone')}
          autoComplete="off"
        />
      </Col>
      <Col xs={24} md={8}>
        <Field
          ctx={ctx}
          path={`${base}.email`}
          type="email"
          isRequired
          label={t('field.person.email')}
          autoComplete="off"
        />
      </Col>
    </Row>
  );
}
