import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

type Scope = 'enforcement:read';
const SCOPES: Scope[] = ['enforcement:read'];
type TokenStatus = 'active' | 'expired' | 'revoked';
type TokenView = {
  id: string;
  name: string;
  scopes: Scope[];
  hint: string;
  status: TokenStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
type Values = { name: string; scopes: Scope[]; expiresInDays?: number | null };
const STATUS_COLOURS: Record<TokenStatus, string> = { active: 'green', expired: 'default', revoked: 'red' };

/**
 * Machine tokens (admin): issue one for an edge or a cron job — shown once — and revoke it. The list never holds
 * the tokens themselves, only their first characters.
 */
export function ApiTokensPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ token: string; item: TokenView } | null>(null);
  const list = useCursorPages(
    ({ cursor, limit }) =>
      call('GET /api/v1/admin/api-tokens')<{ items: TokenView[]; nextCursor: string | null }>({
        query: { limit, ...(cursor ? { cursor } : {}) },
      }),
    [],
  );
  const when = (iso: string | null) => (iso ? formatTime(iso, lang) : t('apiTokens.never'));

  const onFinish = (values: Values) => {
    setBusy(true);
    setError(null);
    setIssued(null);
    const body = { name: values.name, scopes: values.scopes, expiresInDays: values.expiresInDays ?? null };
    call('POST /api/v1/admin/api-tokens')<{ token: string; item: TokenView }>({ body })
      .then((answer) => {
        setIssued(answer);
        form.resetFields(['name', 'expiresInDays']);
        return list.reload();
      })
      .catch((e: ApiError) => setError(e))
      .finally(() => setBusy(false));
  };

  const revoke = (token: TokenView) =>
    call('POST /api/v1/admin/api-tokens/{id}/revoke')<TokenView>({ params: { id: token.id }, body: {} })
      .then(() => {
        void message.success(t('apiTokens.revoked', { name: token.name }));
        if (issued?.item.id === token.id) setIssued(null);
        return list.reload();
      })
      .catch((e: ApiError) => void message.error(pick(e.bilingual)));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('apiTokens.issue')}>
        <Typography.Paragraph>{t('apiTokens.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark initialValues={{ scopes: SCOPES }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('apiTokens.name')}
                name="name"
                extra={t('apiTokens.nameHint')}
                rules={[{ required: true, whitespace: true, message: t('apiTokens.nameRequired') }]}
              >
                <Input maxLength={80} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('apiTokens.expiresInDays')} name="expiresInDays" extra={t('apiTokens.expiresHint')}>
                <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label={t('apiTokens.scopes')}
                name="scopes"
                // A validator, not `required`: antd would put aria-required on the group's <div>, which ARIA does not allow.
                rules={[
                  {
                    validator: (_, value?: Scope[]) =>
                      value?.length ? Promise.resolve() : Promise.reject(new Error(t('apiTokens.scopesRequired'))),
                  },
                ]}
              >
                <Checkbox.Group
                  role="group"
                  aria-label={t('apiTokens.scopes')}
                  options={SCOPES.map((scope) => ({
                    value: scope,
                    label: t(`apiTokens.scope.${scope}` as MessageKey),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {error && (
            <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} style={{ marginBottom: 16 }} />
          )}
          {issued && (
            <Alert
              type="success"
              showIcon
              role="status"
              style={{ marginBottom: 16 }}
              title={t('apiTokens.issuedTitle', { name: issued.item.name })}
              description={
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="issued-token">
                    {issued.token}
                  </Typography.Text>
                  <Typography.Text>{t('apiTokens.issuedOnce')}</Typography.Text>
                </Space>
              }
            />
          )}
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('apiTokens.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('apiTokens.list')}>
        {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual)} />}
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.items}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { title: t('apiTokens.name'), dataIndex: 'name' },
            {
              title: t('apiTokens.hint'),
              key: 'hint',
              render: (_: unknown, r: TokenView) => <Typography.Text code>{`${r.hint}…`}</Typography.Text>,
            },
            { title: t('apiTokens.scopes'), key: 'scopes', render: (_: unknown, r: TokenView) => r.scopes.join(', ') },
            {
              title: t('apiTokens.status'),
              key: 'status',
              render: (_: unknown, r: TokenView) => (
                <Tag color={STATUS_COLOURS[r.status]}>{t(`apiTokens.status.${r.status}`)}</Tag>
              ),
            },
            {
              title: t('apiTokens.createdAt'),
              key: 'createdAt',
              render: (_: unknown, r: TokenView) => when(r.createdAt),
            },
            {
              title: t('apiTokens.lastUsedAt'),
              key: 'lastUsedAt',
              render: (_: unknown, r: TokenView) => when(r.lastUsedAt),
            },
            {
              title: t('apiTokens.expiresAt'),
              key: 'expiresAt',
              render: (_: unknown, r: TokenView) => when(r.expiresAt),
            },
            {
              title: t('orders.actions'),
              key: 'actions',
              render: (_: unknown, r: TokenView) =>
                r.status === 'revoked' ? null : (
                  <Popconfirm
                    title={t('apiTokens.revokeConfirm', { name: r.name })}
                    okText={t('apiTokens.revoke')}
                    cancelText={t('apiTokens.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(r)}
                  >
                    <Button danger size="small">
                      {t('apiTokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        {list.hasMore && (
          <Button style={{ marginTop: 12 }} onClick={() => void list.loadMore()} loading={list.isLoading}>
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
    </Space>
  );
}
