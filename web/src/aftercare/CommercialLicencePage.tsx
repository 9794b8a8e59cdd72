import { Alert, App, Button, Card, Checkbox, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PROVINCE_LIST } from '../../../src/rules/data/provinces.ts';
import { ApiError, call } from '../api/client.ts';
import type { ApiRoutes } from '../api/generated.ts';
import type { FiledSubject } from '../api/types.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { DocumentButton } from './DocumentButton.tsx';
import type { LicenceCheck, LicenceFinding } from './types.ts';

const HOSTING = ['ecs', 'virtual_host', 'elastic_web_hosting'] as const;
const IP_FIELDS = ['contractIps', 'resolvingIps', 'reportedIps'] as const;
const SEVERITY_COLOURS: Record<LicenceFinding['severity'], string> = { error: 'red', warning: 'orange', info: 'blue' };

type Values = { province: string; isShenzhen: boolean; contractIps: string; resolvingIps: string; reportedIps: string; hosting: (typeof HOSTING)[number] };

/** IPs typed in one box, separated by commas, spaces, new lines or Chinese punctuation. */
const splitIps = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,，、;；]+/)
    .map((ip) => ip.trim())
    .filter(Boolean);

/** The commercial licence assistant (SPEC §10): the province's IP rule checked before applying. */
export function CommercialLicencePage() {
  const { number = '' } = useParams();
  const state = useLoad(() => call('GET /api/v1/filings/{subjectNumber}')<FiledSubject>({ params: { subjectNumber: number } }), [number]);
  return <LoadedView state={state}>{(filed) => <LicenceView filed={filed} />}</LoadedView>;
}

function LicenceView({ filed }: { filed: FiledSubject }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<LicenceCheck | null>(null);
  const [isBusy, setBusy] = useState(false);
  const province = Form.useWatch('province', form);

  async function check(values: Values) {
    setBusy(true);
    try {
      const body: ApiRoutes['POST /api/v1/filings/{subjectNumber}/commercial-licence/check']['body'] = {
        province: values.province as ApiRoutes['POST /api/v1/filings/{subjectNumber}/commercial-licence/check']['body']['province'],
        ...(values.province === '440000' && values.isShenzhen ? { city: '440300' } : {}),
        contractIps: splitIps(values.contractIps),
        resolvingIps: splitIps(values.resolvingIps),
        reportedIps: splitIps(values.reportedIps),
        hosting: values.hosting,
      };
      setResult(await call('POST /api/v1/filings/{subjectNumber}/commercial-licence/check')<LicenceCheck>({ params: { subjectNumber: filed.number }, body }));
    } catch (e) {
      const error = e as ApiError;
      const fields = (error.details.fields ?? [])
        .map((f) => ({ name: f.path.replace(/^body\./, '').replace(/\.\d+$/, '') as keyof Values, errors: [pick(f.message)] }))
        .filter((f) => (IP_FIELDS as readonly string[]).includes(f.name) || f.name === 'province' || f.name === 'hosting');
      if (fields.length) form.setFields(fields);
      else message.error(pick(error.bilingual));
    } finally {
      setBusy(false);
    }
  }

  async function changeService() {
    if (!result?.changeServiceOrder) return;
    try {
      const created = await call('POST /api/v1/filings/{subjectNumber}/orders')<{ id: string }>({ params: { subjectNumber: filed.number }, body: result.changeServiceOrder.body });
      navigate(`/orders/${created.id}/edit`);
    } catch (e) {
      message.error(pick((e as ApiError).bilingual));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('aftercare.licence.title')} extra={<Link to={`/filings/${encodeURIComponent(filed.number)}`}>{t('aftercare.police.back')}</Link>}>
        <Typography.Paragraph>{t('aftercare.licence.intro')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ province: filed.province, isShenzhen: false, hosting: 'ecs' }}
          onFinish={(values) => void check(values)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="province" label={t('aftercare.licence.province')} htmlFor="licence-province">
            <Select
              id="licence-province"
              showSearch
              optionFilterProp="label"
              options={PROVINCE_LIST.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))}
            />
          </Form.Item>
          {province === '440000' && (
            <Form.Item name="isShenzhen" valuePropName="checked">
              <Checkbox>{t('aftercare.licence.shenzhen')}</Checkbox>
            </Form.Item>
          )}
          {IP_FIELDS.map((name) => (
            <Form.Item key={name} name={name} label={t(`aftercare.licence.${name}` as MessageKey)} htmlFor={`licence-${name}`} extra={t('aftercare.licence.ipsHelp')} rules={[{ required: true, message: t('aftercare.licence.ipsHelp') }]}>
              <Input.TextArea id={`licence-${name}`} autoSize={{ minRows: 1, maxRows: 4 }} placeholder="47.96.1.10" />
            </Form.Item>
          ))}
          <Form.Item name="hosting" label={t('aftercare.licence.hosting')}>
            <Radio.Group options={HOSTING.map((h) => ({ value: h, label: t(`aftercare.licence.hosting.${h}` as MessageKey) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('aftercare.licence.check')}
          </Button>
        </Form>
      </Card>
      {result && (
        <Card title={t('aftercare.licence.results')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type={result.ok ? 'success' : 'error'} showIcon title={t(result.ok ? 'aftercare.licence.ok' : 'aftercare.licence.notOk')} data-testid="licence-result" />
            <List
              dataSource={result.findings}
              renderItem={(f) => (
                <List.Item data-code={f.code}>
                  <Space orientation="vertical" size={2}>
                    <Space wrap size={4}>
                      <Tag color={SEVERITY_COLOURS[f.severity]}>{t(`aftercare.severity.${f.severity}` as MessageKey)}</Tag>
                      <Typography.Text>{pick(f.message)}</Typography.Text>
                    </Space>
                    {f.source && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {f.source}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
            {result.changeServiceOrder && (
              <Button onClick={() => void changeService()}>{t('aftercare.licence.changeService')}</Button>
            )}
          </Space>
        </Card>
      )}
      {result && result.documents.length > 0 && (
        <Card title={t('aftercare.licence.documents')}>
          <List
            dataSource={result.documents}
            renderItem={(d) => (
              <List.Item actions={d.href ? [<DocumentButton key="pdf" size="small" href={d.href} name={{ zh: t('aftercare.download'), en: t('aftercare.download') }} />] : []}>
                <List.Item.Meta title={pick(d.name)} description={pick(d.how)} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
