import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import { useI18n } from '../lang.tsx';

/**
 * The page a registration e-mail links to: `/verify-email?token=…`. The token is spent by a button press, not on
 * load, so a mail scanner that fetches the link does not use it up.
 */
export function VerifyEmailPage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('POST /api/v1/auth/verify-email')<{ email: string }>({ body: { token } });
      setEmail(answer.email);
    } catch (e) {
      const apiError = e as ApiError;
      const tokenProblem = apiError.details?.fields?.find((f) => f.path === 'body.token');
      setError(tokenProblem ? new ApiError(apiError.status, apiError.code, tokenProblem.message) : apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('security.verify.title')} style={{ maxWidth: 420, margin: '24px auto' }}>
      {!token && <Alert type="warning" showIcon title={t('security.verify.noToken')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      {email ? (
        <>
          <Alert type="success" showIcon role="status" title={t('security.verify.done', { email })} style={{ marginBottom: 16 }} />
          <Link to="/login">{t('auth.login')}</Link>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('security.verify.help')}</Typography.Paragraph>
          <Button type="primary" block loading={isBusy} disabled={!token} onClick={() => void verify()}>
            {t('security.verify.submit')}
          </Button>
        </>
      )}
    </Card>
  );
}
