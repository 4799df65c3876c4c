/**
 * List state that may appear in the address bar: ids, codes, coded filters, paging, sorting.
 * Keeping it there makes every drill-down a link and the back button work.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';

type PagingKey = 'page' | 'pageSize' | 'sort' | 'desc';

export interface Paging {
  page: number;
  pageSize: number;
  sort?: string;
  desc: boolean;
}

export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>, [params, keys]);
  const paging: Paging = {
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize') ?? 20) || 20)),
    sort: params.get('sort') ?? undefined,
    desc: params.get('desc') === 'true',
  };

  /** Changing a filter goes back to page 1; undefined or '' removes the parameter. */
  const setFilters = useCallback(
    (patch: Partial<Record<K | PagingKey, string | undefined>>, keepPage = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!keepPage && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  /** antd Table's onChange: paging and one sorted column. */
  const onTableChange = useCallback(
    (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined;
      const sort = s?.order ? String(s.columnKey ?? s.field) : undefined;
      setFilters(
        {
          page: String(pagination.current ?? 1),
          pageSize: String(pagination.pageSize ?? 20),
          sort,
          desc: s?.order === 'descend' ? 'true' : undefined,
        } as Partial<Record<K | PagingKey, string | undefined>>,
        true,
      );
    },
    [setFilters],
  );

  return { filters, paging, setFilters, onTableChange };
}

/** The sortOrder antd expects for a column, from the URL. */
export function sortOrderOf(paging: Paging, key: string): 'ascend' | 'descend' | null {
  return paging.sort === key ? (paging.desc ? 'descend' : 'ascend') : null;
}
