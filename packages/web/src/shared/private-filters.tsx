/**
 * Search terms that are personal data (names, ID numbers) stay out of the address bar: they
 * live here, in memory, so they survive moving between pages but not a reload or a logout.
 */
import { useCallback, useState } from 'react';

const store = new Map<string, Record<string, string>>();

export function clearPrivateFilters(): void {
  store.clear();
}

export function usePrivateFilters(list: string): [Record<string, string>, (next: Record<string, string>) => void] {
  const [values, setValues] = useState<Record<string, string>>(() => store.get(list) ?? {});
  const set = useCallback(
    (next: Record<string, string>) => {
      const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      store.set(list, clean);
      setValues(clean);
    },
    [list],
  );
  return [values, set];
}
