import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import type { TicketAction, TicketDetail, TicketView } from './types.ts';

/** Sends one action; each verb is its own operation of the generated route table. */
function send(action: TicketAction, id: string, values: { note?: string; reason?: string }): Promise<TicketDetail> {
  const params = { id };
  switch (action) {
    case 'respond':
      return call('POST /api/v1/butler/tickets/{id}/respond')<TicketDetail>({ params, body: { note: values.note || undefined } });
    case 'confirm':
      return call('POST /api/v1/butler/tickets/{id}/confirm')<TicketDetail>({ params, body: { acknowledgeNoRefund: true } });
    case 'submit':
      return call('POST /api/v1/butler/tickets/{id}/submit')<TicketDetail>({ params, body: { note: values.note || undefined } });
    case 'accept':
      return call('POST /api/v1/butler/tickets/{id}/accept')<TicketDetail>({ params, body: { note: values.note || undefined } });
    case 'close':
      return call('POST /api/v1/butler/tickets/{id}/close')<TicketDetail>({ params, body: { reason: values.reason ?? '' } });
  }
}

/**
 * The buttons for what the viewer may do now (the server lists them in `actions`), each opening a dialog: a note for
 * the butler's steps, a reason to close, and — before the customer confirms — the no-refund notice to agree to.
 */
export function TicketActions({
  ticket,
  isOwner,
  onChanged,
  size,
  isNextStepOnly = false,
}: {
  ticket: TicketView;
  isOwner: boolean;
  onChanged: (ticket: TicketDetail) => void;
  size?: 'small' | 'middle';
  /** In a list row: only the step forward; closing is done on the ticket itself. */
  isNextStepOnly?: boolean;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; reason?: string; agree?: boolean }>();
  const [action, setAction] = useState<TicketAction | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const label = (a: TicketAction) => t(a === 'close' && isOwner ? 'butler.action.withdraw' : (`butler.action.${a}` as MessageKey));

  // Lists show the mobile masked; the butler about to call reads it in full from the ticket itself.
  const [phone, setPhone] = useState<string | null>(null);
  const open = (a: TicketAction) => {
    form.resetFields();
    setError(null);
    setPhone(null);
    setAction(a);
    if (a === 'respond')
      call('GET /api/v1/butler/tickets/{id}')<TicketDetail>({ params: { id: ticket.id } })
        .then((detail) => setPhone(detail.contactMobile))
        .catch(() => setPhone(null));
  };
  const submit = async () => {
    if (!action) return;
    // The form shows what is missing under the fields; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const changed = await send(action, ticket.id, values);
      message.success(t('butler.action.done', { status: t(`butler.status.${changed.status}` as MessageKey) }));
      setAction(null);
      onChanged(changed);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const shown = isNextStepOnly ? ticket.actions.filter((a) => a !== 'close') : ticket.actions;
  if (shown.length === 0) return null;
  return (
    <>
      <Space wrap size={8}>
        {shown.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'close' ? 'default' : 'primary'}
            danger={a === 'close'}
            onClick={() => open(a)}
            data-testid={`ticket-${a}`}
          >
            {label(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action === 'confirm' ? t('butler.confirm.title') : action ? `${label(action)} · ${ticket.number}` : ''}
        okText={action === 'confirm' ? t('butler.confirm.ok') : action ? label(action) : ''}
        okButtonProps={{ danger: action === 'close' || action === 'confirm', loading: isBusy }}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'confirm' && (
            <>
              <Typography.Paragraph>{t('butler.confirm.lead')}</Typography.Paragraph>
              <Alert type="warning" showIcon title={t('butler.confirm.noRefund')} description={pick(ticket.noRefundNotice)} style={{ marginBottom: 16 }} />
              <Form.Item
                name="agree"
                valuePropName="checked"
                rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('butler.confirm.agreeRequired')))) }]}
              >
                <Checkbox data-testid="agree-no-refund">{t('butler.confirm.agree')}</Checkbox>
              </Form.Item>
            </>
          )}
          {action === 'close' && (
            <>
              {!ticket.isRefundable && <Alert type="warning" showIcon title={t('butler.action.closeConfirmed')} style={{ marginBottom: 16 }} />}
              <Form.Item label={t('butler.action.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('butler.action.reasonRequired') }]}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </>
          )}
          {action === 'respond' && phone && (
            <Typography.Paragraph>
              {t('butler.action.call')} <a href={`tel:${phone}`}>{phone}</a>
            </Typography.Paragraph>
          )}
          {action && action !== 'confirm' && action !== 'close' && (
            <Form.Item label={t('butler.action.note')} name="note">
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
        </Form>
        {error && <Alert type="error" showIcon role="alert" title={pick(error.details.fields?.[0]?.message ?? error.bilingual)} />}
      </Modal>
    </>
  );
}
