import { Space, Tag, Typography } from 'antd';
import type { ResourceView } from '../api/types.ts';
import { useI18n } from '../lang.tsx';

/** The date (YYYY-MM-DD) an instant falls on in Beijing, as the server judges a resource's expiry. */
export function beijingDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether the server found the resource expired (on its own clock): its problems name RESOURCE_EXPIRED. */
export const isExpired = (r: ResourceView) => r.eligibility.problems.some((p) => p.code === 'RESOURCE_EXPIRED');

/** A resource's expiry date, with 已过期 once the server says it has passed. */
export function Expiry({ resource }: { resource: ResourceView }) {
  const { t } = useI18n();
  if (!resource.expiresAt) return <Typography.Text type="secondary">{t('resources.noExpiry')}</Typography.Text>;
  return (
    // Date and tag stacked, so the column stays narrow.
    <Space orientation="vertical" size={2} align="start" data-testid={`expiry-${resource.label}`}>
      <Typography.Text type="secondary">
        {t('resources.expiresOn', { date: beijingDate(resource.expiresAt) })}
      </Typography.Text>
      {isExpired(resource) && <Tag color="red">{t('resources.expired')}</Tag>}
    </Space>
  );
}
