import { Alert, Button, Card, Progress, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, type ApiError } from '../api/client.ts';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

type SweepKind = 'dns' | 'footer' | 'registrar';
type SweepStatus = 'queued' | 'running' | 'done' | 'failed';
type Sweep = { id: string; kind: SweepKind; status: SweepStatus; total: number; done: number; findings: number; failed: number; closed: number; createdAt: string; finishedAt: string | null; error: string | null };
type KindState = { kind: SweepKind; isConfigured: boolean; setting: string | null };
type SweepPage = { items: Sweep[]; nextCursor: string | null; kinds: KindState[] };

const POLL_MS = 1000;
const STATUS_COLOURS: Record<SweepStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
/** Where a run's findings are: the dns sweep has one code; the others several (the queue shows all open ones). */
const FINDINGS_OF: Record<SweepKind, string> = { dns: '/compliance/findings?code=SHELL_SITE', footer: '/compliance/findings', registrar: '/compliance/findings' };

const isActive = (sweep: Sweep) => sweep.status === 'queued' || sweep.status === 'running';
const percentOf = (sweep: Sweep) => (sweep.status === 'done' ? 100 : sweep.total > 0 ? Math.floor((sweep.done / sweep.total) * 100) : 0);

/**
 * Sweep runs (DESIGN §5.9): a start button per kind (disabled, with the setting it lacks, when the kind cannot run
 * here), and the recent runs with a progress bar that follows a running sweep until it is done.
 */
export function ComplianceSweepsPage() {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState<SweepPage | null>(null);
  const [older, setOlder] = useState<Sweep[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState<SweepKind | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    call('GET /api/v1/compliance/sweeps')<SweepPage>({ query: { limit: 20 } })
      .then((loaded) => {
        if (!isCurrent) return;
        setPage(loaded);
        setError(null);
      })
      .catch((e: ApiError) => isCurrent && setError(e));
    return () => {
      isCurrent = false;
    };
  }, [round]);

  // While a run is queued or running, ask again every second.
  const hasActive = page?.items.some(isActive) ?? false;
  useEffect(() => {
    if (!hasActive) return;
    const timer = setTimeout(() => setRound((r) => r + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [hasActive, round]);

  async function start(kind: SweepKind) {
    setStarting(kind);
    try {
      await call('POST /api/v1/compliance/sweeps')({ body: { kind } });
      void message.success(t('sweeps.started'));
      setRound((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setStarting(null);
    }
  }

  async function loadMore() {
    const after = older.length ? undefined : page?.nextCursor;
    if (!after) return;
    const more = await call('GET /api/v1/compliance/sweeps')<SweepPage>({ query: { limit: 20, cursor: after } });
    setOlder(more.items);
  }

  const runs = [...(page?.items ?? []), ...older];
  return (
    <Card title={t('sweeps.nav')}>
      <Typography.Paragraph type="secondary">{t('sweeps.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={pick(error.bilingual)} />}
      <Space wrap style={{ marginBottom: 16 }}>
        {(page?.kinds ?? []).map((state) => {
          const reason = state.isConfigured ? null : state.setting ? t('sweeps.notConfigured', { setting: state.setting }) : t('sweeps.notBuilt');
          const running = page?.items.find((s) => s.kind === state.kind && isActive(s));
          const button = (
            <Button type="primary" disabled={!state.isConfigured} loading={starting === state.kind || Boolean(running)} onClick={() => void start(state.kind)} data-kind={state.kind}>
              {t('sweeps.start')} · {t(`sweeps.kind.${state.kind}` as MessageKey)}
            </Button>
          );
          return (
            <Space key={state.kind} orientation="vertical" size={2}>
              {reason ? <Tooltip title={reason}>{button}</Tooltip> : button}
              {reason && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {reason}
                </Typography.Text>
              )}
            </Space>
          );
        })}
      </Space>
      <Typography.Title level={5}>{t('sweeps.runs')}</Typography.Title>
      <Table
        rowKey="id"
        loading={!page && !error}
        dataSource={runs}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { title: t('sweeps.col.kind'), dataIndex: 'kind', render: (k: SweepKind) => t(`sweeps.kind.${k}` as MessageKey) },
          {
            title: t('sweeps.col.progress'),
            render: (_: unknown, s: Sweep) => (
              <Space orientation="vertical" size={0} style={{ minWidth: 220 }}>
                <Progress percent={percentOf(s)} status={s.status === 'failed' ? 'exception' : isActive(s) ? 'active' : 'success'} aria-label={`${s.kind} ${percentOf(s)}%`} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="sweep-count">
                  {s.done} / {s.total}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('sweeps.col.status'),
            dataIndex: 'status',
            render: (status: SweepStatus, s: Sweep) => (
              <Tooltip title={s.error ?? undefined}>
                <Tag color={STATUS_COLOURS[status]}>{t(`sweeps.status.${status}` as MessageKey)}</Tag>
              </Tooltip>
            ),
          },
          {
            title: t('sweeps.col.result'),
            render: (_: unknown, s: Sweep) => (
              <Space orientation="vertical" size={0}>
                <span>{t('sweeps.result', { findings: s.findings, closed: s.closed, failed: s.failed })}</span>
                {s.findings > 0 && <Link to={FINDINGS_OF[s.kind]}>{t('sweeps.openFindings')}</Link>}
              </Space>
            ),
          },
          { title: t('sweeps.col.startedAt'), dataIndex: 'createdAt', render: (d: string) => formatTime(d, lang) },
        ]}
      />
      {page?.nextCursor && !older.length && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()}>
          {t('sweeps.loadMore')}
        </Button>
      )}
    </Card>
  );
}
