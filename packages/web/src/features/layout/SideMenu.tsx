import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { useSession } from '../auth/session';

/** The feature a path belongs to, for the highlighted menu item. */
function selectedKey(pathname: string): string {
  const first = pathname.split('/').filter(Boolean);
  if (first[0] === 'admin') return `/admin/${first[1] ?? 'users'}`;
  return first[0] ? `/${first[0]}` : '/';
}

export function SideMenu({ onNavigate, theme = 'dark' }: { onNavigate?: () => void; theme?: 'dark' | 'light' }) {
  const m = useMessages();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  const admin: NonNullable<MenuProps['items']> = [];
  if (session.can('users.manage')) admin.push({ key: '/admin/users', icon: <UserOutlined />, label: m.menu.users });
  if (session.can('audit.read')) admin.push({ key: '/admin/audit', icon: <AuditOutlined />, label: m.menu.audit });

  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: m.menu.dashboard },
    {
      type: 'group',
      key: 'registry',
      label: m.menu.registry,
      children: [
        { key: '/sites', icon: <EnvironmentOutlined />, label: m.menu.sites },
        { key: '/households', icon: <HomeOutlined />, label: m.menu.households },
        { key: '/persons', icon: <TeamOutlined />, label: m.menu.persons },
        { key: '/employers', icon: <ShopOutlined />, label: m.menu.employers },
      ],
    },
    ...(session.can('import.run') ? [{ key: '/imports', icon: <CloudUploadOutlined />, label: m.menu.imports }] : []),
    ...(admin.length ? [{ key: 'admin', icon: <SettingOutlined />, label: m.menu.admin, children: admin }] : []),
  ];

  return (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      defaultOpenKeys={['admin']}
      data-testid="side-menu"
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

export const BrandIcon = BankOutlined;
