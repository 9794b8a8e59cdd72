import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { call, type Bilingual } from '../api/client.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatTime } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

type Notice = {
  id: number;
  at: string;
  topic: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  read: boolean;
};

/** The signed-in user's in-app notices, newest first: the same news as the SMS and e-mail, kept in the console. */
export function NoticesPage() {
  const { t, pick, lang } = useI18n();
  const state = useCursorPages(
    ({ cursor, limit }) =>
      call('GET /api/v1/notices')<{ items: Notice[]; nextCursor: string | null }>({
        query: { limit, ...(cursor ? { cursor } : {}) },
      }),
    [],
  );
  async function markRead(items: Notice[]) {
    const newest = items[0];
    if (!newest) return;
    await call('POST /api/v1/notices/read')({ body: { upToId: newest.id } });
    await state.reload();
  }
  return (
    <Card
      title={t('notices.title')}
      extra={
        state.items.some((n) => !n.read) && (
          <Button size="small" onClick={() => void markRead(state.items)}>
            {t('notices.markRead')}
          </Button>
        )
      }
    >
      {state.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={pick(state.error.bilingual)} />}
      <List
        loading={state.isLoading && state.items.length === 0}
        dataSource={state.items}
        rowKey="id"
        locale={{ emptyText: t('notices.empty') }}
        renderItem={(n) => (
          <List.Item extra={n.link ? <Link to={n.link}>{t('notices.open')}</Link> : null}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{pick(n.title)}</Typography.Text>
                  {!n.read && <Tag color="blue">{t('notices.unread')}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(n.at, lang)}
                  </Typography.Text>
                </Space>
              }
              description={pick(n.body)}
            />
          </List.Item>
        )}
      />
      {state.hasMore && (
        <Button style={{ marginTop: 12 }} onClick={() => void state.loadMore()} loading={state.isLoading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
