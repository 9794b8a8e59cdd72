import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import { useI18n } from '../lang.tsx';
import { showFieldErrors } from './ForgotPage.tsx';

type Values = { password: string; repeat: string };

/** The page a reset e-mail links to: `/reset-password?token=…`; choose a new password once. */
export function ResetPasswordPage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [isDone, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/v1/auth/password-reset/confirm')({ body: { token, password: values.password } });
      setDone(true);
    } catch (e) {
      const apiError = e as ApiError;
      // A bad token has no input of its own: it is said above the form, with the way to a new link.
      showFieldErrors(form, apiError, ['password'], pick);
      const tokenProblem = apiError.details?.fields?.find((f) => f.path === 'body.token');
      setError(
        tokenProblem
          ? new ApiError(apiError.status, apiError.code, tokenProblem.message)
          : apiError.details?.fields?.length
            ? null
            : apiError,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('reset.title')} style={{ maxWidth: 420, margin: '24px auto' }}>
      {!token && <Alert type="warning" showIcon title={t('reset.noToken')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      {isDone ? (
        <>
          <Alert type="success" showIcon title={t('reset.done')} style={{ marginBottom: 16 }} />
          <Link to="/login">{t('auth.login')}</Link>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          validateTrigger="onBlur"
          disabled={!token}
        >
          <Form.Item
            label={t('reset.newPassword')}
            name="password"
            extra={t('auth.passwordHint')}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              { min: 12, message: t('auth.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('reset.repeat')}
            name="repeat"
            dependencies={['password']}
            rules={[
              { required: true, message: t('reset.repeatRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('reset.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isBusy}>
            {t('reset.submit')}
          </Button>
        </Form>
      )}
      {!isDone && (
        <div style={{ marginTop: 12 }}>
          <Link to="/forgot">{t('reset.askAgain')}</Link>
        </div>
      )}
    </Card>
  );
}
