import {
  CheckCircleOutlined,
  CloudServerOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Input, List, Row, Space, Steps, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';

const PREPARE: MessageKey[] = [
  'home.prepare.domain',
  'home.prepare.server',
  'home.prepare.materials',
  'home.prepare.people',
];

/** What filing is and who must file (SPEC §2), the steps, and the way in. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card styles={{ body: { background: 'linear-gradient(120deg, #e6f4ff 0%, #ffffff 70%)' } }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 820 }}>{t('home.lead')}</Typography.Paragraph>
        <Space wrap>
          <Button
            type="primary"
            size="large"
            onClick={() => navigate(user ? (user.role === 'applicant' ? '/orders/new' : '/review') : '/register')}
          >
            {user && user.role !== 'applicant' ? t('nav.review') : t('nav.newFiling')}
          </Button>
          {!user && (
            <Link to="/login">
              <Button size="large">{t('auth.login')}</Button>
            </Link>
          )}
          <Link to="/faq">
            <Button size="large" type="link">
              {t('home.readFaq')}
            </Button>
          </Link>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={
              <Space>
                <CloudServerOutlined />
                {t('home.who.title')}
              </Space>
            }
            style={{ height: '100%' }}
          >
            <Typography.Paragraph>{t('home.who.body')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('home.who.blocked')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={
              <Space>
                <ShopOutlined />
                {t('home.commercial.title')}
              </Space>
            }
            style={{ height: '100%' }}
          >
            <Typography.Paragraph>{t('home.commercial.body')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={
              <Space>
                <SafetyCertificateOutlined />
                {t('home.police.title')}
              </Space>
            }
            style={{ height: '100%' }}
          >
            <Typography.Paragraph>{t('home.police.body')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={
              <Space>
                <SearchOutlined />
                {t('home.query.title')}
              </Space>
            }
            style={{ height: '100%' }}
          >
            <Typography.Paragraph type="secondary">{t('home.query.body')}</Typography.Paragraph>
            <Input.Search
              placeholder={t('query.placeholder')}
              enterButton={t('query.search')}
              onSearch={(value) => value.trim() && navigate(`/query?q=${encodeURIComponent(value.trim())}`)}
              aria-label={t('nav.query')}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.steps.title')} style={{ height: '100%' }}>
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={[
                { title: t('home.steps.fill'), content: t('home.steps.fillHelp') },
                { title: t('home.steps.upload'), content: t('home.steps.uploadHelp') },
                { title: t('home.steps.provider'), content: t('home.steps.providerHelp') },
                { title: t('home.steps.sms'), content: t('home.steps.smsHelp') },
                { title: t('home.steps.regulator'), content: t('home.steps.regulatorHelp') },
                { title: t('home.steps.numbers'), content: t('home.steps.numbersHelp') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.prepare.title')} style={{ height: '100%' }}>
            <List
              dataSource={PREPARE}
              renderItem={(key) => (
                <List.Item>
                  <Space align="start">
                    <CheckCircleOutlined style={{ color: '#389e0d', marginTop: 4 }} />
                    <span>{t(key)}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
