import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  PieChartOutlined,
  SwapOutlined,
  WarningOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  ControlOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ReadOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { useSession } from '../auth/session';

/** The feature a path belongs to, for the highlighted menu item. */
function selectedKey(pathname: string): string {
  const first = pathname.split('/').filter(Boolean);
  if (first[0] === 'admin') return `/admin/${first[1] ?? 'users'}`;
  if (first[0] === 'employment') return `/employment/${first[1] ?? 'ledger'}`;
  if (first[0] === 'policy') return `/policy/${first[1] ?? 'packs'}`;
  if (first[0] === 'monitoring') return `/monitoring/${first[1] ?? ''}`;
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
    {
      type: 'group',
      key: 'employment',
      label: m.menu.employment,
      children: [
        { key: '/employment/ledger', icon: <ProfileOutlined />, label: m.menu.labourLedger },
        { key: '/employment/zero-households', icon: <AlertOutlined />, label: m.menu.zeroHouseholds },
        { key: '/employment/figures', icon: <LineChartOutlined />, label: m.menu.employmentFigures },
        { key: '/training', icon: <ReadOutlined />, label: m.menu.training },
        { key: '/welfare-posts', icon: <IdcardOutlined />, label: m.menu.welfarePosts },
        { key: '/workshops', icon: <ToolOutlined />, label: m.menu.workshops },
        { key: '/job-openings', icon: <SolutionOutlined />, label: m.menu.jobOpenings },
      ],
    },
    ...(session.can('registry.read')
      ? [
          {
            type: 'group' as const,
            key: 'policy',
            label: m.menu.policy,
            children: [
              { key: '/policy/packs', icon: <FileProtectOutlined />, label: m.menu.policyPacks },
              { key: '/policy/coverage', icon: <FundOutlined />, label: m.menu.policyCoverage },
              { key: '/policy/entitlements', icon: <SafetyCertificateOutlined />, label: m.menu.entitlements },
              { key: '/policy/simulation', icon: <CalculatorOutlined />, label: m.menu.policySimulation },
            ],
          },
        ]
      : []),
    ...(session.can('registry.read')
      ? [
          {
            type: 'group' as const,
            key: 'monitoring',
            label: m.menu.monitoring,
            children: [
              { key: '/monitoring/warnings', icon: <WarningOutlined />, label: m.menu.monitoringWarnings },
              { key: '/monitoring/cases', icon: <FileSearchOutlined />, label: m.menu.monitoringCases },
              { key: '/monitoring/tasks', icon: <CarryOutOutlined />, label: m.menu.assistanceTasks },
              { key: '/monitoring/conversions', icon: <SwapOutlined />, label: m.menu.safetyNetConversions },
              { key: '/monitoring/figures', icon: <PieChartOutlined />, label: m.menu.monitoringFigures },
              { key: '/monitoring/settings', icon: <ControlOutlined />, label: m.menu.monitoringSettings },
            ],
          },
        ]
      : []),
    ...(session.can('import.run') || session.can('department_data.import') ? [{ key: '/imports', icon: <CloudUploadOutlined />, label: m.menu.imports }] : []),
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
