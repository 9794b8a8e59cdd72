import { CustomerServiceOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { ApiRoutes } from '../api/generated.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { responseWords, useServerNow } from './clock.ts';
import { ClockCell, showFieldErrors, StatusTag } from './parts.tsx';
import { SERVICES, type ButlerService, type TicketDetail, type TicketList, type TicketView } from './types.ts';

type Values = { service: ButlerService; note: string; contactMobile: string; ispScope?: 'nationwide' | 'provincial'; ispCapitalWan?: number };
type Body = ApiRoutes['POST /api/v1/butler/tickets']['body'];

/**
 * The applicant's side of /butler: open a free request (service, what is needed, the mobile to call) and follow the
 * requests made, each with when the butler will call. `?service=isp_licence&scope=…&capital=…` (from the ISP
 * eligibility page) fills the form in.
 */
export function MyTickets() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useLoad(() => call('GET /api/v1/butler/tickets')<TicketList>({ query: { pageSize: 100 } }), []);
  const now = useServerNow(list.data?.now, 15_000);
  const service = Form.useWatch('service', form);
  const fromIsp = params.get('service') === 'isp_licence';
  const initialCapital = Number(params.get('capital'));

  const onFinish = (values: Values) => {
    setBusy(true);
    setError(null);
    const body: Body = { service: values.service, note: values.note, contactMobile: values.contactMobile };
    if (values.service === 'isp_licence' && values.ispScope && values.ispCapitalWan !== undefined) {
      body.isp = { scope: values.ispScope, registeredCapitalCny: Math.round(values.ispCapitalWan * 10_000) };
    }
    call('POST /api/v1/butler/tickets')<TicketDetail>({ body })
      .then((ticket) => {
        message.success(t('butler.new.done', { number: ticket.number }));
        navigate(`/butler/tickets/${ticket.id}`);
      })
      .catch((e: unknown) => {
        const failure = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
        if (!showFieldErrors(form, failure, pick)) setError(failure);
      })
      .finally(() => setBusy(false));
  };

  /** Where the request stands for the customer: when the call comes, or the status. */
  const progress = (ticket: TicketView) =>
    ticket.status === 'open' && !ticket.isOverdue && Number.isFinite(now) ? (
      <Typography.Text>{responseWords(ticket.firstResponseDueAt, now, lang)}</Typography.Text>
    ) : (
      <ClockCell ticket={ticket} now={now} />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <CustomerServiceOutlined />
            {t('butler.new.title')}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('butler.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark
          initialValues={{
            service: fromIsp ? 'isp_licence' : 'icp_filing',
            ispScope: params.get('scope') === 'nationwide' ? 'nationwide' : 'provincial',
            ispCapitalWan: fromIsp && Number.isFinite(initialCapital) && initialCapital > 0 ? initialCapital / 10_000 : undefined,
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('butler.new.service')} name="service" rules={[{ required: true }]}>
                <Select options={SERVICES.map((s) => ({ value: s, label: t(`butler.service.${s}` as MessageKey) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('butler.new.mobile')}
                name="contactMobile"
                extra={t('butler.new.mobileHelp')}
                rules={[
                  { required: true, message: t('butler.new.mobileRequired') },
                  { pattern: /^\s*(\+?86)?[\s-]*1[3-9](\d[\s-]*){9}$/, message: t('butler.new.mobileInvalid') },
                ]}
              >
                <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
          {service === 'isp_licence' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label={t('butler.new.ispScope')} name="ispScope">
                  <Radio.Group
                    options={[
                      { value: 'nationwide', label: t('butler.isp.scope.nationwide') },
                      { value: 'provincial', label: t('butler.isp.scope.provincial') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('butler.new.ispCapital')} name="ispCapitalWan">
                  <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.Item label={t('butler.new.note')} name="note" rules={[{ required: true, whitespace: true, message: t('butler.new.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('butler.new.notePlaceholder')} />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('butler.new.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('butler.mine.title')}>
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: list.error ? pick(list.error.bilingual) : t('butler.mine.empty') }}
          columns={[
            { title: t('butler.col.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/butler/tickets/${r.id}`}>{n}</Link> },
            { title: t('butler.col.service'), dataIndex: 'service', render: (s: ButlerService) => t(`butler.service.${s}` as MessageKey) },
            { title: t('butler.col.status'), dataIndex: 'status', render: (_: string, r) => <StatusTag status={r.status} /> },
            { title: t('butler.col.next'), key: 'progress', render: (_: unknown, r) => progress(r) },
            { title: t('butler.col.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatTime(v, lang) },
          ]}
        />
      </Card>
    </Space>
  );
}
