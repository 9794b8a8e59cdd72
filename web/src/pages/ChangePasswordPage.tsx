import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { useI18n } from '../lang.tsx';
import { showFieldErrors } from './ForgotPage.tsx';

type Values = { current: string; new: string; repeat: string };

/** Change the password while logged in; every other session of the account ends. */
export function ChangePasswordPage() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [ended, setEnded] = useState<number | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('POST /api/v1/auth/password')<{ sessionsEnded: number }>({
        body: { current: values.current, new: values.new },
      });
      setEnded(answer.sessionsEnded);
      form.resetFields();
    } catch (e) {
      const apiError = e as ApiError;
      if (!showFieldErrors(form, apiError, ['current', 'new'], pick)) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('security.password.title')} style={{ maxWidth: 480, margin: '24px auto' }}>
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      {ended !== null && (
        <Alert type="success" showIcon role="status" title={t('security.password.done', { n: ended })} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} validateTrigger="onBlur">
        <Form.Item label={t('security.password.current')} name="current" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('security.password.new')}
          name="new"
          extra={t('auth.passwordHint')}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: 12, message: t('auth.passwordShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('security.password.repeat')}
          name="repeat"
          dependencies={['new']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('new') ? Promise.resolve() : Promise.reject(new Error(t('security.password.repeatWrong'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isBusy}>
          {t('security.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
