import { useEffect } from 'react';
import { useMessages } from '../i18n/locale';

/**
 * Page titles name the kind of page only, never a person or an ID number: titles end up in
 * browser history, bookmarks and screen shares.
 */
export function usePageTitle(title: string): void {
  const m = useMessages();
  useEffect(() => {
    document.title = `${title} · ${m.app.name}`;
  }, [title, m]);
}
