import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportJob, Page } from '../../api/types';

/** Polls a job once a second while it runs; stops when it has a result. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: () => api.get<ImportJob>(`/imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function useImportHistory(page: number) {
  return useQuery({
    queryKey: ['imports', 'history', page],
    queryFn: () => api.get<Page<ImportJob>>('/imports', { page, pageSize: 10 }),
    placeholderData: (previous) => previous,
  });
}
