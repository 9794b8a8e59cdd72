import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Image, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call, urlOf, type Bilingual, type Finding } from '../api/client.ts';
import type { Material, PrecheckResult, SupplementItem } from '../api/types.ts';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import { DOCUMENT_FOR_MATERIAL } from '../../../src/rules/documents.ts';
import { DocumentButton } from '../aftercare/DocumentButton.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { ItemRow } from '../components/ItemRow.tsx';
import { PLACEHOLDER_IMAGE } from '../components/placeholder.ts';
import { bilingual } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { DateInput } from './Field.tsx';
import { describeTarget } from './fields.ts';

const MIN_BYTES = 200 * 1024;
const MAX_BYTES = 4 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/gif'];
export const ACCEPT = TYPES.join(',');

/** Checked in the browser first so a wrong file never waits for an upload; the server checks the bytes again. */
export function checkFile(file: File): Bilingual | null {
  if (!TYPES.includes(file.type)) return bilingual('materials.wrongType');
  if (file.size < MIN_BYTES) return bilingual('materials.tooSmall', { kb: Math.round(file.size / 1024) });
  if (file.size > MAX_BYTES) return bilingual('materials.tooLarge');
  return null;
}

type Requirement = PrecheckResult['materials'][number];
const keyOf = (kind: string, appliesTo?: string | null) => `${kind}:${appliesTo ?? ''}`;

