import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Grid, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { IssuedServiceCode, ListPage, ResourceView, ServiceCodeView } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, RESOURCE_KIND_NAMES, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { ResourcesAdmin } from './ResourcesAdmin.tsx';
import { Expiry } from './ResourcesExpiry.tsx';

const CODES_PAGE = 20;
type Problem = { code: string; zh: string; en: string };

/** The message to show for a refused call: the field's own message when the server names one, else the error's. */
const errorText = (error: ApiError) => error.details.fields?.[0]?.message ?? error.bilingual;

/** /resources: the applicant's service codes; an admin registers customers' resources there. */
export function ResourcesPage() {
  const { user } = useSession();
  return user?.role === 'admin' ? <ResourcesAdmin /> : <ApplicantResources />;
}

/**
 * 备案服务码: the applicant's resources bought here, whether each can issue filing service codes (and why not), a
 * button to issue one, and the codes issued with the order each is bound to.
 */
function ApplicantResources() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const isNarrow = !Grid.useBreakpoint().md;
  const [codesPage, setCodesPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [fresh, setFresh] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [codeErrors, setCodeErrors] = useState<Record<string, ApiError>>({});
  const resources = useLoad(
    () => call('GET /api/v1/resources')<ListPage<ResourceView>>({ query: { pageSize: 100 } }),
    [],
  );
  const codes = useLoad(
    () =>
      call('GET /api/v1/service-codes')<ListPage<ServiceCodeView>>({
        query: { page: codesPage, pageSize: CODES_PAGE },
      }),
    [codesPage],
  );

  const request = (resource: ResourceView) => {
    setBusy(resource.id);
    setErrors(({ [resource.id]: _, ...rest }) => rest);
    call('POST /api/v1/resources/{id}/service-codes')<IssuedServiceCode>({ params: { id: resource.id } })
      .then((issued) => {
        setFresh(issued.code);
        message.success(t('resources.issued', { code: issued.code }));
        setCodesPage(1);
        return Promise.all([resources.reload(), codes.reload()]);
      })
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
        setErrors((all) => ({ ...all, [resource.id]: error }));
      })
      .finally(() => setBusy(null));
  };

  const revoke = (code: string) => {
    setRevoking(code);
    setCodeErrors(({ [code]: _, ...rest }) => rest);
    return call('POST /api/v1/service-codes/{code}/revoke')<ServiceCodeView>({ params: { code }, body: {} })
      .then(() => {
        message.success(t('resources.revokedDone', { code }));
        return Promise.all([resources.reload(), codes.reload()]);
      })
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
        setCodeErrors((all) => ({ ...all, [code]: error }));
      })
      .finally(() => setRevoking(null));
  };

  const kindName = (r: ResourceView) => pick(RESOURCE_KIND_NAMES[r.kind] ?? r.kindName);
  const ips = (list: string[]) =>
    list.length ? (
      <Space orientation="vertical" size={0}>
        {list.map((ip) => (
          <Typography.Text key={ip} style={{ fontFamily: 'monospace' }}>
            {ip}
          </Typography.Text>
        ))}
      </Space>
    ) : (
      '—'
    );
  const eligibility = (r: ResourceView) =>
    r.eligibility.isEligible ? (
      <Tag color="green">{t('resources.eligible')}</Tag>
    ) : (
      <Space orientation="vertical" size={2}>
        <Tag color="red">{t('resources.notEligible')}</Tag>
        <Problems problems={r.eligibility.problems} id={`problems-${r.id}`} />
      </Space>
    );
  const counts = (r: ResourceView) =>
    r.eligibility.codes > 0 || r.codesIssued > 0
      ? t('resources.codesCount', {
          issued: r.codesIssued,
          total: Math.max(r.eligibility.codes, r.codesIssued),
          left: r.codesRemaining,
        })
      : '—';
  const action = (r: ResourceView) => {
    const isUsedUp = r.eligibility.isEligible && r.codesRemaining <= 0;
    const reason = !r.eligibility.isEligible
      ? t('resources.cannotRequest')
      : isUsedUp
        ? t('resources.usedUp', { total: r.eligibility.codes })
        : null;
    const error = errors[r.id];
    const reasonId = `request-reason-${r.id}`;
    return (
      <Space orientation="vertical" size={4} style={{ maxWidth: 320 }}>
        <Button
          type="primary"
          icon={<KeyOutlined />}
          disabled={reason !== null}
          loading={busy === r.id}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => request(r)}
          data-testid={`request-code-${r.label}`}
        >
          {t('resources.request')}
        </Button>
        {reason && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} id={reasonId}>
            {reason}
          </Typography.Text>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={pick(error.bilingual)}
            description={
              Array.isArray(error.details.problems) ? (
                <Problems problems={error.details.problems as Problem[]} />
              ) : undefined
            }
          />
        )}
      </Space>
    );
  };

  const codeText = (code: string) => (
    <Typography.Text
      copyable={{ text: code, tooltips: [t('common.copy'), t('common.copied')] }}
      style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      strong={code === fresh}
      data-testid="service-code"
    >
      {code}
    </Typography.Text>
  );
  const usage = (c: ServiceCodeView) =>
    c.revokedAt ? (
      <Tag>{t('resources.revoked')}</Tag>
    ) : c.boundOrder ? (
      <Space size={4} wrap>
        <Link to={`/orders/${c.boundOrder.id}`}>{t('resources.boundTo', { number: c.boundOrder.number })}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(STATUS_NAMES[c.boundOrder.status]) || c.boundOrder.status}
        </Typography.Text>
      </Space>
    ) : (
      <Tag color="blue">{t('resources.unused')}</Tag>
    );
  // An unused code that is still valid may be revoked by its owner; its place returns to the resource.
  const codeAction = (c: ServiceCodeView) => {
    const error = codeErrors[c.code];
    const canRevoke = !c.revokedAt && !c.boundOrder;
    if (!canRevoke && !error) return null;
    return (
      <Space orientation="vertical" size={4} style={{ maxWidth: 320 }}>
        {canRevoke && (
          <Popconfirm
            title={t('resources.revokeTitle')}
            description={<div style={{ maxWidth: 280 }}>{t('resources.revokeHelp')}</div>}
            okText={t('resources.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(c.code)}
          >
            <Button
              size="small"
              danger
              loading={revoking === c.code}
              aria-label={t('resources.revokeLabel', { code: c.code })}
              data-testid={`revoke-${c.code}`}
            >
              {t('resources.revoke')}
            </Button>
          </Popconfirm>
        )}
        {error && <Alert type="error" showIcon role="alert" title={pick(errorText(error))} />}
      </Space>
    );
  };
  const resourceOf = (c: ServiceCodeView) =>
    `${pick(RESOURCE_KIND_NAMES[c.resource.kind] ?? c.resource.name)} · ${c.resource.label}`;

  const items = resources.data?.items ?? [];
  const hasNone = !resources.isLoading && !resources.error && items.length === 0;
  const codesPagination = {
    current: codesPage,
    pageSize: CODES_PAGE,
    total: codes.data?.total ?? 0,
    onChange: setCodesPage,
    hideOnSinglePage: true,
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.resources')}>
        <Typography.Paragraph>{t('resources.intro')}</Typography.Paragraph>
        {resources.error && <Alert type="error" showIcon title={pick(resources.error.bilingual)} />}
        {hasNone ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Space orientation="vertical" size={4} style={{ maxWidth: 560 }}>
                <Typography.Text strong>{t('resources.empty')}</Typography.Text>
                <Typography.Text>{t('resources.emptyHelp')}</Typography.Text>
              </Space>
            }
            data-testid="resources-empty"
          />
        ) : isNarrow ? (
          // On a phone each resource is a small card instead of a table row: nothing scrolls sideways.
          <List
            loading={resources.isLoading}
            dataSource={items}
            aria-label={t('resources.title')}
            renderItem={(r) => (
              <List.Item>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong>{kindName(r)}</Typography.Text>
                  <Typography.Text>
                    {r.label} · {r.region}
                  </Typography.Text>
                  <Expiry resource={r} />
                  {ips(r.publicIps)}
                  {eligibility(r)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {counts(r)}
                  </Typography.Text>
                  {action(r)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table
            rowKey="id"
            loading={resources.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              // Kind and instance share a column, and the reasons wrap, so the row fits beside the menu at 1366 px.
              {
                title: `${t('resources.kind')} / ${t('resources.label')}`,
                key: 'kind',
                render: (_: unknown, r: ResourceView) => (
                  <Space orientation="vertical" size={0}>
                    {kindName(r)}
                    <Typography.Text type="secondary">{r.label}</Typography.Text>
                  </Space>
                ),
              },
              // Region and expiry share a column too.
              {
                title: `${t('resources.region')} / ${t('resources.expiry')}`,
                key: 'region',
                render: (_: unknown, r: ResourceView) => (
                  <Space orientation="vertical" size={0}>
                    {r.region}
                    <Expiry resource={r} />
                  </Space>
                ),
              },
              { title: t('resources.ips'), key: 'ips', render: (_: unknown, r: ResourceView) => ips(r.publicIps) },
              {
                title: t('resources.eligibility'),
                key: 'eligibility',
                width: 280,
                render: (_: unknown, r: ResourceView) => eligibility(r),
              },
              { title: t('resources.codes'), key: 'codes', render: (_: unknown, r: ResourceView) => counts(r) },
              {
                title: t('orders.actions'),
                key: 'action',
                width: 220,
                render: (_: unknown, r: ResourceView) => action(r),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('resources.codesTitle')}>
        {codes.error && <Alert type="error" showIcon title={pick(codes.error.bilingual)} />}
        {isNarrow ? (
          <List
            loading={codes.isLoading}
            dataSource={codes.data?.items ?? []}
            locale={{ emptyText: t('resources.noCodes') }}
            pagination={(codes.data?.total ?? 0) > CODES_PAGE ? { ...codesPagination, size: 'small' } : false}
            renderItem={(c) => (
              <List.Item>
                <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                  {codeText(c.code)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {resourceOf(c)} · {c.ips.join('、') || '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(c.issuedAt, lang)}
                  </Typography.Text>
                  {usage(c)}
                  {codeAction(c)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table
            rowKey="code"
            loading={codes.isLoading}
            dataSource={codes.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('resources.noCodes') }}
            pagination={codesPagination}
            columns={[
              { title: t('resources.code'), dataIndex: 'code', render: (code: string) => codeText(code) },
              {
                title: t('resources.resource'),
                key: 'resource',
                render: (_: unknown, c: ServiceCodeView) => resourceOf(c),
              },
              { title: t('resources.ips'), key: 'ips', render: (_: unknown, c: ServiceCodeView) => ips(c.ips) },
              {
                title: t('resources.issuedAt'),
                dataIndex: 'issuedAt',
                render: (v: string) => formatTime(v, lang),
              },
              { title: t('resources.usage'), key: 'usage', render: (_: unknown, c: ServiceCodeView) => usage(c) },
              {
                title: t('orders.actions'),
                key: 'action',
                render: (_: unknown, c: ServiceCodeView) => codeAction(c),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

/** The reasons a resource cannot issue codes, in the reader's language. */
function Problems({ problems, id }: { problems: Problem[]; id?: string }): ReactNode {
  const { pick } = useI18n();
  if (!problems.length) return null;
  return (
    <ul id={id} style={{ margin: 0, paddingInlineStart: 18, maxWidth: 360 }}>
      {problems.map((p) => (
        <li key={p.code}>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {pick(p)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
