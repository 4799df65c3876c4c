/**
 * The frame of every signed-in page: side menu by feature (a drawer on phones), the division
 * switcher, the user menu, breadcrumbs.
 */
import { useState } from 'react';
import { Button, Drawer, Grid, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { DivisionTreeSelect } from '../../shared/DivisionTreeSelect';
import { Breadcrumbs } from './Breadcrumbs';
import { DivisionProvider, useDivision } from './division-context';
import { BrandIcon, SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

function DivisionSwitcher({ compact }: { compact: boolean }) {
  const { division, setDivision, home } = useDivision();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <DivisionTreeSelect
      testId="division-switcher"
      value={division}
      home={home}
      style={{ width: compact ? 150 : 260 }}
      onChange={(value) => {
        setDivision(value);
        // A list opened for another division (a drill-down link) follows the switcher.
        const params = new URLSearchParams(location.search);
        if (params.has('divisionCode')) {
          params.delete('divisionCode');
          params.delete('page');
          navigate({ pathname: location.pathname, search: params.toString() }, { replace: true });
        }
      }}
    />
  );
}

function Frame() {
  const m = useMessages();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [drawer, setDrawer] = useState(false);
  const navigate = useNavigate();
  const brand = (
    <div className="app-brand" onClick={() => navigate('/')}>
      <BrandIcon />
      <span>{m.app.name}</span>
    </div>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={208} theme="dark" style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          {brand}
          <SideMenu />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer open={drawer} placement="left" size={240} onClose={() => setDrawer(false)} styles={{ body: { padding: 0 } }} title={m.app.fullName}>
          <SideMenu theme="light" onNavigate={() => setDrawer(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {mobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={m.header.menu} data-testid="menu-toggle" />}
          {!mobile && <span className="app-header-title">{m.app.fullName}</span>}
          <div style={{ flex: 1 }} />
          <DivisionSwitcher compact={!screens.md} />
          <UserMenu compact={!screens.md} />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Breadcrumbs />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function AppLayout() {
  return (
    <DivisionProvider>
      <Frame />
    </DivisionProvider>
  );
}
