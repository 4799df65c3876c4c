import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, UserOutput } from '../../api/types';

export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', page, pageSize],
    queryFn: () => api.get<Page<UserOutput>>('/users', { page, pageSize }),
    placeholderData: (previous) => previous,
  });
}
