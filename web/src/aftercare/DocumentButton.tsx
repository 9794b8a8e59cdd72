import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Bilingual } from '../api/client.ts';
import { useI18n } from '../lang.tsx';

/**
 * A provider document as a plain download link: the browser fetches the PDF with the session cookie and saves it, so
 * it can be printed, signed and uploaded (GET /api/v1/documents/{kind}).
 */
export function DocumentButton({ href, name, size }: { href: string; name: Bilingual; size?: 'small' | 'middle' }) {
  const { t, pick } = useI18n();
  return (
    <Button
      size={size}
      icon={<FilePdfOutlined />}
      href={href}
      download
      aria-label={t('aftercare.downloadOf', { name: pick(name) })}
      data-document={href.split('?')[0]?.split('/').pop()}
    >
      {pick(name)}
    </Button>
  );
}
