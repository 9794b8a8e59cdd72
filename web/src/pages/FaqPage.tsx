import { Card, Collapse, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../lang.tsx';

/** Questions applicants ask, answered from the platform's rules (SPEC §2, §5–§11). */
const QUESTIONS = [
  'commercial',
  'police',
  'footer',
  'sms',
  'duration',
  'materials',
  'domain',
  'connect',
  'account',
  'expiry',
  'invoice',
  'loginName',
] as const;

export function FaqPage() {
  const { t } = useI18n();
  return (
    <Card title={t('nav.faq')}>
      <Collapse
        defaultActiveKey={['commercial']}
        items={QUESTIONS.map((key) => ({
          key,
          label: t(`faq.${key}.q`),
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>
              {t(`faq.${key}.a`)}
            </Typography.Paragraph>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('faq.more')} <Link to="/query">{t('nav.query')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
