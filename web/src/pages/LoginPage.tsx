import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { EmailField } from '../components/EmailField.tsx';
import { ApiError, call } from '../api/client.ts';
import { useI18n } from '../lang.tsx';
import { loginWaitMessage } from '../loginWait.ts';
import { hasDevTools, useSession } from '../session.tsx';

type Values = { email: string; password: string };

export function LoginPage({ mode }: { mode: 'login' | 'register' }) {
  const { t, pick, lang } = useI18n();
  const { refresh, hasExpired, mode: platformMode } = useSession();
  // ?next= travels between the login and register pages; the route sends the user there once logged in (App.tsx).
  const { search } = useLocation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<{ zh: string; en: string } | null>(null);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'register') {
        // The account is usable once the link e-mailed to the address is opened; the answer is the same whether or
        // not the address was registered before.
        const answer = await call('POST /api/v1/auth/register')<{ message: { zh: string; en: string } }>({ body: values });
        setRegistered(answer.message);
        return;
      }
      await call('POST /api/v1/auth/login')({ body: values });
      await refresh();
    } catch (e) {
      const apiError = e as ApiError;
      setError(apiError);
      // Each field problem goes under its own input ("body.email" → the e-mail field), without the path it starts with.
      const fields = (apiError.details?.fields ?? []).map((f) => ({
        name: f.path.replace(/^body\./, '') as keyof Values,
        errors: [pick(f.message).replace(/^[\w.[\]-]+\s*[：:]\s*/, '')],
      }));
      form.setFields(fields.filter((f) => f.name === 'email' || f.name === 'password'));
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'login' ? t('auth.login') : t('auth.register');
  return (
    <Card title={title} style={{ maxWidth: 420, margin: '24px auto' }}>
      {hasExpired && mode === 'login' && !error && (
        <Alert type="warning" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={(mode === 'login' && error.code === 'RATE_LIMITED' && loginWaitMessage(lang, error.details?.retryAfterSeconds)) || pick(error.bilingual)}
          style={{ marginBottom: 16 }}
        />
      )}
      {registered && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('security.registered')}
          description={
            <>
              {pick(registered)}
              {hasDevTools(platformMode) && <div style={{ marginTop: 8 }}>{t('security.registeredDemo')}</div>}
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {mode === 'register' && <Typography.Paragraph type="secondary">{t('auth.oneSubject')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} validateTrigger="onBlur">
        <EmailField />
        <Form.Item
          label={t('auth.password')}
          name="password"
          extra={mode === 'register' ? t('auth.passwordHint') : undefined}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ...(mode === 'register' ? [{ min: 12, message: t('auth.passwordShort') }] : []),
          ]}
        >
          <Input.Password autoComplete={mode === 'register' ? 'new-password' : 'current-password'} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isBusy}>
          {title}
        </Button>
      </Form>
      <div style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        {mode === 'login' ? (
          <Link to={`/register${search}`}>{t('auth.toRegister')}</Link>
        ) : (
          <Link to={`/login${search}`}>{t('auth.toLogin')}</Link>
        )}
        {mode === 'login' && (
          <span style={{ display: 'flex', gap: 12 }}>
            <Link to="/forgot">{t('auth.forgotPassword')}</Link>
            <Link to="/forgot?tab=login-name">{t('auth.forgotLoginName')}</Link>
          </span>
        )}
        {hasDevTools(platformMode) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('auth.demo')}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
