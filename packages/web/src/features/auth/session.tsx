/**
 * The login session: who is signed in, with their CSRF token. Any 401 from the API ends the
 * session here and sends the user to the login page, remembering the page they were on (its
 * address only ever holds ids and non-personal filters). Idle time is watched on this side too,
 * so a tab left open returns to the login page by itself once the server has forgotten it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
// Subpaths, not the package root: the root would pull zod and every schema into the login page.
import { can, type Permission } from '@anju/core/access/permissions';
import type { Role } from '@anju/core/registry/enums';
import { api, millisSinceLastRequest, request, setCsrfToken, setUnauthenticatedHandler } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { clearPrivateFilters } from '../../shared/private-filters';

type Status = 'loading' | 'anonymous' | 'active';

interface SessionValue {
  status: Status;
  info: SessionInfo | null;
  /** Why the user was sent to the login page (idle timeout, session ended…). */
  notice: string | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** The forced change after an administrator's reset is done: the app opens. */
  passwordChanged(): void;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

const CHECK_EVERY_MS = 15_000;
/** Typing in a long form is activity: keep the server session alive while the user works. */
const KEEPALIVE_AFTER_MS = 5 * 60_000;

export function loginPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = useRef('/');
  here.current = location.pathname + location.search;
  const lastActivity = useRef(Date.now());

  const end = useCallback(
    (message: string | null) => {
      setCsrfToken(null);
      setInfo(null);
      setStatus('anonymous');
      setNotice(message);
      clearPrivateFilters();
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthenticatedHandler((message) => {
      const next = here.current;
      end(message);
      if (!next.startsWith('/login')) navigate(loginPath(next), { replace: true });
    });
  }, [end, navigate]);

  useEffect(() => {
    request<SessionInfo>('GET', '/auth/session', { authRedirect: false })
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setInfo(s);
        setStatus('active');
      })
      .catch(() => setStatus('anonymous'));
  }, []);

  useEffect(() => {
    if (status !== 'active' || !info) return;
    const mark = () => {
      lastActivity.current = Date.now();
    };
    window.addEventListener('keydown', mark);
    window.addEventListener('pointerdown', mark);
    const timer = setInterval(() => {
      const idle = millisSinceLastRequest();
      const activeRecently = Date.now() - lastActivity.current < KEEPALIVE_AFTER_MS;
      const timeout = info.idleTimeoutMinutes * 60_000;
      // Past the server's limit: ask it (a 401 takes the user to the login page).
      // Working but quiet: touch the session before it lapses.
      if (idle > timeout || (activeRecently && idle > KEEPALIVE_AFTER_MS)) void api.get('/auth/session').catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', mark);
      window.removeEventListener('pointerdown', mark);
    };
  }, [status, info]);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      info,
      notice,
      async signIn(username, password) {
        const s = await request<SessionInfo>('POST', '/auth/login', { body: { username, password }, authRedirect: false });
        queryClient.clear();
        setCsrfToken(s.csrfToken);
        setInfo(s);
        setNotice(null);
        setStatus('active');
      },
      async signOut() {
        await api.post('/auth/logout').catch(() => undefined);
        end(null);
        navigate('/login', { replace: true, state: { loggedOut: true } });
      },
      passwordChanged() {
        setInfo((current) => (current ? { ...current, user: { ...current.user, mustChangePassword: false } } : current));
      },
      can: (permission) => (info ? can(info.user.role as Role, permission) : false),
    }),
    [status, info, notice, end, navigate, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages behind the login: the session is certainly active there. */
export function useUser() {
  const { info } = useSession();
  if (!info) throw new Error('useUser without a session');
  return info.user;
}
