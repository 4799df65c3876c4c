/**
 * A pack edit the server refused (422): the reasons of its check, each naming the rule or
 * parameter, the field and why, in an Alert above the form that stays filled in.
 */
import { Alert, Table } from 'antd';
import type { PackIssue } from '@anju/core/policy/check-pack';
import { isApiError } from '../../api/errors';
import { usePolicyMessages } from './policy-messages';

/**
 * The issues of a refused edit (422 PACK_INVALID). The API client keeps the error shape's
 * `details`, where the server writes each issue as `{ path: 'where.field', message: reason }`;
 * `where` (a rule id, `参数 name` or `政策包`) has no dot, the field may (`versions[0].condition`).
 */
export function issuesOf(error: unknown): PackIssue[] {
  if (!isApiError(error) || error.status !== 422) return [];
  return error.details.map((d) => {
    const dot = d.path.indexOf('.');
    return dot < 0 ? { where: d.path, field: '', reason: d.message } : { where: d.path.slice(0, dot), field: d.path.slice(dot + 1), reason: d.message };
  });
}

export function PackIssuesAlert({ error }: { error: unknown }) {
  const p = usePolicyMessages();
  if (!error) return null;
  const issues = issuesOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (issues.length === 0) return <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} data-testid="pack-edit-error" />;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="pack-edit-error"
      title={p.refused}
      description={
        <Table<PackIssue & { key: number }>
          size="small"
          pagination={false}
          dataSource={issues.map((i, key) => ({ ...i, key }))}
          data-testid="pack-issues"
          columns={[
            { title: p.issueWhere, dataIndex: 'where', width: 180 },
            { title: p.issueField, dataIndex: 'field', width: 160 },
            { title: p.issueReason, dataIndex: 'reason' },
          ]}
        />
      }
    />
  );
}
