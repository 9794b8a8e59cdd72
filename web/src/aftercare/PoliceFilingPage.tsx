import { CopyOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Grid, Input, Progress, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { Footer } from '../api/types.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { DateInput } from '../wizard/Field.tsx';
import { DocumentButton } from './DocumentButton.tsx';
import type { GuideField, PoliceGuide } from './types.ts';

const SECTIONS: GuideField['section'][] = ['access', 'registrar', 'site', 'server', 'support'];
const STATUS_COLOURS: Record<PoliceGuide['status'], string> = { not_launched: 'default', open: 'blue', overdue: 'red', recorded: 'green' };

/** The police filing guide of one filed website (SPEC §9): the clock, what to record, and every value to copy. */
export function PoliceFilingPage() {
  const { number = '', service = '' } = useParams();
  const state = useLoad(
    () =>
      call('GET /api/v1/filings/{subjectNumber}/services/{serviceNumber}/police-filing')<PoliceGuide>({
        params: { subjectNumber: number, serviceNumber: service },
      }),
    [number, service],
  );
  return <LoadedView state={state}>{(guide) => <GuideView guide={guide} reload={state.reload} />}</LoadedView>;
}

function GuideView({ guide, reload }: { guide: PoliceGuide; reload(): Promise<void> }) {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const isOwner = user?.role === 'applicant';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {t('aftercare.police.titleOf', { name: guide.serviceName })}
          </Typography.Title>
        }
        extra={<Link to={`/filings/${encodeURIComponent(guide.subjectNumber)}`}>{t('aftercare.police.back')}</Link>}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{guide.serviceNumber}</Typography.Text>
            {guide.domain && <Typography.Text>{guide.domain}</Typography.Text>}
            <Tag color={STATUS_COLOURS[guide.status]} data-testid="police-status">
              {t(`aftercare.police.status.${guide.status}` as MessageKey)}
            </Tag>
          </Space>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('aftercare.police.intro')}</Typography.Paragraph>
          {guide.warnings.map((w) => (
            <Alert key={w.code} type={w.code === 'DEMO_PROVIDER_FACTS' ? 'warning' : 'info'} showIcon title={pick(w.message)} />
          ))}
          <div>
            <Button type="primary" icon={<ExportOutlined />} href={guide.platformUrl} target="_blank" rel="noopener noreferrer">
              {t('aftercare.police.openPlatform')}
            </Button>
          </div>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ClockCard guide={guide} />
        </Col>
        <Col xs={24} lg={12}>
          {isOwner && <RecordCard guide={guide} onSaved={reload} />}
        </Col>
      </Row>
      <GuideCard guide={guide} />
      <FooterCard guide={guide} />
      <Card title={t('aftercare.police.documents')}>
        <Typography.Paragraph type="secondary">{t('aftercare.police.documentsHelp')}</Typography.Paragraph>
        <Space wrap>
          {guide.documents.map((d) => (
            <DocumentButton key={d.kind} href={d.href} name={d.name} />
          ))}
        </Space>
      </Card>
    </Space>
  );
}

