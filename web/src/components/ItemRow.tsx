import type { ReactNode } from 'react';

/** One line of a checklist: picture, title and text on the left, buttons on the right; wraps on a phone. */
export function ItemRow({
  media,
  title,
  description,
  actions,
}: {
  media?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, width: '100%' }}>
      {media && <div style={{ flex: 'none' }}>{media}</div>}
      <div style={{ flex: '1 1 240px', minWidth: 0 }}>
        <div style={{ fontWeight: 500, marginBottom: 4 }}>{title}</div>
        {description && <div style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{description}</div>}
      </div>
      {actions && <div style={{ flex: 'none', display: 'flex', flexWrap: 'wrap', gap: 8 }}>{actions}</div>}
    </div>
  );
}
