/** After an administrator's reset the server answers nothing else until the password is changed. */
import { Alert, Button, Card } from 'antd';
import { useLocale } from '../../i18n/locale';
import { usePageTitle } from '../../shared/use-page-title';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session';

export function ChangePasswordPage() {
  const { m } = useLocale();
  const session = useSession();
  usePageTitle(m.auth.mustChangeTitle);
  return (
    <div className="login-page">
      <div className="login-brand">
        <div className="login-logo">{m.app.name}</div>
        <div className="login-subtitle">{m.app.fullName}</div>
      </div>
      <Card className="login-card" title={m.auth.mustChangeTitle} extra={<Button type="link" onClick={() => void session.signOut()}>{m.header.logout}</Button>}>
        <Alert type="warning" showIcon title={m.auth.mustChangeHint} style={{ marginBottom: 16 }} data-testid="must-change-password" />
        <ChangePasswordForm onDone={session.passwordChanged} />
      </Card>
    </div>
  );
}
