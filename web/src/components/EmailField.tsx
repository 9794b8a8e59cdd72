import { Form, Input } from 'antd';
import { useI18n } from '../lang.tsx';

/** The login e-mail input of the sign-in, registration and recovery forms, with the same checks everywhere. */
export function EmailField() {
  const { t } = useI18n();
  return (
    <Form.Item
      label={t('auth.email')}
      name="email"
      rules={[
        { required: true, message: t('auth.emailRequired') },
        { type: 'email', message: t('auth.emailInvalid') },
      ]}
    >
      <Input autoComplete="username" inputMode="email" />
    </Form.Item>
  );
}
