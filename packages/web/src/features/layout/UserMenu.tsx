import { useState } from 'react';
import { Avatar, Dropdown, Modal, Space, Typography } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLabels, useLocale } from '../../i18n/locale';
import { useSession, useUser } from '../auth/session';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';

export function UserMenu({ compact }: { compact: boolean }) {
  const { m, lang, setLang } = useLocale();
  const labels = useLabels();
  const session = useSession();
  const user = useUser();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', disabled: true, label: <span>{labels.label('roles', user.role)}</span> },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{m.auth.changePassword}</span> },
            { key: 'lang', icon: <GlobalOutlined />, label: <span data-testid="menu-language">{m.header.language}</span> },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{m.header.logout}</span>, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'lang') setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN');
            if (key === 'logout') void session.signOut();
          },
        }}
      >
        <a data-testid="user-menu" style={{ display: 'inline-flex', alignItems: 'center' }} onClick={(e) => e.preventDefault()}>
          <Space size={6}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
            {!compact && <Typography.Text style={{ maxWidth: 140 }} ellipsis>{user.displayName}</Typography.Text>}
          </Space>
        </a>
      </Dropdown>
      <Modal open={changing} title={m.auth.changePassword} footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
        <ChangePasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </>
  );
}
