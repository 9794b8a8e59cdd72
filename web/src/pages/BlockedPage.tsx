import { Button, Card, Col, Result, Row, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../lang.tsx';

/** What a visitor of an unfiled domain sees (SPEC §2, §8): why it is blocked, and what the owner can do. */
export function BlockedPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const host = (params.get('host') ?? '').slice(0, 253);
  return (
    <Card>
      <Result
        status="warning"
        title={host ? t('blocked.title', { host }) : t('blocked.titleAny')}
        subTitle={t('blocked.why')}
        extra={[
          <Link to="/orders/new" key="file">
            <Button type="primary">{t('blocked.file')}</Button>
          </Link>,
          <Link to={`/query?q=${encodeURIComponent(host)}`} key="query">
            <Button>{t('blocked.query')}</Button>
          </Link>,
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Typography.Title level={5}>{t('blocked.unfiled')}</Typography.Title>
          <Typography.Paragraph>{t('blocked.unfiledHelp')}</Typography.Paragraph>
        </Col>
        <Col xs={24} md={8}>
          <Typography.Title level={5}>{t('blocked.elsewhere')}</Typography.Title>
          <Typography.Paragraph>{t('blocked.elsewhereHelp')}</Typography.Paragraph>
        </Col>
        <Col xs={24} md={8}>
          <Typography.Title level={5}>{t('blocked.visitor')}</Typography.Title>
          <Typography.Paragraph>{t('blocked.visitorHelp')}</Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  );
}