function ClockCard({ guide }: { guide: PoliceGuide }) {
  const { t, lang } = useI18n();
  if (!guide.launchedOn || !guide.dueOn) {
    return (
      <Card title={t('aftercare.police.clock')} style={{ height: '100%' }}>
        <Typography.Paragraph>{t('aftercare.police.notLaunched')}</Typography.Paragraph>
      </Card>
    );
  }
  const left = guide.daysLeft;
  const elapsed = left === null ? 30 : Math.min(30, Math.max(0, 30 - left));
  return (
    <Card title={t('aftercare.police.clock')} style={{ height: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'launched', label: t('aftercare.police.launchedOn'), children: guide.launchedOn },
          { key: 'due', label: t('aftercare.police.dueOn'), children: guide.dueOn },
        ]}
      />
      {left !== null && (
        <Progress
          percent={Math.round((elapsed / 30) * 100)}
          status={left < 0 ? 'exception' : left <= 3 ? 'active' : 'normal'}
          format={() => (left >= 0 ? t('aftercare.police.daysLeft', { n: left }) : t('aftercare.police.daysOver', { n: -left }))}
          aria-label={left >= 0 ? t('aftercare.police.daysLeft', { n: left }) : t('aftercare.police.daysOver', { n: -left })}
          data-testid="police-clock"
        />
      )}
      {guide.reminders.length > 0 && (
        <>
          <Typography.Text strong>{t('aftercare.police.reminders')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {guide.reminders.map((r) => (
              <li key={r.day}>
                {t('aftercare.police.reminder', { day: r.day, at: formatTime(r.at, lang) })} ·{' '}
                {t(`aftercare.police.reminder.${r.state}` as MessageKey)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

type RecordValues = { launchedOn: string; policeNumber: string };

function RecordCard({ guide, onSaved }: { guide: PoliceGuide; onSaved(): Promise<void> }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [isBusy, setBusy] = useState(false);
  const launchedOn = Form.useWatch('launchedOn', form);

  async function save(values: RecordValues) {
    setBusy(true);
    form.setFields([
      { name: 'launchedOn', errors: [] },
      { name: 'policeNumber', errors: [] },
    ]);
    try {
      await call('PUT /api/v1/filings/{subjectNumber}/services/{serviceNumber}/police-filing')({
        params: { subjectNumber: guide.subjectNumber, serviceNumber: guide.serviceNumber },
        body: { launchedOn: values.launchedOn, ...(values.policeNumber ? { policeNumber: values.policeNumber } : {}) },
      });
      message.success(t('aftercare.police.saved'));
      await onSaved();
    } catch (e) {
      const error = e as ApiError;
      const fields = (error.details.fields ?? []).map((f) => ({
        name: f.path.replace(/^body\./, '') as keyof RecordValues,
        errors: [pick(f.message)],
      }));
      const known = fields.filter((f) => f.name === 'launchedOn' || f.name === 'policeNumber');
      if (known.length) form.setFields(known);
      else message.error(pick(error.bilingual));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('aftercare.police.record')} style={{ height: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ launchedOn: guide.launchedOn ?? '', policeNumber: guide.policeNumber ?? '' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="launchedOn"
          label={t('aftercare.police.launchedOn')}
          htmlFor="police-launched-on"
          extra={t('aftercare.police.launchedOnHelp')}
          rules={[{ required: true, message: t('aftercare.police.launchedOnHelp') }]}
        >
          <DateInput id="police-launched-on" value={launchedOn} onChange={(value) => form.setFieldValue('launchedOn', value)} />
        </Form.Item>
        <Form.Item name="policeNumber" label={t('aftercare.police.policeNumber')} htmlFor="police-number" extra={t('aftercare.police.policeNumberHelp')}>
          <Input id="police-number" inputMode="numeric" autoComplete="off" placeholder="33010602012345" maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t('aftercare.police.save')}
        </Button>
      </Form>
    </Card>
  );
}

function GuideCard({ guide }: { guide: PoliceGuide }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  // On a phone the label sits above its value, so long values keep the whole width.
  const isNarrow = !Grid.useBreakpoint().md;
  const copy = (text: string) =>
    navigator.clipboard
      ?.writeText(text)
      .then(() => message.success(t('common.copied')))
      .catch(() => message.error(t('common.copyFailed')));
  return (
    <Card title={t('aftercare.police.guide')}>
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <Space wrap size={4}>
          {/* The national platform's own words (二级/三级) are what the owner picks there; English adds the number. */}
          <Tag>{t('aftercare.police.level', { level: `${lang === 'en' ? `${guide.level} ` : ''}${guide.level === 2 ? '二级' : '三级'}` })}</Tag>
          {guide.wanganCode && <Tag>{t('aftercare.police.wangan', { code: guide.wanganCode })}</Tag>}
        </Space>
        {SECTIONS.map((section) => {
          const fields = guide.fields.filter((f) => f.section === section);
          if (fields.length === 0) return null;
          return (
            <section key={section} aria-labelledby={`guide-${section}`}>
              <Typography.Title level={2} id={`guide-${section}`} style={{ fontSize: 16 }}>
                {t(`aftercare.police.section.${section}` as MessageKey)}
              </Typography.Title>
              <Descriptions
                bordered
                size="small"
                column={1}
                layout={isNarrow ? 'vertical' : 'horizontal'}
                styles={isNarrow ? undefined : { label: { width: '34%', minWidth: 110 } }}
                items={fields.map((f) => ({
                  key: f.name,
                  label: pick(f.label),
                  children: (
                    <div data-field={f.name}>
                      <Space wrap size={4} style={{ width: '100%' }}>
                        {f.value ? (
                          <Typography.Text strong style={{ wordBreak: 'break-all' }} data-value>
                            {f.value}
                          </Typography.Text>
                        ) : (
                          <Typography.Text type="secondary">{t('aftercare.police.noValue')}</Typography.Text>
                        )}
                        {f.value && (
                          <Button
                            size="small"
                            type="text"
                            icon={<CopyOutlined />}
                            aria-label={t('aftercare.police.copyValue', { label: pick(f.label) })}
                            onClick={() => void copy(f.value!)}
                          />
                        )}
                      </Space>
                      <div style={{ fontSize: 12 }}>
                        <Typography.Text type="secondary">
                          <Tag style={{ marginInlineEnd: 4 }}>{t(`aftercare.source.${f.source}` as MessageKey)}</Tag>
                          {t('aftercare.police.source', { note: pick(f.sourceNote) })}
                        </Typography.Text>
                      </div>
                      {f.hint && (
                        <div style={{ fontSize: 12 }}>
                          <Typography.Text type="secondary">{pick(f.hint)}</Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                }))}
              />
            </section>
          );
        })}
      </Space>
    </Card>
  );
}

function FooterCard({ guide }: { guide: PoliceGuide }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [footer, setFooter] = useState<Footer | null>(null);
  useEffect(() => {
    call('GET /api/v1/filings/{subjectNumber}/footer')<Footer>({
      params: { subjectNumber: guide.subjectNumber },
      query: { service: guide.serviceSeq },
    })
      .then(setFooter)
      .catch(() => setFooter(null)); // staff may not read the footer
  }, [guide.subjectNumber, guide.serviceSeq, guide.policeNumber]);
  if (!footer) return null;
  return (
    <Card title={t('aftercare.police.footer')}>
      <Typography.Paragraph type="secondary">{t('aftercare.police.footerHelp')}</Typography.Paragraph>
      {guide.footerCheckedFrom && (
        <Typography.Paragraph data-testid="police-footer-checked-from">{t('aftercare.police.footerCheckedFrom', { date: formatTime(guide.footerCheckedFrom, lang) })}</Typography.Paragraph>
      )}
      <pre
        data-testid="police-footer"
        style={{ margin: 0, padding: '8px 12px', background: '#f6f8fa', border: '1px solid #e8e8e8', borderRadius: 4, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}
      >
        {footer.html}
      </pre>
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          size="small"
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(footer.html)
              .then(() => message.success(t('common.copied')))
              .catch(() => message.error(t('common.copyFailed')))
          }
        >
          {t('common.copy')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('filed.preview')}：
        </Typography.Text>
        {/* Built and escaped by the server (src/rules/numbering.ts). */}
        <span style={{ fontSize: 12 }} dangerouslySetInnerHTML={{ __html: footer.html }} />
      </Space>
    </Card>
  );
}
