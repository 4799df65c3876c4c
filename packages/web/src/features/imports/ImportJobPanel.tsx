/**
 * The result of one upload: progress while it runs, then either the bad rows (nothing was
 * written) with the marked-up workbook, or the counts a confirmed import would write.
 */
import { Alert, App, Button, Progress, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, download } from '../../api/client';
import type { ImportJob, ImportRowError } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { useImportJob } from './import-queries';
import { countLabel } from './ledger-names';

function Counts({ job }: { job: ImportJob }) {
  const m = useMessages();
  const rows = Object.entries(job.counts).map(([ledger, c]) => ({ ledger: countLabel(m, ledger), ...c }));
  return (
    <Table
      size="small"
      rowKey="ledger"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 520 }}
      data-testid="import-counts"
      columns={[
        { title: m.imports.ledger, dataIndex: 'ledger' },
        { title: m.imports.inserted, dataIndex: 'inserted', align: 'right' },
        { title: m.imports.updated, dataIndex: 'updated', align: 'right' },
        { title: m.imports.unchanged, dataIndex: 'unchanged', align: 'right' },
      ]}
    />
  );
}

/** Rows of a department list that matched nobody in the division: not errors, but worth a look. */
function Unmatched({ job }: { job: ImportJob }) {
  const m = useMessages();
  const { message } = App.useApp();
  if (!job.unmatchedCount) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={m.imports.unmatched(job.unmatchedCount)}
      data-testid="import-unmatched"
      action={
        job.hasUnmatchedFile && (
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(`/imports/${job.id}/unmatched.xlsx`).catch((e) => message.error(errorText(e, m.common.downloadFailed)))} data-testid="import-unmatched-file">
            {m.imports.downloadUnmatched}
          </Button>
        )
      }
    />
  );
}

const NOTES_SHOWN = 20;

/** Subtotal and total rows the import passed over: said, with their row numbers, never silent. */
function Notes({ job }: { job: ImportJob }) {
  const m = useMessages();
  if (!job.noteCount) return null;
  const shown = job.notes.slice(0, NOTES_SHOWN);
  return (
    <Alert
      type="info"
      showIcon
      title={m.imports.skipped(job.noteCount)}
      data-testid="import-notes"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {shown.map((n) => (
            <li key={n.row}>{m.imports.rowNote(n.row, n.reason)}</li>
          ))}
          {job.noteCount > shown.length && <li>{m.imports.moreNotes(job.noteCount - shown.length)}</li>}
        </ul>
      }
    />
  );
}

export function ImportJobPanel({ jobId, expectedRows, onConfirmed, onReset }: { jobId: string; expectedRows?: number; onConfirmed(jobId: string, rows: number): void; onReset(): void }) {
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useImportJob(jobId);
  const [confirming, setConfirming] = useState(false);
  const status = query.data?.status;
  useEffect(() => {
    if (!status || status === 'running') return;
    void queryClient.invalidateQueries({ queryKey: ['imports', 'history'] });
    // A committed import changes the registry: lists and figures must reload.
    if (status === 'committed') for (const key of ['sites', 'households', 'persons', 'dashboard', 'department-data']) void queryClient.invalidateQueries({ queryKey: [key] });
  }, [status, queryClient]);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const job = query.data;
  if (!job) return <Spin />;

  async function confirm() {
    setConfirming(true);
    try {
      const { jobId: next } = await api.post<{ jobId: string }>(`/imports/${job!.id}/confirm`);
      onConfirmed(next, job!.rows);
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    } finally {
      setConfirming(false);
    }
  }

  if (job.status === 'running') {
    // A confirmed import knows its size from the dry run; a first read does not.
    const percent = expectedRows ? Math.min(99, Math.round((job.rows / expectedRows) * 100)) : undefined;
    return (
      <div data-testid="import-running">
        <Typography.Text>
          {m.imports.status.running} · {m.imports.rowsRead(job.rows)}
        </Typography.Text>
        <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} data-testid="import-progress" />
      </div>
    );
  }

  const resetButton = <Button onClick={onReset} data-testid="import-reset">{m.imports.startOver}</Button>;

  if (job.status === 'rejected' || job.status === 'failed') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result" data-status={job.status}>
        <Alert type="error" showIcon title={job.status === 'rejected' ? m.imports.rejected(job.errorCount) : m.imports.failed} data-testid="import-status" />
        <Notes job={job} />
        <Space wrap>
          {job.hasErrorFile && (
            <Button icon={<DownloadOutlined />} onClick={() => void download(`/imports/${job.id}/errors.xlsx`).catch((e) => message.error(errorText(e, m.common.downloadFailed)))} data-testid="import-error-file">
              {m.imports.downloadErrors}
            </Button>
          )}
          {resetButton}
        </Space>
        <Table<ImportRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
          dataSource={job.errors}
          pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="import-errors"
          columns={[
            { title: m.imports.row, dataIndex: 'row', width: 70 },
            { title: m.imports.column, dataIndex: 'column', width: 140 },
            { title: m.imports.value, dataIndex: 'value', width: 180, ellipsis: true },
            { title: m.imports.reason, dataIndex: 'reason' },
          ]}
        />
      </Space>
    );
  }

  if (job.status === 'validated') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result" data-status={job.status}>
        <Alert type="success" showIcon title={m.imports.validated(job.rows)} data-testid="import-status" />
        <Counts job={job} />
        <Unmatched job={job} />
        <Notes job={job} />
        <Space wrap>
          <Button type="primary" loading={confirming} onClick={() => void confirm()} data-testid="import-confirm">
            {m.imports.confirm}
          </Button>
          {resetButton}
        </Space>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result" data-status={job.status}>
      <Alert type="success" showIcon title={m.imports.committed(job.rows)} data-testid="import-status" />
      <Progress percent={100} />
      <Counts job={job} />
      <Unmatched job={job} />
      <Notes job={job} />
      {resetButton}
    </Space>
  );
}
