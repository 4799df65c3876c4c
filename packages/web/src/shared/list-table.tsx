/** Pieces every paged registry list shares: the paging part of its query and the Table's paging props. */
import type { TablePaginationConfig, TableProps } from 'antd';
import type { Page } from '../api/types';
import { useMessages } from '../i18n/locale';
import type { Paging } from './url-filters';

export function pagingQuery(paging: Paging) {
  return {
    page: paging.page,
    pageSize: paging.pageSize,
    sort: paging.sort,
    // The list routes read any "desc" value as true: send it only when descending.
    desc: paging.desc ? 'true' : undefined,
  };
}

interface ListQuery<T> {
  data?: Page<T>;
  isFetching: boolean;
}

/** Spread onto a Table<T>: rows, loading, scrolling and server-side paging from the URL. */
export function useListTableProps<T>(query: ListQuery<T>, paging: Paging, onChange: TableProps<T>['onChange']): TableProps<T> {
  const m = useMessages();
  const pagination: TablePaginationConfig = { current: paging.page, pageSize: paging.pageSize, total: query.data?.total, showSizeChanger: true, showTotal: m.common.total, size: 'small' };
  return { rowKey: 'id', size: 'middle', loading: query.isFetching, dataSource: query.data?.items, onChange, scroll: { x: 'max-content' }, pagination };
}
