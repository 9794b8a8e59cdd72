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
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import type { ApiRoutes } from '../api/generated.ts';
import type { ListPage, ResourceView } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, RESOURCE_KIND_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { DateInput } from '../wizard/Field.tsx';
import { beijingDate, Expiry } from './ResourcesExpiry.tsx';

type Values = {
  email: string;
  kind: string;
  label: string;
  region: string;
  isMainland: boolean;
  billing: 'subscription' | 'pay_as_you_go';
  paidMonths: number;
  hasPublicBandwidth: boolean;
  publicIps: string;
};
type Body = ApiRoutes['POST /api/v1/resources']['body'];
type EditValues = Pick<Values, 'billing' | 'paidMonths' | 'hasPublicBandwidth' | 'publicIps'> & { expiresOn: string };

/** IPs typed in one box, separated by commas, spaces or Chinese punctuation. */
const splitIps = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((ip) => ip.trim())
    .filter(Boolean);

/** Puts each field problem of a refusal under its own input ("body.email" → the e-mail field). */
function fieldErrors<T extends object>(
  e: ApiError,
  names: Set<string>,
  pick: (b: { zh: string; en: string }) => string,
) {
  return (e.details.fields ?? [])
    .map((f) => ({
      name: f.path.replace(/^body\./, '').replace(/\.\d+$|\[\d+\]$/, ''),
      errors: [pick(f.message)],
    }))
    .filter((f) => names.has(f.name)) as { name: keyof T; errors: string[] }[];
}

/**
 * The admin's side of /resources: register a resource a customer bought (when no billing system does it), see at once
 * whether it can issue service codes, and the resources registered so far.
 */
