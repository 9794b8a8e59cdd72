import { CopyOutlined, DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Dropdown, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import { FiledDocumentsCard } from '../aftercare/FiledDocumentsCard.tsx';
import { ApiError, call } from '../api/client.ts';
import type { FiledService, FiledSubject, Footer } from '../api/types.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { ACCESS_STATE_NAMES, formatDate, formatTime, KIND_NAMES, NATURE_NAMES, SERVICE_KIND_NAMES, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { OwnerFindingsCard, type ComplianceFinding, type ShellState } from './compliance-parts.tsx';

type OnFilingKind =
  | 'new_service_subject_here'
  | 'change_subject'
  | 'change_service'
  | 'change_access'
  | 'cancel_subject'
  | 'cancel_service'
  | 'cancel_access';

/** A filed subject (SPEC §7): its services and numbers, whether each is still connected here, and the footer code. */
export function FiledSubjectPage() {
  const { number = '' } = useParams();
  const state = useLoad(
    () => call('GET /api/v1/filings/{subjectNumber}')<FiledSubject>({ params: { subjectNumber: number } }),
    [number],
  );
  return <LoadedView state={state}>{(filed) => <FiledSubjectView filed={filed} />}</LoadedView>;
}

function FiledSubjectView({ filed }: { filed: FiledSubject }) {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [footers, setFooters] = useState<Record<number, Footer>>({});
  const province = PROVINCES[filed.province as keyof typeof PROVINCES];
  const isOwner = user?.role === 'applicant';
  /** Open findings and the shell notice, added to the filed subject by the compliance context. */
  const compliance = filed as FiledSubject & { findings?: ComplianceFinding[]; shell?: ShellState };

  useEffect(() => {
    void Promise.all(
      filed.services.map(async (s) => {
        try {
          return [
            s.seq,
            await call('GET /api/v1/filings/{subjectNumber}/footer')<Footer>({
              params: { subjectNumber: filed.number },
              query: { service: s.seq },
            }),
          ] as const;
        } catch {
          return null; // staff may not read the footer; the column stays empty
        }
      }),
    ).then((entries) => setFooters(Object.fromEntries(entries.filter((e) => e !== null))));
  }, [filed]);

  async function open(kind: OnFilingKind, service?: FiledService) {
    try {
      const created = await call('POST /api/v1/filings/{subjectNumber}/orders')<{ id: string }>({
        params: { subjectNumber: filed.number },
        body: { kind, services: service ? [service.number] : undefined },
      });
      navigate(`/orders/${created.id}/edit`);
    } catch (e) {
      message.error(pick((e as ApiError).bilingual));
    }
  }
  const confirm = (kind: OnFilingKind, service?: FiledService) =>
    kind.startsWith('cancel')
      ? modal.confirm({
          title: t('filed.confirmTitle', { kind: pick(KIND_NAMES[kind]) }),
          content: t(kind === 'cancel_access' ? 'filed.cancelAccessHelp' : 'filed.cancelHelp'),
          okButtonProps: { danger: true },
          onOk: () => open(kind, service),
        })
      : void open(kind, service);

  const isNarrow = !Grid.useBreakpoint().md;
  /** The change / cancel menu of one filed service (the owner's, while the subject is active). */
  const serviceActions = (s: FiledService) =>
    isOwner && filed.status === 'active' ? (
      <Dropdown
        menu={{
          items: (['change_service', 'change_access', 'cancel_service', 'cancel_access'] as const).map((kind) => ({
            key: kind,
            label: pick(KIND_NAMES[kind]),
            danger: kind.startsWith('cancel'),
            onClick: () => confirm(kind, s),
          })),
        }}
      >
        <Button size="small" type="link">
          {t('filed.actions')} <DownOutlined />
        </Button>
      </Dropdown>
    ) : null;

  const copy = (text: string) =>
    navigator.clipboard
      ?.writeText(text)
      .then(() => message.success(t('common.copied')))
      .catch(() => message.error(t('common.copyFailed')));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={filed.name}
        extra={
          isOwner &&
          filed.status === 'active' && (
            <Dropdown
              menu={{
                items: (['new_service_subject_here', 'change_subject', 'cancel_subject'] as const).map((kind) => ({
                  key: kind,
                  label: pick(KIND_NAMES[kind]),
                  danger: kind.startsWith('cancel'),
                  onClick: () => confirm(kind),
                })),
              }}
            >
              <Button>
                {t('filed.actions')} <DownOutlined />
              </Button>
            </Dropdown>
          )
        }
      >
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'number',
              label: t('filed.subjectNumber'),
              children: <Typography.Text copyable>{filed.number}</Typography.Text>,
            },
            {
              key: 'status',
              label: t('filed.status'),
              children: (
                <Tag color={filed.status === 'active' ? 'green' : 'default'}>
                  {pick(STATUS_NAMES[filed.status]) || filed.status}
                </Tag>
              ),
            },
            { key: 'approved', label: t('filed.approvedAt'), children: formatDate(filed.approvedAt, lang) },
            ...(filed.leader
              ? [
                  {
                    key: 'leader',
                    label: t('filed.leader'),
                    children: [filed.leader.name, filed.leader.mobile].filter(Boolean).join(' · '),
                  },
                ]
              : []),
            ...(filed.mailingAddress
              ? [{ key: 'address', label: t('filed.mailingAddress'), children: filed.mailingAddress }]
              : []),
            {
              key: 'province',
              label: t('field.province'),
              children: province ? (lang === 'zh' ? province.name : province.nameEn) : filed.province,
            },
            {
              key: 'nature',
              label: t('field.subject.nature'),
              children: pick(NATURE_NAMES[filed.nature]) || filed.nature,
            },
          ]}
        />
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title={t('filed.footerRule')}
          description={
            <>
              {t(filed.footerRule?.shows === 'subject_number' ? 'filed.footerSubject' : 'filed.footerService')}
              {filed.footerRule?.copyrightLine && ` ${t('filed.footerCopyright')}`}
            </>
          }
        />
      </Card>
      <OwnerFindingsCard findings={compliance.findings ?? []} shell={compliance.shell} />
      <Card
        title={t('filed.services')}
        extra={
          (user?.role === 'compliance' || user?.role === 'admin') && (
            <Link to={`/compliance/filings/${encodeURIComponent(filed.number)}`}>{t('compliance.staffLink')}</Link>
          )
        }
      >
        {isNarrow ? (
          // On a phone the table would scroll sideways: each service becomes a stacked card.
          <List
            dataSource={filed.services}
            rowKey="number"
            data-testid="filed-services-cards"
            renderItem={(s) => (
              <List.Item>
                <Descriptions
                  size="small"
                  column={1}
                  title={<Typography.Text strong>{s.number}</Typography.Text>}
                  extra={serviceActions(s)}
                  items={[
                    { key: 'name', label: t('field.service.name'), children: s.name },
                    { key: 'kind', label: t('field.service.kind'), children: pick(SERVICE_KIND_NAMES[s.kind]) || s.kind },
                    { key: 'domain', label: t('field.domain.name'), children: s.domain ?? '—' },
                    {
                      key: 'access',
                      label: t('filed.access'),
                      children: (
                        <>
                          <Tag color={s.accessState === 'connected' ? 'green' : 'red'}>
                            {pick(ACCESS_STATE_NAMES[s.accessState]) || s.accessState}
                          </Tag>
                          {s.suspendedUntil && <Tag color="orange">{t('violations.suspendedUntil', { time: formatTime(s.suspendedUntil, lang) })}</Tag>}
                        </>
                      ),
                    },
                  ]}
                />
              </List.Item>
            )}
          />
        ) : (
        <Table
          rowKey="number"
          dataSource={filed.services}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('filed.serviceNumber'),
              dataIndex: 'number',
              render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
            },
            { title: t('field.service.name'), dataIndex: 'name' },
            {
              title: t('field.service.kind'),
              dataIndex: 'kind',
              render: (k: string) => pick(SERVICE_KIND_NAMES[k]) || k,
            },
            { title: t('field.domain.name'), dataIndex: 'domain', render: (d: string | null) => d ?? '—' },
            {
              title: t('aftercare.police.title'),
              render: (_: unknown, s: FiledService) =>
                s.kind === 'website' && s.accessState !== 'cancelled' ? (
                  <Link to={`/filings/${encodeURIComponent(filed.number)}/services/${s.seq}/police`}>{t('aftercare.police.guide')}</Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('filed.access'),
              key: 'accessState',
              render: (_: unknown, s: FiledService) => (
                <>
                  <Tag color={s.accessState === 'connected' ? 'green' : 'red'}>{pick(ACCESS_STATE_NAMES[s.accessState]) || s.accessState}</Tag>
                  {s.suspendedUntil && <Tag color="orange">{t('violations.suspendedUntil', { time: formatTime(s.suspendedUntil, lang) })}</Tag>}
                </>
              ),
            },
            ...(isOwner && filed.status === 'active'
              ? [
                  { title: t('orders.actions'), render: (_: unknown, s: FiledService) => serviceActions(s) },
                ]
              : []),
          ]}
        />
        )}
      </Card>
      <Card title={t('filed.footer')}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {filed.services.map((s) => {
            const footer = footers[s.seq];
            return (
              <div key={s.seq}>
                <Space wrap style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{s.number}</Typography.Text>
                  <Typography.Text type="secondary">{s.domain ?? s.name}</Typography.Text>
                </Space>
                {footer ? (
                  <>
                    <pre
                      data-testid={`footer-${s.seq}`}
                      style={{
                        margin: 0,
                        padding: '8px 12px',
                        background: '#f6f8fa',
                        border: '1px solid #e8e8e8',
                        borderRadius: 4,
                        whiteSpace: 'pre-wrap',
                        wordBreak: 'break-all',
                        fontSize: 12,
                      }}
                    >
                      {footer.html}
                    </pre>
                    <Space wrap style={{ marginTop: 8 }}>
                      <Button
                        size="small"
                        icon={<CopyOutlined />}
                        aria-label={t('filed.copyFooter', { number: s.number })}
                        data-testid={`copy-footer-${s.seq}`}
                        onClick={() => void copy(footer.html)}
                      >
                        {t('common.copy')}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('filed.preview')}：
                      </Typography.Text>
                      {/* The footer HTML is built and escaped by the server (src/rules/numbering.ts). */}
                      <span style={{ fontSize: 12 }} dangerouslySetInnerHTML={{ __html: footer.html }} />
                    </Space>
                  </>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                )}
              </div>
            );
          })}
        </Space>
      </Card>
      <FiledDocumentsCard filed={filed} />
      <Card title={t('filed.next')}>
        <Typography.Paragraph>{t('filed.footerDue')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('filed.police')} <Link to="/faq">{t('nav.faq')}</Link>
        </Typography.Paragraph>
        {isOwner && filed.status === 'active' && (
          <Typography.Paragraph>
            {t('aftercare.licence.intro')}{' '}
            <Link to={`/filings/${encodeURIComponent(filed.number)}/commercial-licence`}>{t('aftercare.licence.entry')}</Link>
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
