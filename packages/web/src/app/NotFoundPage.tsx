import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../i18n/locale';
import { usePageTitle } from '../shared/use-page-title';

export function NotFoundPage() {
  const m = useMessages();
  usePageTitle(m.common.pageNotFound);
  return (
    <Result
      status="404"
      title={m.common.pageNotFound}
      extra={
        <Link to="/">
          <Button type="primary">{m.common.backHome}</Button>
        </Link>
      }
    />
  );
}
