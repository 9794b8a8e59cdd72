import { Alert, Button, Card, Form, Input, Tabs, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmailField } from '../components/EmailField.tsx';
import { ApiError, call, type Bilingual } from '../api/client.ts';
import { useI18n } from '../lang.tsx';
import { hasDevTools, useSession } from '../session.tsx';

type LookupAnswer = { sent: boolean; mobile?: string; expiresInMinutes?: number; hint: Bilingual };

/**
 * Puts each field problem the server names ("body.domain") under its own input, without the path it starts with;
 * returns whether any landed on a field of this form.
 */
export function showFieldErrors(
  form: FormInstance,
  error: ApiError,
  names: readonly string[],
  pick: (text: Bilingual) => string,
): boolean {
  const fields = (error.details?.fields ?? [])
    .map((f) => ({
      name: f.path.replace(/^body\./, ''),
      errors: [pick(f.message).replace(/^[\w.[\]-]+\s*[：:]\s*/, '')],
    }))
    .filter((f) => names.includes(f.name));
  form.setFields(fields);
  return fields.length > 0;
}

/** Account recovery (SPEC §3): reset the password by e-mail, or find the login name by a filed domain and an SMS code. */
export function ForgotPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'login-name' ? 'login-name' : 'password';
  return (
    <Card title={t('forgot.title')} style={{ maxWidth: 520, margin: '24px auto' }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'password', label: t('forgot.tabPassword'), children: <PasswordReset /> },
          { key: 'login-name', label: t('forgot.tabLoginName'), children: <LoginNameLookup /> },
        ]}
      />
      <Link to="/login">{t('auth.toLogin')}</Link>
    </Card>
  );
}

function PasswordReset() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ email: string }>();
  const [answer, setAnswer] = useState<Bilingual | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onFinish(values: { email: string }) {
    setBusy(true);
    setError(null);
    try {
      const result = await call('POST /api/v1/auth/password-reset')<{ message: Bilingual }>({ body: values });
      setAnswer(result.message);
    } catch (e) {
      const apiError = e as ApiError;
      if (!showFieldErrors(form, apiError, ['email'], pick)) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('forgot.passwordLead')}</Typography.Paragraph>
      {answer && <Alert type="success" showIcon title={pick(answer)} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} validateTrigger="onBlur">
        <EmailField />
        <Button type="primary" htmlType="submit" block loading={isBusy}>
          {t('forgot.sendLink')}
        </Button>
      </Form>
    </>
  );
}

function LoginNameLookup() {
  const { t, pick } = useI18n();
  const { mode } = useSession();
  const [lookupForm] = Form.useForm<{ domain: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [lookup, setLookup] = useState<(LookupAnswer & { domain: string }) | null>(null);
  const [isDone, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onLookup(values: { domain: string }) {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await call('POST /api/v1/auth/login-name/lookup')<LookupAnswer>({ body: values });
      setLookup({ ...result, domain: values.domain });
      codeForm.resetFields();
    } catch (e) {
      const apiError = e as ApiError;
      if (!showFieldErrors(lookupForm, apiError, ['domain'], pick)) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  async function onConfirm(values: { code: string }) {
    if (!lookup) return;
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/v1/auth/login-name/confirm')({ body: { domain: lookup.domain, code: values.code } });
      setDone(true);
    } catch (e) {
      const apiError = e as ApiError;
      // A locked code (429) names the field too, and the alert says why.
      if (!showFieldErrors(codeForm, apiError, ['code'], pick) || apiError.status === 429) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('forgot.loginNameLead')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      <Form form={lookupForm} layout="vertical" onFinish={onLookup} requiredMark={false} validateTrigger="onBlur">
        <Form.Item
          label={t('forgot.domain')}
          name="domain"
          extra={t('forgot.domainHint')}
          rules={[{ required: true, whitespace: true, message: t('forgot.domainRequired') }]}
        >
          <Input autoComplete="url" inputMode="url" placeholder="www.example.com" />
        </Form.Item>
        <Button htmlType="submit" block loading={isBusy && !lookup}>
          {t('forgot.sendCode')}
        </Button>
      </Form>
      {lookup && (
        <Alert
          type={lookup.sent ? 'info' : 'warning'}
          showIcon
          title={pick(lookup.hint)}
          style={{ margin: '16px 0' }}
          role="status"
        />
      )}
      {lookup?.sent && !isDone && (
        <Form form={codeForm} layout="vertical" onFinish={onConfirm} requiredMark={false} validateTrigger="onBlur">
          <Form.Item
            label={t('forgot.code')}
            name="code"
            extra={t('forgot.codeHint', { mobile: lookup.mobile ?? '', minutes: lookup.expiresInMinutes ?? 10 })}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('forgot.codeRequired') }]}
          >
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isBusy}>
            {t('forgot.confirmCode')}
          </Button>
        </Form>
      )}
      {isDone && <Alert type="success" showIcon title={t('forgot.loginNameSent')} style={{ marginTop: 16 }} />}
      {hasDevTools(mode) && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
          {t('forgot.devOutbox')}
        </Typography.Paragraph>
      )}
    </>
  );
}
