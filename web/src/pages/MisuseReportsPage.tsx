import { Alert, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatTime } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

type Report = {
  id: string;
  reference: string;
  status: 'open' | 'answered';
  idNumber: string;
  subjectNumber: string | null;
  orderNumber: string | null;
  note: string;
  dueAt: string;
  isOverdue: boolean;
  answer: string | null;
};

/** Admin and compliance: the queue of "my ID was misused" reports, each with its 3-workday clock. */
export function MisuseReportsPage() {
  const { t, pick, lang } = useI18n();
  const reports = useCursorPages((request) => call('GET /api/v1/id-check/reports')<{ items: Report[]; nextCursor: string | null }>({ query: request }), []);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [answerError, setAnswerError] = useState<ApiError | null>(null);
  const error = answerError ?? reports.error;

  const answer = async (id: string) => {
    try {
      await call('POST /api/v1/id-check/reports/{id}/answer')({ params: { id }, body: { answer: answers[id] ?? '' } });
      await reports.reload();
    } catch (e) {
      setAnswerError(e as ApiError);
    }
  };

  return (
    <Card title={t('security.reports.title')}>
      {error && <Alert type="error" showIcon title={pick(error.bilingual)} style={{ marginBottom: 16 }} />}
      <List
        loading={reports.isLoading}
        locale={{ emptyText: t('security.reports.empty') }}
        dataSource={reports.items}
        renderItem={(report) => (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{report.reference}</Typography.Text>
                <span>{report.idNumber}</span>
                <span>
                  {t('security.reports.about')}: {report.subjectNumber ?? report.orderNumber ?? '—'}
                </span>
                {report.status === 'answered' ? (
                  <Tag color="green">{t('security.reports.answered')}</Tag>
                ) : report.isOverdue ? (
                  <Tag color="red">{t('security.reports.overdue')}</Tag>
                ) : (
                  <Tag color="blue">{t('security.reports.open')}</Tag>
                )}
                <span>
                  {t('security.reports.due')}: {formatTime(report.dueAt, lang)}
                </span>
              </Space>
              <Typography.Paragraph style={{ margin: 0 }}>{report.note}</Typography.Paragraph>
              {report.status === 'open' ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    aria-label={`${t('security.reports.answer')} ${report.reference}`}
                    placeholder={t('security.reports.answerPlaceholder')}
                    value={answers[report.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [report.id]: e.target.value })}
                    maxLength={500}
                  />
                  <Button type="primary" disabled={(answers[report.id] ?? '').trim().length < 2} onClick={() => void answer(report.id)}>
                    {t('security.reports.answer')}
                  </Button>
                </Space.Compact>
              ) : (
                <Typography.Text type="secondary">{report.answer}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {reports.hasMore && (
        <Button style={{ marginTop: 12 }} onClick={() => void reports.loadMore()}>
          {t('filed.more')}
        </Button>
      )}
    </Card>
  );
}
