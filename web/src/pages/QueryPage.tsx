import { Alert, Card, Descriptions, Grid, Input, List, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { PublicFiling } from '../api/types.ts';
import { useI18n } from '../lang.tsx';

type By = 'domain' | 'number' | 'unit';

/** What the user typed decides the default criterion: a number has "ICP备", a name has Chinese and no dot. */
export function guessCriterion(q: string): By {
  if (/ICP[备证]|B2-/.test(q)) return 'number';
  if (/[\u4e00-\u9fff]/.test(q) && !/\./.test(q)) return 'unit';
  return 'domain';
}

/** The public filing query (DESIGN §5.4): by domain, number or organisation, shaped as the national query shows it. */
export function QueryPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [by, setBy] = useState<By>(() => (params.get('by') as By | null) ?? guessCriterion(q));
  const [text, setText] = useState(q);
  const [items, setItems] = useState<PublicFiling[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(false);
  const isNarrow = !Grid.useBreakpoint().md;

  useEffect(() => {
    setText(q);
    if (!q) return setItems(null);
    let isCurrent = true;
    setLoading(true);
    setError(null);
    call('GET /api/v1/public/filings')<{ items: PublicFiling[] }>({ query: { [by]: q } })
      .then((r) => isCurrent && setItems(r.items))
      .catch((e: ApiError) => {
        if (!isCurrent) return;
        setItems(null);
        setError(e);
      })
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [q, by]);

  const search = (value: string) => {
    const trimmed = value.trim();
    if (!trimmed) return;
    const next = params.get('by') ? by : guessCriterion(trimmed);
    setBy(next);
    setParams({ q: trimmed });
  };

  return (
    <Card title={t('nav.query')}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('query.help')}
        </Typography.Paragraph>
        <Radio.Group
          value={by}
          onChange={(e) => {
            setBy(e.target.value);
            setParams(q ? { q, by: e.target.value } : { by: e.target.value });
          }}
          optionType="button"
          aria-label={t('query.by')}
          options={[
            { value: 'domain', label: t('query.byDomain') },
            { value: 'number', label: t('query.byNumber') },
            { value: 'unit', label: t('query.byUnit') },
          ]}
        />
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t(`query.placeholder.${by}`)}
          enterButton={t('query.search')}
          aria-label={t('nav.query')}
          loading={isLoading}
          onSearch={search}
        />
        {by === 'unit' && (
          <Typography.Text type="secondary" data-testid="unit-hint">
            {t('journey.query.unitHint')}
          </Typography.Text>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={pick(error.bilingual)}
            description={error.details.fields?.map((f) => pick(f.message)).join('；')}
          />
        )}
        {items && isNarrow && (
          // On a phone a seven-column table hides the number off-screen; each result becomes a small card instead.
          <List
            dataSource={items}
            locale={{ emptyText: t('query.none') }}
            rowKey={(r) => r.serviceLicence}
            renderItem={(r) => (
              <List.Item>
                <Descriptions
                  size="small"
                  column={1}
                  title={r.domain}
                  extra={
                    <Tag
                      color={r.limitAccess === '否' ? 'green' : 'orange'}
                    >{`${t('query.col.limitAccess')}：${r.limitAccess}`}</Tag>
                  }
                  items={[
                    {
                      key: 'serviceLicence',
                      label: t('query.col.serviceLicence'),
                      children: <Typography.Text strong>{r.serviceLicence}</Typography.Text>,
                    },
                    { key: 'unit', label: t('query.col.unit'), children: r.unitName },
                    { key: 'nature', label: t('query.col.nature'), children: r.natureName },
                    { key: 'serviceName', label: t('query.col.serviceName'), children: r.serviceName },
                    { key: 'updated', label: t('query.col.updated'), children: r.updateRecordTime },
                  ]}
                />
              </List.Item>
            )}
          />
        )}
        {items && !isNarrow && (
          <Table
            rowKey={(r) => r.serviceLicence}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('query.none') }}
            columns={[
              { title: t('query.col.domain'), dataIndex: 'domain' },
              { title: t('query.col.unit'), dataIndex: 'unitName' },
              { title: t('query.col.nature'), dataIndex: 'natureName' },
              {
                title: t('query.col.serviceLicence'),
                dataIndex: 'serviceLicence',
                render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
              },
              { title: t('query.col.serviceName'), dataIndex: 'serviceName' },
              {
                title: t('query.col.limitAccess'),
                dataIndex: 'limitAccess',
                render: (v: string) => <Tag color={v === '否' ? 'green' : 'orange'}>{v}</Tag>,
              },
              { title: t('query.col.updated'), dataIndex: 'updateRecordTime' },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
