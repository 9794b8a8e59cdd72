import { Card, Col, Empty, Progress, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { call } from '../api/client.ts';
import type { Stats } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';

const BLUE = '#1677ff';

/** Labelled bars from antd Progress: readable at any width, no chart library. */
function BarList({
  rows,
  colour = BLUE,
  label,
}: {
  rows: { label: string; value: number }[];
  colour?: string;
  label: string;
}) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const max = Math.max(...rows.map((r) => r.value), 1);
  return (
    <div role="list" aria-label={label}>
      {rows.map((r) => (
        <div
          key={r.label}
          role="listitem"
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(96px, 40%) 1fr',
            gap: 8,
            alignItems: 'center',
            marginBottom: 6,
          }}
        >
          <Typography.Text ellipsis={{ tooltip: r.label }}>{r.label}</Typography.Text>
          <Progress
            percent={(r.value / max) * 100}
            status="normal"
            strokeColor={colour}
            format={() => r.value}
            size="small"
            aria-label={`${r.label}: ${r.value}`}
          />
        </div>
      ))}
    </div>
  );
}

/** The width of an element, kept current: the SVG chart is drawn at real pixels so its text never stretches. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** New orders per day as columns in plain SVG. */
function DayColumns({ days, label }: { days: { day: string; count: number }[]; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 180;
  const bottom = 22;
  const max = Math.max(...days.map((d) => d.count), 1);
  const slot = days.length ? width / days.length : 0;
  const labelEvery = Math.max(1, Math.ceil(48 / Math.max(slot, 1)));
  return (
    <div ref={ref} style={{ width: '100%' }}>
      {days.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={`${label}: ${days.map((d) => `${d.day} ${d.count}`).join(', ')}`}
          >
            <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} stroke="#d9d9d9" />
            {days.map((d, i) => {
              const h = ((height - bottom - 16) * d.count) / max;
              const x = i * slot + slot * 0.15;
              return (
                <g key={d.day}>
                  <rect x={x} y={height - bottom - h} width={Math.max(slot * 0.7, 1)} height={h} fill={BLUE} rx={2} />
                  {d.count > 0 && slot >= 18 && (
                    <text
                      x={x + slot * 0.35}
                      y={height - bottom - h - 4}
                      fontSize={11}
                      textAnchor="middle"
                      fill="#595959"
                    >
                      {d.count}
                    </text>
                  )}
                  {i % labelEvery === 0 && (
                    <text x={x + slot * 0.35} y={height - 6} fontSize={11} textAnchor="middle" fill="#595959">
                      {d.day.slice(5)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )
      )}
    </div>
  );
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));
const DAY_MS = 86_400_000;

/** Every day of the period, the quiet ones as zero, so the chart reads as a time line. */
export function fillDays(
  byDay: { day: string; count: number }[],
  days: number,
  now: number,
): { day: string; count: number }[] {
  const counts = new Map(byDay.map((d) => [d.day, d.count]));
  const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  return Array.from({ length: days }, (_, i) => shanghai(now - (days - 1 - i) * DAY_MS)).map((day) => ({
    day,
    count: counts.get(day) ?? 0,
  }));
}

/** For admin, compliance and reviewers: throughput, review SLA and why orders are rejected. */
export function DashboardPage() {
  const { t, pick } = useI18n();
  const { clockOffsetMs } = useSession();
  const [days, setDays] = useState(30);
  const state = useLoad(() => call('GET /api/v1/stats/overview')<Stats>({ query: { days } }), [days]);
  const stats = state.data;
  const header = (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.dashboard')}
      </Typography.Title>
      <Segmented
        aria-label={t('dashboard.period')}
        value={days}
        onChange={(v) => setDays(Number(v))}
        options={[7, 30, 90].map((n) => ({ value: n, label: t('dashboard.days', { n }) }))}
      />
    </Space>
  );
  if (!stats) {
    return (
      <Card title={header}>
        <Empty description={state.isLoading ? t('common.loading') : t('dashboard.unavailable')} />
      </Card>
    );
  }
  const slaTotal = stats.reviewSla.met + stats.reviewSla.missed;
  const provider = percent(stats.providerReview.approvalRate);
  const regulator = percent(stats.regulator.approvalRate);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card>{header}</Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Space align="center" size="large">
              <Progress
                type="circle"
                size={72}
                percent={slaTotal ? Math.round((stats.reviewSla.met / slaTotal) * 100) : 0}
                format={(p) => (slaTotal ? `${p}%` : '—')}
                aria-label={t('dashboard.slaMet')}
              />
              <div>
                <Statistic title={t('dashboard.slaMet')} value={stats.reviewSla.met} suffix={`/ ${slaTotal}`} />
                <Typography.Text type={stats.reviewSla.missed ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {t('dashboard.slaMissed', { n: stats.reviewSla.missed })}
                </Typography.Text>
              </div>
            </Space>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Statistic
              title={t('dashboard.overdueNow')}
              value={stats.reviewSla.overdueNow}
              styles={{ content: { color: stats.reviewSla.overdueNow ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Typography.Text type="secondary">
              {t('dashboard.providerRate', { n: stats.providerReview.decided })}
            </Typography.Text>
            <Progress
              percent={provider ?? 0}
              success={{ percent: provider ?? 0 }}
              aria-label={t('dashboard.providerRate', { n: stats.providerReview.decided })}
              format={() => (provider === null ? '—' : `${provider}%`)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {provider === null ? '' : t('dashboard.rejectRate', { n: 100 - provider })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card style={{ height: '100%' }}>
            <Typography.Text type="secondary">
              {t('dashboard.regulatorRate', { n: stats.regulator.decided })}
            </Typography.Text>
            <Progress
              percent={regulator ?? 0}
              success={{ percent: regulator ?? 0 }}
              aria-label={t('dashboard.regulatorRate', { n: stats.regulator.decided })}
              format={() => (regulator === null ? '—' : `${regulator}%`)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {regulator === null ? '' : t('dashboard.rejectRate', { n: 100 - regulator })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dashboard.byDay')}>
            <DayColumns days={fillDays(stats.byDay, days, Date.now() + clockOffsetMs)} label={t('dashboard.byDay')} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.byStatus')} style={{ height: '100%' }}>
            <BarList
              label={t('dashboard.byStatus')}
              rows={stats.byStatus.map((s) => ({ label: pick(STATUS_NAMES[s.status]) || s.status, value: s.count }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.byProvince')} style={{ height: '100%' }}>
            <BarList
              label={t('dashboard.byProvince')}
              rows={stats.byProvince.map((p) => ({ label: p.name ?? '—', value: p.count }))}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dashboard.topReasons')}>
            <BarList
              label={t('dashboard.topReasons')}
              colour="#fa541c"
              rows={stats.topRejectionReasons.map((r) => ({ label: pick(r.title), value: r.count }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
