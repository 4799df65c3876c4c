import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useMessages } from '../../i18n/locale';
import type { Messages } from '../../i18n/messages-zh';

/** Each route names itself in `handle.crumb`; a detail page is named by its kind, never by a person. */
export interface RouteHandle {
  crumb?: (m: Messages) => string;
}

export function Breadcrumbs() {
  const m = useMessages();
  const matches = useMatches();
  const crumbs = matches
    .filter((match) => (match.handle as RouteHandle | undefined)?.crumb)
    .map((match, i, all) => {
      const title = (match.handle as RouteHandle).crumb!(m);
      return { key: match.id, title: i < all.length - 1 ? <Link to={match.pathname}>{title}</Link> : title };
    });
  if (crumbs.length <= 1) return null;
  return <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} data-testid="breadcrumbs" />;
}
