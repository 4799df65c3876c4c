/** Queries shared by several registry pages. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page, SiteOutput } from '../api/types';

/** Sites in the user's scope for pickers (a county has tens, not thousands). */
export function useSiteOptions(divisionCode?: string) {
  return useQuery({
    queryKey: ['sites', 'options', divisionCode ?? ''],
    queryFn: () => api.get<Page<SiteOutput>>('/sites', { pageSize: 200, divisionCode: divisionCode || undefined, sort: 'name' }),
    select: (page) => page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` })),
    staleTime: 5 * 60_000,
  });
}
