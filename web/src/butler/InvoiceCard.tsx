import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { formatTime } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { showFieldErrors } from './parts.tsx';
import type { InvoiceRequest, TicketDetail } from './types.ts';

type Values = { entityName: string; taxNumber: string; email: string };

/** Invoice requests of a confirmed service: the customer names the entity invoiced, its tax number and the e-mail. */
export function InvoiceCard({ ticket, canRequest, onChange }: { ticket: TicketDetail; canRequest: boolean; onChange(): void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    // The form shows what is missing under the fields; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/v1/butler/tickets/{id}/invoice-requests')<InvoiceRequest>({ params: { id: ticket.id }, body: values });
      message.success(t('butler.invoice.done'));
      setOpen(false);
      onChange();
    } catch (e) {
      const failure = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
      if (!showFieldErrors(form, failure, pick)) setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('butler.invoice.title')}
      extra={
        canRequest && (
          <Button
            onClick={() => {
              form.resetFields();
              setError(null);
              setOpen(true);
            }}
          >
            {t('butler.invoice.request')}
          </Button>
        )
      }
    >
      {canRequest && <Typography.Paragraph type="secondary">{t('butler.invoice.help')}</Typography.Paragraph>}
      <Typography.Paragraph data-testid="invoicing-entity">
        {ticket.invoicingEntity ? t('butler.invoice.issuer', { entity: ticket.invoicingEntity }) : t('butler.invoice.issuerUnknown')}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        dataSource={ticket.invoiceRequests}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('butler.invoice.none') }}
        columns={[
          { title: t('butler.invoice.entityName'), dataIndex: 'entityName' },
          { title: t('butler.invoice.taxNumber'), dataIndex: 'taxNumber', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('butler.invoice.email'), dataIndex: 'email' },
          { title: t('butler.invoice.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatTime(v, lang) },
        ]}
      />
      <Modal
        open={isOpen}
        title={t('butler.invoice.request')}
        okText={t('butler.invoice.request')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: isBusy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label={t('butler.invoice.entityName')} name="entityName" rules={[{ required: true, whitespace: true, message: t('butler.invoice.required') }]}>
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
          <Form.Item
            label={t('butler.invoice.taxNumber')}
            name="taxNumber"
            extra={t('butler.invoice.taxHelp')}
            rules={[{ required: true, whitespace: true, message: t('butler.invoice.required') }]}
          >
            <Input maxLength={30} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item label={t('butler.invoice.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}>
            <Input type="email" inputMode="email" autoComplete="email" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} />}
      </Modal>
    </Card>
  );
}
