import { Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import { call } from '../api/client.ts';
import type { FiledSubjectSummary } from '../api/types.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatDate, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { ClaimFilingCard } from './ClaimFilingCard.tsx';

type FilingsPage = { items: FiledSubjectSummary[]; nextCursor: string | null };

/** The subjects this account has filed here (staff see all), newest first, a page at a time. */
export function FilingsPage() {
  const { t, pick, lang } = useI18n();
  const filings = useCursorPages((request) => call('GET /api/v1/filings')<FilingsPage>({ query: request }), []);

  const { user } = useSession();
  return (
    <>
      <Card title={t('nav.filings')}>
        <Table
          rowKey="number"
          loading={filings.isLoading}
          dataSource={filings.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: filings.error ? pick(filings.error.bilingual) : t('filed.empty') }}
          columns={[
            {
              title: t('filed.subjectNumber'),
              dataIndex: 'number',
              render: (n: string) => <Link to={`/filings/${encodeURIComponent(n)}`}>{n}</Link>,
            },
            { title: t('field.subject.name'), dataIndex: 'name' },
            {
              title: t('field.province'),
              dataIndex: 'province',
              render: (p: string) => {
                const info = PROVINCES[p as keyof typeof PROVINCES];
                return info ? (lang === 'zh' ? info.name : info.nameEn) : p;
              },
            },
            {
              title: t('filed.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'active' ? 'green' : 'default'}>{pick(STATUS_NAMES[s]) || s}</Tag>
              ),
            },
            { title: t('filed.approvedAt'), dataIndex: 'approvedAt', render: (v: string) => formatDate(v, lang) },
          ]}
        />
        {filings.hasMore && (
          <Button style={{ marginTop: 12 }} onClick={() => void filings.loadMore()} loading={filings.isLoading}>
            {t('filed.more')}
          </Button>
        )}
      </Card>
      {user?.role === 'applicant' && <ClaimFilingCard onClaimed={() => void filings.reload()} />}
    </>
  );
}
