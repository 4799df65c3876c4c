/** The onSaved and reload callbacks of useRecordForm, alike on every registry form. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client';

export function useRegistryFormHooks() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return {
    /** Drops the cached lists the saved record appears in, then opens `to`. */
    afterSave(queryKeys: string[], to: string) {
      for (const key of queryKeys) void queryClient.invalidateQueries({ queryKey: [key] });
      navigate(to);
    },
    /** "Use theirs": fetches the current record, shows it in the form and refreshes its cache entry. */
    async reload<R extends { version: number }>(path: string, cacheKey: unknown[], show: (fresh: R) => void) {
      const fresh = await api.get<R>(path);
      show(fresh);
      queryClient.setQueryData(cacheKey, fresh);
      return fresh.version;
    },
  };
}
