import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router';
import { isApiError, NETWORK_ERROR } from '../api/errors';
import { useMessages } from '../i18n/locale';

/**
 * How a failed load looks. A 404 is also what the server answers for records outside the
 * user's division, so the page says "not found or no access" and shows nothing else.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const m = useMessages();
  if (isApiError(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={m.common.notFoundTitle}
        subTitle={<span data-testid="not-found-message">{error.message}</span>}
        extra={
          <Link to="/">
            <Button type="primary">{m.common.backHome}</Button>
          </Link>
        }
      />
    );
  }
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={m.common.noPermission} subTitle={error.message} />;
  }
  const message = isApiError(error, NETWORK_ERROR) ? m.common.networkError : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={m.common.loadFailed}
      description={message}
      data-testid="load-error"
      action={onRetry ? <Button onClick={onRetry}>{m.common.retry}</Button> : undefined}
    />
  );
}

/** The message to show for a failed action (save, upload…). */
export function errorText(error: unknown, networkText: string): string {
  if (isApiError(error, NETWORK_ERROR)) return networkText;
  return error instanceof Error ? error.message : String(error);
}
