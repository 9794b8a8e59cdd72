import { Card, Col, Descriptions, Empty, Image, Row, Space, Tag, Typography } from 'antd';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import type { MaterialKind } from '../../../src/rules/draft.ts';
import { urlOf } from '../api/client.ts';
import type { OrderView } from '../api/types.ts';
import { PLACEHOLDER_IMAGE } from '../components/placeholder.ts';
import { CERTIFICATE_NAMES, ID_TYPE_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { describeTarget } from '../wizard/fields.ts';
import { getAt } from '../wizard/paths.ts';

type Row = { label: string; value: string };
type Person = { name?: string; idType?: string; idNumber?: string; idValidUntil?: string };

/**
 * Each material beside the data it must match, so the reviewer compares the licence with the subject's name and
 * number, an ID card with the person's, a domain certificate with the domain and holder. The preview zooms and rotates.
 */
export function MaterialEvidence({ order }: { order: OrderView }) {
  const { t, pick, lang } = useI18n();
  const draft = order.draft;
  const documentName = (type: unknown) =>
    typeof type === 'string' ? pick({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }[type]) || type : '—';
  const text = (value: unknown) => (typeof value === 'string' && value ? value : '—');

  function person(path: string): Row[] {
    const p = (getAt(draft, path) ?? {}) as Person;
    return [
      { label: t('field.person.name'), value: text(p.name) },
      { label: t('field.person.idType'), value: documentName(p.idType) },
      { label: t('field.person.idNumber'), value: text(p.idNumber) },
      { label: t('field.person.idValidUntil'), value: p.idValidUntil ?? t('review.longTerm') },
    ];
  }

  function expected(kind: string, appliesTo: string | null): Row[] {
    const subject = [
      { label: t('field.subject.name'), value: text(getAt(draft, 'subject.name')) },
      { label: t('field.subject.certificate.type'), value: documentName(getAt(draft, 'subject.certificate.type')) },
      { label: t('field.subject.certificate.number'), value: text(getAt(draft, 'subject.certificate.number')) },
    ];
    const service = /^services\[\d+\]/.exec(appliesTo ?? '')?.[0] ?? 'services[0]';
    switch (kind) {
      case 'subject_certificate':
      case 'handheld_org_certificate_photo':
        return [
          ...subject,
          { label: t('field.subject.certificate.address'), value: text(getAt(draft, 'subject.certificate.address')) },
          {
            label: t('field.subject.certificate.validUntil'),
            value:
              text(getAt(draft, 'subject.certificate.validUntil')) === '—'
                ? t('review.longTerm')
                : text(getAt(draft, 'subject.certificate.validUntil')),
          },
          { label: t('field.subject.legalRepresentative'), value: text(getAt(draft, 'subject.legalRepresentative')) },
        ];
      case 'subject_leader_id':
      case 'handheld_id_photo':
      case 'residence_permit':
      case 'employment_proof':
        return person(appliesTo && appliesTo !== 'subject' ? appliesTo : 'subject.leader');
      case 'service_leader_id':
        return person(appliesTo ?? 'subject.leader');
      case 'subject_leader_authorization':
        return [
          ...person('subject.leader').slice(0, 1),
          { label: t('field.subject.legalRepresentative'), value: text(getAt(draft, 'subject.legalRepresentative')) },
          subject[0]!,
        ];
      case 'service_leader_authorization': {
        const leader = getAt(draft, `${service}.leader`);
        return [
          ...person(typeof leader === 'object' ? `${service}.leader` : 'subject.leader').slice(0, 1),
          { label: t('field.domain.name'), value: text(getAt(draft, `${service}.domains[0].name`)) },
          subject[0]!,
        ];
      }
      case 'domain_certificate':
      case 'domain_registrant_proof':
        return [
          { label: t('field.domain.name'), value: text(getAt(draft, `${service}.domains[0].name`)) },
          { label: t('field.domain.holder'), value: text(getAt(draft, `${service}.domains[0].holder`)) },
          subject[0]!,
        ];
      default:
        return subject;
    }
  }

  if (order.materials.length === 0)
    return (
      <Card title={t('review.materials')}>
        <Empty description={t('review.noMaterials')} />
      </Card>
    );
  return (
    <Card
      title={t('review.materials')}
      extra={<Typography.Text type="secondary">{t('review.previewHint')}</Typography.Text>}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {order.materials.map((m) => {
          const name = pick(MATERIAL_NAMES[m.kind as MaterialKind]) || m.kind;
          return (
            <Row key={m.id} gutter={[16, 12]} data-testid={`evidence-${m.kind}`}>
              <Col xs={24} md={12}>
                <Image
                  src={urlOf('GET /api/v1/orders/{id}/materials/{materialId}/file', { id: order.id, materialId: m.id })}
                  alt={name}
                  fallback={PLACEHOLDER_IMAGE}
                  style={{
                    width: '100%',
                    maxHeight: 420,
                    objectFit: 'contain',
                    background: '#fafafa',
                    border: '1px solid #f0f0f0',
                  }}
                />
              </Col>
              <Col xs={24} md={12}>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{name}</Typography.Text>
                  {m.appliesTo && <Tag>{describeTarget(m.appliesTo, lang)}</Tag>}
                  {m.issuedOn && (
                    <Tag>
                      {t('materials.issuedOn')} {m.issuedOn}
                    </Tag>
                  )}
                </Space>
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  items={expected(m.kind, m.appliesTo).map((row, i) => ({
                    key: i,
                    label: row.label,
                    children: row.value,
                  }))}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
                  {m.file.format.toUpperCase()} · {Math.round(m.file.bytes / 1024)} KB
                  {m.file.width ? ` · ${m.file.width}×${m.file.height}` : ''}
                  {m.file.colour ? ` · ${m.file.colour === 'colour' ? t('review.colour') : t('review.grayscale')}` : ''}
                </Typography.Text>
                {m.findings.map((f) => (
                  <Typography.Text
                    key={f.code + f.path}
                    type={f.severity === 'error' ? 'danger' : 'warning'}
                    style={{ display: 'block' }}
                  >
                    {pick(f.message)}
                  </Typography.Text>
                ))}
              </Col>
            </Row>
          );
        })}
      </Space>
    </Card>
  );
}
