import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../lang.tsx';

/**
 * On a phone the left menu (or, logged out, the site links) opens from a button in the top bar, as Chinese cloud
 * consoles do: nothing overlaps the breadcrumb, and public pages get navigation too.
 */
export function PhoneMenu({ items, selected, label }: { items: MenuProps['items']; selected: string; label: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [isOpen, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('journey.menu')}
        aria-expanded={isOpen}
        aria-controls="phone-menu"
        data-testid="phone-menu-toggle"
        onClick={() => setOpen(true)}
        style={{ color: '#fff', flex: 'none' }}
      />
      <Drawer
        id="phone-menu"
        placement="left"
        size={264}
        open={isOpen}
        onClose={() => setOpen(false)}
        title={t('app.name')}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={label}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            onClick={() => setOpen(false)}
            style={{ borderInlineEnd: 0 }}
          />
        </nav>
      </Drawer>
    </>
  );
}