/** Step 4: the checklist the pre-check derives from the draft and the province, with uploads and their findings. */
export function MaterialsStep({
  orderId,
  precheck,
  materials,
  findings,
  supplementItems = [],
  isReadOnly,
  onUploaded,
}: {
  orderId: string;
  precheck: PrecheckResult | null;
  materials: Material[];
  findings: Finding[];
  /** A reviewer may ask for a material the rules did not: it joins the checklist with the reviewer's note. */
  supplementItems?: SupplementItem[];
  isReadOnly: boolean;
  onUploaded(): void;
}) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [issuedOn, setIssuedOn] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  async function send(item: Requirement, file: File) {
    const key = keyOf(item.kind, item.appliesTo);
    const local = checkFile(file);
    if (local) return setProblems((p) => ({ ...p, [key]: [pick(local)] }));
    if (item.maxAgeDays && !issuedOn[key]) return setProblems((p) => ({ ...p, [key]: [t('materials.needIssuedOn')] }));
    setBusy(key);
    const form = new FormData();
    form.set('kind', item.kind);
    if (item.appliesTo) form.set('appliesTo', item.appliesTo);
    if (issuedOn[key]) form.set('issuedOn', issuedOn[key]);
    form.set('file', file);
    try {
      const stored = await call('POST /api/v1/orders/{id}/materials')<Material>({
        params: { id: orderId },
        body: form,
      });
      setProblems((p) => ({ ...p, [key]: (stored.findings ?? []).map((f) => pick(f.message)) }));
      message.success(t('materials.uploaded'));
      onUploaded();
    } catch (e) {
      const error = e as ApiError;
      const found = (error.details.findings ?? []).map((f) => pick(f.message));
      setProblems((p) => ({ ...p, [key]: found.length ? found : [pick(error.bilingual)] }));
    } finally {
      setBusy(null);
    }
  }

  const required: Requirement[] = [...(precheck?.materials ?? [])];
  for (const item of supplementItems) {
    if (!item.kind || required.some((r) => r.kind === item.kind)) continue;
    const kind = item.kind as Requirement['kind'];
    required.push({
      kind,
      reason: bilingual('materials.requested', { note: item.note }),
      provided: materials.some((m) => m.kind === kind),
    });
  }
  const providedCount = required.filter((item) => item.provided).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('materials.rules')} />
      {required.length > 0 && (
        <Progress
          percent={Math.round((providedCount / required.length) * 100)}
          format={() => t('materials.progress', { done: providedCount, total: required.length })}
          aria-label={t('materials.progress', { done: providedCount, total: required.length })}
        />
      )}
      <List
        bordered
        dataSource={required}
        locale={{ emptyText: t('materials.empty') }}
        renderItem={(item) => {
          const key = keyOf(item.kind, item.appliesTo);
          const index = materials.findLastIndex(
            (m) => m.kind === item.kind && (m.appliesTo ?? undefined) === (item.appliesTo ?? undefined),
          );
          const uploaded = index >= 0 ? materials[index] : undefined;
          const serverFindings = uploaded ? findings.filter((f) => f.path.startsWith(`materials[${index}]`)) : [];
          const name = pick(MATERIAL_NAMES[item.kind]);
          return (
            <List.Item>
              <ItemRow
                actions={
                  !isReadOnly && (
                    <FilePicker
                      accept={ACCEPT}
                      label={t('materials.uploadOf', { name })}
                      inputProps={{ 'data-material': key }}
                      icon={<UploadOutlined />}
                      loading={busy === key}
                      type={uploaded ? 'default' : 'primary'}
                      onFile={(file) => void send(item, file)}
                    >
                      {uploaded ? t('materials.replace') : t('materials.upload')}
                    </FilePicker>
                  )
                }
                media={
                  uploaded ? (
                    <Image
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      src={urlOf('GET /api/v1/orders/{id}/materials/{materialId}/file', {
                        id: orderId,
                        materialId: uploaded.id,
                      })}
                      fallback={PLACEHOLDER_IMAGE}
                      alt={name}
                    />
                  ) : (
                    <div
                      style={{
                        width: 72,
                        height: 72,
                        borderRadius: 4,
                        border: '1px dashed #d9d9d9',
                        background: '#fafafa',
                      }}
                      aria-hidden
                    />
                  )
                }
                title={
                  <Space wrap size={4}>
                    <span>{name}</span>
                    {item.appliesTo && (
                      <Typography.Text type="secondary">{describeTarget(item.appliesTo, lang)}</Typography.Text>
                    )}
                    {item.provided ? (
                      <Tag color="green">{t('materials.provided')}</Tag>
                    ) : (
                      <Tag color="orange">{t('materials.missing')}</Tag>
                    )}
                    {item.maxAgeDays && <Tag>{t('materials.maxAge', { days: item.maxAgeDays })}</Tag>}
                    {item.template && <Tag color="purple">{t('materials.template', { template: item.template })}</Tag>}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <span>{pick(item.reason)}</span>
                    {DOCUMENT_FOR_MATERIAL[item.kind] && (
                      // The letter this material is, filled in from the order: download, print, sign, upload.
                      <Space wrap size={4}>
                        <DocumentButton
                          size="small"
                          href={urlOf(
                            'GET /api/v1/documents/{kind}',
                            { kind: DOCUMENT_FOR_MATERIAL[item.kind]! },
                            { order: orderId, appliesTo: item.appliesTo },
                          )}
                          name={bilingual('aftercare.template')}
                        />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('aftercare.templateHelp')}
                        </Typography.Text>
                      </Space>
                    )}
                    {item.maxAgeDays && !isReadOnly && (
                      <label style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                        <span>{t('materials.issuedOn')}</span>
                        <div style={{ width: 180 }}>
                          <DateInput
                            value={issuedOn[key] ?? uploaded?.issuedOn ?? ''}
                            onChange={(value) => setIssuedOn((d) => ({ ...d, [key]: value }))}
                          />
                        </div>
                      </label>
                    )}
                    {uploaded && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {uploaded.file.format.toUpperCase()} · {Math.round(uploaded.file.bytes / 1024)} KB
                        {uploaded.file.width ? ` · ${uploaded.file.width}×${uploaded.file.height}` : ''}
                        {uploaded.issuedOn ? ` · ${t('materials.issuedOn')} ${uploaded.issuedOn}` : ''}
                      </Typography.Text>
                    )}
                    {[...(problems[key] ?? []), ...serverFindings.map((f) => pick(f.message))].map((p) => (
                      <Typography.Text key={p} type="danger" role="alert" style={{ display: 'block' }}>
                        {p}
                      </Typography.Text>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
