/**
 * The division the user is looking at (the header's switcher). Lists and the dashboard use it
 * as their default scope; it starts at the user's home division and stays inside it.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useUser } from '../auth/session';
import { useDivisionPath } from '../../shared/division-queries';
import type { DivisionValue } from '../../shared/DivisionTreeSelect';

interface DivisionContextValue {
  division: DivisionValue;
  setDivision(value: DivisionValue): void;
  /** The user's home division code ('' nationwide). */
  home: string;
  /** Whether a code is inside the user's scope (so it may be chosen or linked to). */
  inScope(code: string): boolean;
}

const Context = createContext<DivisionContextValue | null>(null);

export function DivisionProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const home = user.divisionCode;
  const key = `anju.division.${user.username}`;
  const [division, setDivisionState] = useState<DivisionValue>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as DivisionValue | null;
      if (saved && typeof saved.code === 'string' && saved.code.startsWith(home)) return saved;
    } catch {
      /* ignore a damaged value */
    }
    return { code: home, name: '' };
  });
  // The home division's name is not in the session: look it up once.
  const homePath = useDivisionPath(division.name === '' && division.code !== '' ? division.code : null);
  useEffect(() => {
    if (homePath.data && division.name === '') setDivisionState({ code: division.code, name: homePath.data.division.name });
  }, [homePath.data, division]);

  const value = useMemo<DivisionContextValue>(
    () => ({
      division,
      home,
      inScope: (code) => code.startsWith(home),
      setDivision(next) {
        if (!next.code.startsWith(home)) return;
        sessionStorage.setItem(key, JSON.stringify(next));
        setDivisionState(next);
      },
    }),
    [division, home, key],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDivision(): DivisionContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useDivision outside DivisionProvider');
  return value;
}
