import { Card, Space, Typography } from 'antd';
import { DOCUMENT_NAMES, type DocumentKind } from '../../../src/rules/documents.ts';
import { urlOf } from '../api/client.ts';
import type { FiledSubject } from '../api/types.ts';
import { useI18n } from '../lang.tsx';
import { DocumentButton } from './DocumentButton.tsx';

const KINDS: DocumentKind[] = ['subject_leader_authorization', 'service_leader_authorization', 'server_region_proof', 'site_verification_notice'];

/** Letters and provider proofs filled in from what is on record, per website: for changes, the police and the licence. */
export function FiledDocumentsCard({ filed }: { filed: FiledSubject }) {
  const { t } = useI18n();
  const websites = filed.services.filter((s) => s.kind === 'website' && s.accessState !== 'cancelled');
  if (websites.length === 0) return null;
  return (
    <Card title={t('aftercare.documents')}>
      <Typography.Paragraph type="secondary">{t('aftercare.filedDocumentsHelp')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {websites.map((s) => (
          <div key={s.number}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {s.number} {s.domain ?? s.name}
            </Typography.Text>
            <Space wrap>
              {KINDS.map((kind) => (
                <DocumentButton
                  key={kind}
                  size="small"
                  href={urlOf('GET /api/v1/documents/{kind}', { kind }, { filing: filed.number, service: s.number })}
                  name={DOCUMENT_NAMES[kind]}
                />
              ))}
            </Space>
          </div>
        ))}
      </Space>
    </Card>
  );
}
