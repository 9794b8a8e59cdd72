import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Card, Input, List, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import { ApiError, call } from '../api/client.ts';
import type { FaceResult, HandoffView } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { useI18n } from '../lang.tsx';
import { describePath, describeTarget } from '../wizard/fields.ts';
import { ACCEPT, checkFile } from '../wizard/MaterialsStep.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { ItemRow } from '../components/ItemRow.tsx';

/** The phone page a QR code opens: one order's face checks and uploads, no login (the signed link is the key). */
export function MobileHandoffPage() {
  const { token = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const state = useLoad(() => call('GET /api/v1/handoff/{token}')<HandoffView>({ params: { token } }), [token]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [issuedOn, setIssuedOn] = useState<Record<string, string>>({});

  async function send(
    key: string,
    target: 'materials' | 'face-verifications',
    fields: Record<string, string>,
    file: File,
  ) {
    if (target === 'materials') {
      const local = checkFile(file);
      if (local) return setProblem(pick(local));
      if (fields.needsDate && !issuedOn[key]) return setProblem(t('materials.needIssuedOn'));
      delete fields.needsDate;
      if (issuedOn[key]) fields.issuedOn = issuedOn[key];
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('file', file);
    setBusy(key);
    setProblem(null);
    try {
      if (target === 'materials')
        await call('POST /api/v1/handoff/{token}/materials')({ params: { token }, body: form });
      else {
        const result = await call('POST /api/v1/handoff/{token}/face-verifications')<FaceResult>({
          params: { token },
          body: form,
        });
        if (result.outcome !== 'passed') setProblem(result.outcome === 'failed' ? t('face.failed') : t('face.error'));
      }
      message.success(t('materials.uploaded'));
      void state.reload();
    } catch (e) {
      const error = e as ApiError;
      setProblem([pick(error.bilingual), ...(error.details.findings ?? []).map((f) => pick(f.message))].join(' '));
    } finally {
      setBusy(null);
    }
  }

  if (state.error) {
    return (
      <Result
        status="warning"
        title={t('mobile.linkProblem')}
        subTitle={pick(state.error.details.fields?.[0]?.message ?? state.error.bilingual)}
      />
    );
  }
  const data = state.data;
  if (!data) return null;
  const done = data.persons.every((p) => p.isVerified) && data.materials.every((m) => m.provided);
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 560, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={4} style={{ marginBottom: 0 }}>
        {t('mobile.title', { number: data.orderNumber })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('mobile.help')}</Typography.Text>
      {done && <Alert type="success" showIcon title={t('mobile.done')} />}
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
      <Card size="small" title={t('mobile.faceTitle')}>
        <List
          dataSource={data.persons}
          renderItem={(p) => (
            <List.Item>
              <ItemRow
                actions={
                  <FilePicker
                    key="face"
                    accept="image/*"
                    capture="user"
                    label={t('face.photoOf', { name: p.name || p.path })}
                    inputProps={{ 'data-face': p.path }}
                    icon={<CameraOutlined />}
                    loading={busy === `face:${p.path}`}
                    type={p.isVerified ? 'default' : 'primary'}
                    onFile={(file) => void send(`face:${p.path}`, 'face-verifications', { person: p.path }, file)}
                  >
                    {p.isVerified ? t('mobile.retake') : t('mobile.takeFace')}
                  </FilePicker>
                }
                title={
                  <Space wrap size={4}>
                    {p.name}
                    {p.isVerified ? (
                      <Tag color="green">{t('face.verified')}</Tag>
                    ) : (
                      <Tag color="orange">{t('face.pending')}</Tag>
                    )}
                  </Space>
                }
                description={describePath(p.path, lang)}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('mobile.materialsTitle')}>
        <List
          dataSource={data.materials}
          renderItem={(m) => {
            const key = `${m.kind}:${m.appliesTo ?? ''}`;
            const isDone =
              m.provided ||
              data.uploaded.some((u) => u.kind === m.kind && (u.appliesTo ?? undefined) === (m.appliesTo ?? undefined));
            return (
              <List.Item>
                <ItemRow
                  actions={
                    <FilePicker
                      key="material"
                      accept={ACCEPT}
                      capture="environment"
                      label={t('materials.uploadOf', { name: pick(MATERIAL_NAMES[m.kind]) })}
                      inputProps={{ 'data-material': key }}
                      loading={busy === key}
                      onFile={(file) =>
                        void send(
                          key,
                          'materials',
                          {
                            kind: m.kind,
                            ...(m.appliesTo ? { appliesTo: m.appliesTo } : {}),
                            ...(m.maxAgeDays ? { needsDate: '1' } : {}),
                          },
                          file,
                        )
                      }
                    >
                      {isDone ? t('mobile.retake') : t('mobile.photograph')}
                    </FilePicker>
                  }
                  title={
                    <Space wrap size={4}>
                      {pick(MATERIAL_NAMES[m.kind])}
                      {isDone ? (
                        <Tag color="green">{t('materials.provided')}</Tag>
                      ) : (
                        <Tag color="orange">{t('materials.missing')}</Tag>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      {m.appliesTo && <div>{describeTarget(m.appliesTo, lang)}</div>}
                      {pick(m.reason)}
                      {m.maxAgeDays && (
                        <label style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
                          <span>{t('materials.issuedOn')}</span>
                          <Input
                            type="date"
                            style={{ width: 170 }}
                            value={issuedOn[key] ?? ''}
                            onChange={(e) => setIssuedOn((d) => ({ ...d, [key]: e.target.value }))}
                          />
                        </label>
                      )}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}
