import { Alert, Button, Card, Form, InputNumber, List, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import type { IspEligibility } from './types.ts';

type Values = { scope: 'nationwide' | 'provincial'; capitalWan: number };

/**
 * /isp-licence — open to anyone: may this company apply for an ISP licence of the scope it wants (the registered
 * capital thresholds), and what it must have ready; then a butler can help (a ticket, same refund rule).
 */
export function IspLicencePage() {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ answer: IspEligibility; values: Values } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  const onFinish = (values: Values) => {
    setBusy(true);
    setError(null);
    call('POST /api/v1/isp-licence/eligibility')<IspEligibility>({
      body: { scope: values.scope, registeredCapitalCny: Math.round(values.capitalWan * 10_000) },
    })
      .then((answer) => setResult({ answer, values }))
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) })))
      .finally(() => setBusy(false));
  };

  const scopeName = (scope: string) => t(`butler.isp.scope.${scope}` as MessageKey);
  const askLink = result && `/butler?service=isp_licence&scope=${result.values.scope}&capital=${Math.round(result.values.capitalWan * 10_000)}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('butler.isp.title')}</h1>}>
        <Typography.Paragraph>{t('butler.isp.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ scope: 'provincial' }} requiredMark style={{ maxWidth: 520 }}>
          <Form.Item label={t('butler.new.ispScope')} name="scope" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'nationwide', label: t('butler.isp.scope.nationwide') },
                { value: 'provincial', label: t('butler.isp.scope.provincial') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('butler.isp.capital')} name="capitalWan" rules={[{ required: true, message: t('butler.isp.capitalRequired') }]}>
            <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('butler.isp.check')}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon role="alert" title={pick(error.details.fields?.[0]?.message ?? error.bilingual)} style={{ marginTop: 16 }} />}
      </Card>
      {result && (
        <Card>
          <Alert
            type={result.answer.eligible ? 'success' : 'warning'}
            showIcon
            role="status"
            title={t(result.answer.eligible ? 'butler.isp.eligible' : 'butler.isp.notEligible', { scope: scopeName(result.answer.scope) })}
            description={result.answer.reasons.length > 0 ? result.answer.reasons.map((r) => <div key={r.code}>{pick(r.message)}</div>) : undefined}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('butler.isp.requirements')}
          </Typography.Title>
          <List
            dataSource={result.answer.checklist}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta title={pick(item.title)} description={pick(item.detail)} />
              </List.Item>
            )}
          />
          {askLink && (!user || user.role === 'applicant') && (
            <Link to={user ? askLink : `/login?next=${encodeURIComponent(askLink)}`}>
              <Button type="primary">{t(user ? 'butler.isp.ask' : 'butler.isp.login')}</Button>
            </Link>
          )}
        </Card>
      )}
    </Space>
  );
}
