import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { formatDate, formatTime, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { showFieldErrors } from './ForgotPage.tsx';

type Role = 'subject_leader' | 'service_leader';
type Results = {
  accessToken: string;
  idNumber: string;
  subjects: { number: string; name: string; status: string; approvedAt: string; roles: Role[]; services: { number: string; name: string; domain: string | null; accessState: string; approvedAt: string }[] }[];
  orders: { number: string; status: string; subjectName: string | null; domains: string[]; roles: Role[]; createdAt: string }[];
};

/** "Which filings use my ID?" (PIPL right to know): public, no login; an SMS code to the mobile filed with the ID. */
export function IdCheckPage() {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<{ idNumber: string; mobile: string; code?: string }>();
  const [checkId, setCheckId] = useState<string | null>(null);
  const [sent, setSent] = useState<{ zh: string; en: string } | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [reporting, setReporting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [receipt, setReceipt] = useState<{ reference: string; dueAt: string } | null>(null);

  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      const apiError = e as ApiError;
      if (!showFieldErrors(form, apiError, ['idNumber', 'mobile', 'code'], pick)) setError(apiError);
      return null;
    } finally {
      setBusy(false);
    }
  }

  const send = async () => {
    const values = await form.validateFields(['idNumber', 'mobile']);
    const answer = await run(() => call('POST /api/v1/id-check')<{ checkId: string; message: { zh: string; en: string } }>({ body: values }));
    if (answer) {
      setCheckId(answer.checkId);
      setSent(answer.message);
    }
  };
  const confirm = async () => {
    const { code } = await form.validateFields(['code']);
    const answer = await run(() => call('POST /api/v1/id-check/confirm')<Results>({ body: { checkId: checkId!, code: code! } }));
    if (answer) setResults(answer);
  };
  const report = async (reference: string) => {
    const answer = await run(() =>
      call('POST /api/v1/id-check/reports')<{ reference: string; dueAt: string }>({ body: { accessToken: results!.accessToken, reference, note } }),
    );
    if (answer) {
      setReceipt(answer);
      setReporting(null);
      setNote('');
    }
  };

  const roles = (list: Role[]) => list.map((role) => <Tag key={role}>{t(`security.idCheck.role.${role}`)}</Tag>);
  const reportBox = (reference: string) =>
    reporting === reference ? (
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea aria-label={t('security.idCheck.reportNote')} placeholder={t('security.idCheck.reportNote')} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={1000} />
        <Button type="primary" loading={isBusy} disabled={note.trim().length < 2} onClick={() => void report(reference)}>
          {t('security.idCheck.reportSend')}
        </Button>
      </Space>
    ) : (
      <Button size="small" danger onClick={() => setReporting(reference)}>
        {t('security.idCheck.report')}
      </Button>
    );

  return (
    <Card title={t('security.idCheck.title')} style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('security.idCheck.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      {receipt && (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={t('security.idCheck.reported', { reference: receipt.reference, due: formatTime(receipt.dueAt, lang) })} />
      )}
      {!results && (
        <Form form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 420 }}>
          <Form.Item label={t('security.idCheck.idNumber')} name="idNumber" rules={[{ required: true, message: t('security.idCheck.required') }]}>
            <Input autoComplete="off" maxLength={30} />
          </Form.Item>
          <Form.Item label={t('security.idCheck.mobile')} name="mobile" rules={[{ required: true, message: t('security.idCheck.required') }]}>
            <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Button onClick={() => void send()} loading={isBusy && !checkId} block>
            {t('security.idCheck.send')}
          </Button>
          {sent && <Alert type="info" showIcon role="status" title={pick(sent)} style={{ margin: '16px 0' }} />}
          {checkId && (
            <>
              <Form.Item label={t('security.idCheck.code')} name="code" rules={[{ required: true, message: t('security.idCheck.required') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Button type="primary" onClick={() => void confirm()} loading={isBusy} block>
                {t('security.idCheck.confirm')}
              </Button>
            </>
          )}
        </Form>
      )}
      {results && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Typography.Text strong>{results.idNumber}</Typography.Text>
          {results.subjects.length === 0 && results.orders.length === 0 && <Alert type="info" showIcon title={t('security.idCheck.none')} />}
          {results.subjects.length > 0 && (
            <List
              header={<Typography.Title level={5} style={{ margin: 0 }}>{t('security.idCheck.subjects')}</Typography.Title>}
              bordered
              dataSource={results.subjects}
              renderItem={(subject) => (
                <List.Item>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{subject.number}</Typography.Text>
                      <span>{subject.name}</span>
                      {roles(subject.roles)}
                    </Space>
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('security.idCheck.approvedAt')}>{formatDate(subject.approvedAt, lang)}</Descriptions.Item>
                    </Descriptions>
                    {subject.services.map((service) => (
                      <div key={service.number}>
                        {service.number} · {service.name} {service.domain ? `· ${service.domain}` : ''} · {formatDate(service.approvedAt, lang)}
                      </div>
                    ))}
                    {reportBox(subject.number)}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {results.orders.length > 0 && (
            <List
              header={<Typography.Title level={5} style={{ margin: 0 }}>{t('security.idCheck.orders')}</Typography.Title>}
              bordered
              dataSource={results.orders}
              renderItem={(order) => (
                <List.Item>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{order.number}</Typography.Text>
                      <span>{order.subjectName}</span>
                      <span>{order.domains.join(', ')}</span>
                      {roles(order.roles)}
                      <Tag>{STATUS_NAMES[order.status] ? pick(STATUS_NAMES[order.status]!) : order.status}</Tag>
                    </Space>
                    <span>
                      {t('security.idCheck.createdAt')}: {formatDate(order.createdAt, lang)}
                    </span>
                    {reportBox(order.number)}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
