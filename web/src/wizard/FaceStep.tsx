import { CameraOutlined, MobileOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Image, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import type { FaceResult, Handoff, OrderView } from '../api/types.ts';
import { formatTime } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { ItemRow } from '../components/ItemRow.tsx';
import { describePath } from './fields.ts';
import { WebcamCapture } from './WebcamCapture.tsx';

type Person = { path: string; name: string };

/** The responsible persons of a draft: the subject leader and each service's own leader. */
export function responsiblePersons(draft: Record<string, unknown>): Person[] {
  const subject = (draft.subject ?? {}) as { leader?: { name?: string } };
  const list: Person[] = [{ path: 'subject.leader', name: subject.leader?.name ?? '' }];
  ((draft.services as { leader?: unknown }[] | undefined) ?? []).forEach((s, i) => {
    if (s.leader && typeof s.leader === 'object')
      list.push({ path: `services[${i}].leader`, name: (s.leader as { name?: string }).name ?? '' });
  });
  return list;
}

/** Step 5: each responsible person checks their own face — a photo, the computer's camera, or a phone by QR code. */
export function FaceStep({
  orderId,
  draft,
  order,
  isReadOnly,
  onVerified,
}: {
  orderId: string;
  draft: Record<string, unknown>;
  order: OrderView | null;
  isReadOnly: boolean;
  onVerified(): void;
}) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [handoff, setHandoff] = useState<Handoff | null | 'none'>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [camera, setCamera] = useState<Person | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    // The phone hand-off is optional: without it the QR card says so and the rest works.
    call('GET /api/v1/orders/{id}/handoff')<Handoff>({ params: { id: orderId } })
      .then((link) => setHandoff(link.qrSvgUrl ? link : 'none'))
      .catch(() => setHandoff('none'));
  }, [orderId]);

  async function verify(person: string, file: File) {
    setBusy(person);
    setProblem(null);
    const form = new FormData();
    form.set('person', person);
    form.set('file', file);
    try {
      const result = await call('POST /api/v1/orders/{id}/face-verifications')<FaceResult>({
        params: { id: orderId },
        body: form,
      });
      if (result.outcome === 'passed') message.success(t('face.passed'));
      else setProblem(result.outcome === 'failed' ? t('face.failed') : t('face.error'));
      onVerified();
    } catch (e) {
      const error = e as ApiError;
      setProblem([pick(error.bilingual), ...(error.details.fields ?? []).map((f) => pick(f.message))].join(' '));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={14}>
        <List
          bordered
          dataSource={responsiblePersons(draft)}
          renderItem={(p) => {
            const attempts = order?.faceVerifications.filter((f) => f.person === p.path) ?? [];
            const passed = attempts.find((f) => f.outcome === 'passed');
            return (
              <List.Item>
                <ItemRow
                  title={
                    <Space wrap>
                      {p.name || '—'}
                      {passed ? (
                        <Tag color="green" data-testid={`face-ok-${p.path}`}>
                          {t('face.verified')}
                        </Tag>
                      ) : (
                        <Tag color="orange">{t('face.pending')}</Tag>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      {describePath(p.path, lang)}
                      {passed && ` · ${formatTime(passed.at, lang)}`}
                      {!passed && attempts.length > 0 && ` · ${t('face.attempts', { n: attempts.length })}`}
                    </>
                  }
                  actions={
                    !isReadOnly && (
                      <>
                        <FilePicker
                          accept="image/*"
                          capture="user"
                          label={t('face.photoOf', { name: p.name || describePath(p.path, lang) })}
                          inputProps={{ 'data-face': p.path }}
                          icon={<UploadOutlined />}
                          loading={busy === p.path}
                          onFile={(file) => void verify(p.path, file)}
                        >
                          {t('face.upload')}
                        </FilePicker>
                        <Button icon={<CameraOutlined />} onClick={() => setCamera(p)}>
                          {t('face.camera')}
                        </Button>
                      </>
                    )
                  }
                />
              </List.Item>
            );
          }}
        />
        {problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem} />}
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('face.ownFace')} />
      </Col>
      <Col xs={24} md={10}>
        <Card
          size="small"
          title={
            <Space>
              <MobileOutlined />
              {t('face.phoneTitle')}
            </Space>
          }
        >
          {handoff === null && <Typography.Text type="secondary">{t('face.qrLoading')}</Typography.Text>}
          {handoff === 'none' && <Typography.Text type="secondary">{t('face.qrUnavailable')}</Typography.Text>}
          {handoff && handoff !== 'none' && (
            <Space orientation="vertical" align="center" style={{ width: '100%' }}>
              <Image src={handoff.qrSvgUrl} alt={t('face.qrAlt')} width={180} height={180} preview={false} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('face.qrHelp', { time: formatTime(handoff.expiresAt, lang) })}
              </Typography.Text>
              <Typography.Text copyable={{ text: handoff.url }} style={{ fontSize: 12 }}>
                {t('face.copyLink')}
              </Typography.Text>
            </Space>
          )}
        </Card>
      </Col>
      <WebcamCapture
        open={camera !== null}
        title={t('face.cameraTitle', { name: camera?.name || '' })}
        onClose={() => setCamera(null)}
        onCapture={(file) => {
          const person = camera!.path;
          setCamera(null);
          void verify(person, file);
        }}
      />
    </Row>
  );
}
