/**
 * Sign-in. The server gives one message for every failed login (unknown name, wrong password,
 * disabled account, a source that must wait), so it tells an attacker nothing; it is shown as is.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiError, NETWORK_ERROR } from '../../api/errors';
import { useLocale } from '../../i18n/locale';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from './session';

/** Only same-site paths: never let the login page send someone to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { m, lang, setLang } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<{ message: string; type: 'error' | 'warning' } | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(m.auth.title);

  useEffect(() => {
    if (session.status === 'active') navigate(next, { replace: true });
  }, [session.status, next, navigate]);

  async function onFinish(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await session.signIn(values.username.trim(), values.password);
    } catch (e) {
      if (isApiError(e, NETWORK_ERROR)) setError({ message: m.common.networkError, type: 'error' });
      else if (isApiError(e)) setError({ message: e.message, type: e.code === 'LOCKED' ? 'warning' : 'error' });
      else setError({ message: String(e), type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut;

  return (
    <div className="login-page">
      <div className="login-brand">
        <div className="login-logo">{m.app.name}</div>
        <div className="login-subtitle">{m.app.fullName}</div>
      </div>
      <Card className="login-card" title={m.auth.title} extra={<a onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')} data-testid="login-language">{m.header.language}</a>}>
        {session.notice && !error && <Alert type="warning" showIcon title={session.notice} description={next !== '/' ? m.auth.backAfterLogin : undefined} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        {loggedOut && !session.notice && !error && <Alert type="success" showIcon title={m.auth.loggedOut} style={{ marginBottom: 16 }} />}
        {error && <Alert type={error.type} showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={m.auth.username} rules={[{ required: true, whitespace: true, message: m.auth.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={m.auth.password} rules={[{ required: true, message: m.auth.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {m.auth.submit}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {m.auth.footer}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