export function ResourcesAdmin() {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<ResourceView | null>(null);
  const [editing, setEditing] = useState<ResourceView | null>(null);
  const list = useLoad(() => call('GET /api/v1/resources')<ListPage<ResourceView>>({ query: { pageSize: 100 } }), []);
  const kindOptions = Object.entries(RESOURCE_KIND_NAMES).map(([value, name]) => ({ value, label: pick(name) }));

  const onFinish = (values: Values) => {
    setBusy(true);
    setError(null);
    setCreated(null);
    const body: Body = {
      ...values,
      kind: values.kind as Body['kind'],
      publicIps: splitIps(values.publicIps),
    };
    call('POST /api/v1/resources')<ResourceView>({ body })
      .then((resource) => {
        setCreated(resource);
        form.resetFields(['label', 'publicIps']);
        return list.reload();
      })
      .catch((e: ApiError) => {
        setError(e);
        form.setFields(fieldErrors<Values>(e, new Set(Object.keys(form.getFieldsValue())), pick));
      })
      .finally(() => setBusy(false));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('resources.admin.register')}>
        <Typography.Paragraph>{t('resources.admin.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark
          initialValues={{
            kind: 'ecs',
            region: 'cn-hangzhou',
            isMainland: true,
            billing: 'subscription',
            paidMonths: 12,
            hasPublicBandwidth: true,
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('resources.admin.email')}
                name="email"
                rules={[
                  { required: true, message: t('auth.emailRequired') },
                  { type: 'email', message: t('auth.emailInvalid') },
                ]}
              >
                <Input type="email" inputMode="email" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('resources.kind')} name="kind" rules={[{ required: true }]}>
                <Select options={kindOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('resources.label')}
                name="label"
                rules={[{ required: true, message: t('resources.admin.required') }]}
              >
                <Input placeholder="web-1" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('resources.region')}
                name="region"
                rules={[{ required: true, message: t('resources.admin.required') }]}
              >
                <Input placeholder="cn-hangzhou" />
              </Form.Item>
            </Col>
            <TermFields wide="md" />
            <Col xs={24} md={12}>
              <Form.Item
                label={t('resources.ips')}
                name="publicIps"
                extra={t('resources.admin.ipsHint')}
                rules={[{ required: true, message: t('resources.admin.required') }]}
              >
                <Input placeholder="47.96.1.10" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="isMainland" valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox>{t('resources.admin.isMainland')}</Checkbox>
              </Form.Item>
              <Form.Item name="hasPublicBandwidth" valuePropName="checked">
                <Checkbox>{t('resources.admin.bandwidth')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          {error && (
            <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} style={{ marginBottom: 16 }} />
          )}
          {created && (
            <Alert
              type={created.eligibility.isEligible ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              title={t(
                created.eligibility.isEligible ? 'resources.admin.createdEligible' : 'resources.admin.createdNot',
                {
                  label: created.label,
                  n: created.eligibility.codes,
                },
              )}
              description={
                created.eligibility.problems.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {created.eligibility.problems.map((p) => (
                      <li key={p.code}>{pick(p)}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('resources.admin.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('resources.admin.all')}>
        {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual)} />}
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            {
              title: t('resources.kind'),
              key: 'kind',
              render: (_: unknown, r: ResourceView) => pick(RESOURCE_KIND_NAMES[r.kind] ?? r.kindName),
            },
            { title: t('resources.label'), dataIndex: 'label' },
            { title: t('resources.region'), dataIndex: 'region' },
            { title: t('resources.ips'), key: 'ips', render: (_: unknown, r: ResourceView) => r.publicIps.join('、') },
            {
              title: t('resources.eligibility'),
              key: 'eligibility',
              render: (_: unknown, r: ResourceView) =>
                r.eligibility.isEligible ? (
                  <Tag color="green">{t('resources.eligible')}</Tag>
                ) : (
                  <Space orientation="vertical" size={2}>
                    <Tag color="red">{t('resources.notEligible')}</Tag>
                    <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 320, whiteSpace: 'normal' }}>
                      {r.eligibility.problems.map((p) => (
                        <li key={p.code}>
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            {pick(p)}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  </Space>
                ),
            },
            {
              title: t('resources.codes'),
              key: 'codes',
              render: (_: unknown, r: ResourceView) => `${r.codesIssued} / ${r.eligibility.codes}`,
            },
            {
              title: t('resources.expiry'),
              key: 'expiry',
              render: (_: unknown, r: ResourceView) => <Expiry resource={r} />,
            },
            {
              title: t('resources.admin.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatTime(v, lang),
            },
            {
              title: t('orders.actions'),
              key: 'action',
              render: (_: unknown, r: ResourceView) => (
                <Button size="small" onClick={() => setEditing(r)} data-testid={`edit-resource-${r.label}`}>
                  {t('resources.admin.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <EditResource
          resource={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            return list.reload();
          }}
        />
      )}
    </Space>
  );
}

/**
 * 续费/变更: the admin records a renewal or change (billing, paid months, bandwidth, expiry, IPs) with
 * `PATCH /api/v1/resources/{id}`; the answer carries the eligibility judged again, shown in the list once saved.
 */
function EditResource({
  resource,
  onClose,
  onSaved,
}: {
  resource: ResourceView;
  onClose(): void;
  onSaved(updated: ResourceView): unknown;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onFinish = (values: EditValues) => {
    setBusy(true);
    setError(null);
    call('PATCH /api/v1/resources/{id}')<ResourceView>({
      params: { id: resource.id },
      body: {
        billing: values.billing,
        paidMonths: values.paidMonths,
        hasPublicBandwidth: values.hasPublicBandwidth,
        publicIps: splitIps(values.publicIps ?? ''),
        // The resource serves through that day in Beijing.
        expiresAt: values.expiresOn ? `${values.expiresOn}T23:59:59+08:00` : null,
      },
    })
      .then((updated) => {
        const vars = { label: updated.label, n: updated.eligibility.codes };
        if (updated.eligibility.isEligible) message.success(t('resources.admin.updatedEligible', vars));
        else message.warning(t('resources.admin.updatedNot', vars));
        return onSaved(updated);
      })
      .catch((e: ApiError) => {
        setError(e);
        form.setFields(fieldErrors<EditValues>(e, new Set(Object.keys(form.getFieldsValue())), pick));
      })
      .finally(() => setBusy(false));
  };

  return (
    <Modal
      open
      title={t('resources.admin.editTitle', { label: resource.label })}
      okText={t('resources.admin.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('resources.admin.editHelp')}</Typography.Paragraph>
      <Form
        form={form}
        name="edit"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          billing: resource.billing,
          paidMonths: resource.paidMonths,
          hasPublicBandwidth: resource.hasPublicBandwidth,
          publicIps: resource.publicIps.join(', '),
          expiresOn: resource.expiresAt ? beijingDate(resource.expiresAt) : '',
        }}
      >
        <Row gutter={16}>
          <TermFields wide="sm" />
          <Col xs={24} sm={12}>
            <Form.Item label={t('resources.expiry')} name="expiresOn" extra={t('resources.admin.expiryHint')}>
              {/* Form.Item passes the value and onChange. */}
              <DateInput value={undefined} onChange={() => undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('resources.ips')} name="publicIps" extra={t('resources.admin.ipsHint')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="hasPublicBandwidth" valuePropName="checked">
              <Checkbox>{t('resources.admin.bandwidth')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} />}
      </Form>
    </Modal>
  );
}

/** Billing and paid months, the two facts a renewal changes; the register form and the renew dialog share them. */
function TermFields({ wide }: { wide: 'sm' | 'md' }) {
  const { t } = useI18n();
  return (
    <>
      <Col xs={24} {...{ [wide]: 12 }}>
        <Form.Item label={t('resources.admin.billing')} name="billing">
          <Select
            options={[
              { value: 'subscription', label: t('resources.admin.subscription') },
              { value: 'pay_as_you_go', label: t('resources.admin.payAsYouGo') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} {...{ [wide]: 12 }}>
        <Form.Item label={t('resources.admin.paidMonths')} name="paidMonths" rules={[{ required: true }]}>
          <InputNumber min={0} max={1200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
}
