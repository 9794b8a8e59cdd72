import { Alert, Button, Card, Form, Input, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { useI18n } from '../lang.tsx';

type Started = { id: string; subjectNumber: string; mobile: string; expiresInMinutes: number };

/**
 * 认领已有备案: step 1 texts a code to the filed leader mobile of a subject moved in by `openbeian import`; step 2
 * binds the subject to this account. `onClaimed` reloads the list.
 */
export function ClaimFilingCard({ onClaimed }: { onClaimed: () => void }) {
  const { t, pick } = useI18n();
  const [started, setStarted] = useState<Started | null>(null);
  const [claimed, setClaimed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const explain = (e: unknown) => {
    if (!(e instanceof ApiError)) return setError(String(e));
    const field = e.details.fields?.[0];
    setError(field ? pick(field.message) : pick(e.bilingual));
  };

  const send = async (values: { subjectNumber: string }) => {
    setBusy(true);
    setError(null);
    try {
      setStarted(
        await call('POST /api/v1/filings/{subjectNumber}/claims')<Started>({
          params: { subjectNumber: values.subjectNumber.trim() },
        }),
      );
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (values: { code: string }) => {
    if (!started) return;
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/v1/filings/{subjectNumber}/claims/{claimId}/verify')({
        params: { subjectNumber: started.subjectNumber, claimId: started.id },
        body: { code: values.code.trim() },
      });
      setClaimed(started.subjectNumber);
      setStarted(null);
      onClaimed();
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('claims.title')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('claims.intro')}</Typography.Paragraph>
      <Steps
        size="small"
        current={started ? 1 : 0}
        items={[{ title: t('claims.step1') }, { title: t('claims.step2') }]}
        style={{ marginBottom: 16 }}
      />
      {claimed && (
        <Alert type="success" showIcon title={t('claims.done', { number: claimed })} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!started ? (
        <Form layout="inline" onFinish={send}>
          <Form.Item
            name="subjectNumber"
            label={t('claims.number')}
            rules={[{ required: true, message: t('claims.numberPlaceholder') }]}
          >
            <Input placeholder={t('claims.numberPlaceholder')} style={{ width: 260 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('claims.send')}
          </Button>
        </Form>
      ) : (
        <Space direction="vertical">
          <Typography.Text>
            {t('claims.sent', { mobile: started.mobile, minutes: started.expiresInMinutes })}
          </Typography.Text>
          <Form layout="inline" onFinish={verify}>
            <Form.Item
              name="code"
              label={t('claims.code')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('claims.code') }]}
            >
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 140 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={isBusy}>
              {t('claims.verify')}
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
