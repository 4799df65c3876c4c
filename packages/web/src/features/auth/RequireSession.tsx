import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { loginPath, useSession } from './session';
import { ChangePasswordPage } from './ChangePasswordPage';

export function RequireSession({ children }: { children: ReactNode }) {
  const { status, info } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'anonymous') return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (info?.user.mustChangePassword) return <ChangePasswordPage />;
  return <>{children}</>;
}
