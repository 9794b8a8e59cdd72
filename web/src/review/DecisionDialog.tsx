import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { MATERIAL_KINDS } from '../../../src/rules/draft.ts';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import { REJECTION_REASONS, type RejectionReasonCode } from '../../../src/rules/reasons.ts';
import type { OrderView } from '../api/types.ts';
import { useI18n } from '../lang.tsx';
import { describePath } from '../wizard/fields.ts';
import { leaves } from '../wizard/merge.ts';

export type Decision = 'reject' | 'supplement';
type Line = { code?: string; kind?: string; path?: string; note?: string };
export type DecisionBody =
  | { reasons: { code: string; path?: string; note?: string }[] }
  | { items: { kind?: string; path?: string; note: string }[] };

/**
 * Reject with reasons from the catalogue (DESIGN §5.8), each on the field it is about, or ask for supplementary
 * material. The applicant sees each reason on that field in the wizard.
 */
export function DecisionDialog({
  decision,
  order,
  isBusy,
  onCancel,
  onSubmit,
}: {
  decision: Decision | null;
  order: OrderView;
  isBusy: boolean;
  onCancel(): void;
  onSubmit(decision: Decision, body: DecisionBody): void;
}) {
  const { t, pick, lang } = useI18n();
  const [lines, setLines] = useState<Line[]>([{}]);
  const [isTried, setTried] = useState(false);
  useEffect(() => {
    if (decision) {
      setLines([{}]);
      setTried(false);
    }
  }, [decision]);

  const paths = useMemo(() => {
    const fields = [...leaves(order.draft).keys()].filter((p) => !/\.kind$|\.ips\[\d+\]$|^materials/.test(p));
    const services = ((order.draft.services as unknown[] | undefined) ?? []).map((_, i) => `services[${i}]`);
    return [...fields, ...services].map((p) => ({ value: p, label: `${describePath(p, lang, order.materials)}` }));
  }, [order, lang]);
  const reasons = Object.values(REJECTION_REASONS).map((r) => ({ value: r.code, label: pick(r.title) }));
  const kinds = MATERIAL_KINDS.map((k) => ({ value: k, label: pick(MATERIAL_NAMES[k]) }));
  const set = (index: number, patch: Line) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const isReject = decision === 'reject';
  const valid = isReject ? lines.filter((l) => l.code) : lines.filter((l) => l.note?.trim());
  function submit() {
    setTried(true);
    if (valid.length === 0) return;
    if (isReject)
      onSubmit('reject', {
        reasons: valid.map((l) => ({ code: l.code!, path: l.path, note: l.note?.trim() || undefined })),
      });
    else onSubmit('supplement', { items: valid.map((l) => ({ kind: l.kind, path: l.path, note: l.note!.trim() })) });
  }

  return (
    <Modal
      open={decision !== null}
      width={720}
      title={isReject ? t('review.rejectTitle') : t('review.supplementTitle')}
      onCancel={onCancel}
      onOk={submit}
      okText={isReject ? t('review.reject') : t('review.supplement')}
      okButtonProps={{ danger: isReject, loading: isBusy }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {isReject ? t('review.rejectHelp') : t('review.supplementHelp')}
      </Typography.Paragraph>
      {isTried && valid.length === 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={isReject ? t('review.needReason') : t('review.needNote')}
        />
      )}
      <Form layout="vertical">
        {lines.map((line, index) => {
          const reason = line.code ? REJECTION_REASONS[line.code as RejectionReasonCode] : undefined;
          return (
            <Card
              key={index}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('review.line', { n: index + 1 })}
              extra={
                lines.length > 1 && (
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => setLines((all) => all.filter((_, i) => i !== index))}
                  />
                )
              }
            >
              {isReject ? (
                <Form.Item
                  label={t('review.reasonCode')}
                  htmlFor={`reason-${index}`}
                  required
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    id={`reason-${index}`}
                    showSearch={{ optionFilterProp: 'label' }}
                    value={line.code}
                    onChange={(code) => set(index, { code })}
                    options={reasons}
                    placeholder={t('review.pickReason')}
                  />
                </Form.Item>
              ) : (
                <Form.Item label={t('review.materialKind')} htmlFor={`kind-${index}`} style={{ marginBottom: 8 }}>
                  <Select
                    id={`kind-${index}`}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    value={line.kind}
                    onChange={(kind) => set(index, { kind })}
                    options={kinds}
                    placeholder={t('review.optional')}
                  />
                </Form.Item>
              )}
              {reason && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {pick(reason.explanation)} {t('order.fixHint')}
                  {pick(reason.fix)}
                </Typography.Paragraph>
              )}
              <Form.Item label={t('review.fieldPath')} htmlFor={`path-${index}`} style={{ marginBottom: 8 }}>
                <Select
                  id={`path-${index}`}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={line.path}
                  onChange={(path) => set(index, { path })}
                  options={paths}
                  placeholder={t('review.optional')}
                />
              </Form.Item>
              <Form.Item
                label={t('review.note')}
                htmlFor={`note-${index}`}
                required={!isReject}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea
                  id={`note-${index}`}
                  value={line.note}
                  maxLength={500}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  onChange={(e) => set(index, { note: e.target.value })}
                />
              </Form.Item>
            </Card>
          );
        })}
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setLines((all) => [...all, {}])}>
            {t('review.addLine')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
