/**
 * 导入导出: template → upload (a dry run that writes nothing) → the report → confirm → the
 * real import with progress; plus the history of imports and ledger exports. The job being
 * looked at is in the address (?job=), so a reload or a shared link shows the same result.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Progress, Row, Select, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { download, upload } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { ExportCard } from './ExportCard';
import { ImportHistory } from './ImportHistory';
import { ImportJobPanel } from './ImportJobPanel';
import { importableLedgers, ledgerLabel } from './ledger-names';

export function ImportCentrePage() {
  const m = useMessages();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const user = useSession().info?.user;
  // A department user sees only their department's list; clerks the registry ledgers.
  const ledgers = importableLedgers(user?.role ?? '', user?.department ?? null).map((value) => ({ value, label: ledgerLabel(m, value) }));
  const ledger = params.get('ledger') ?? (ledgers.some((l) => l.value === 'households') ? 'households' : (ledgers[0]?.value ?? 'households'));
  const jobId = params.get('job');
  const expected = Number(params.get('rows') ?? 0) || undefined;
  const [uploading, setUploading] = useState<number | null>(null);
  usePageTitle(m.imports.title);

  const set = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });

  async function send(file: File) {
    setUploading(0);
    try {
      const { jobId: id } = await upload<{ jobId: string }>(`/imports/${ledger}`, file, setUploading);
      set({ job: id, rows: null });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    } finally {
      setUploading(null);
    }
  }

  const step = jobId ? 2 : 1;
  return (
    <>
      <PageHead title={m.imports.title} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={m.imports.importTitle}>
            <Steps size="small" current={step} style={{ marginBottom: 16 }} items={[{ title: m.imports.stepTemplate }, { title: m.imports.stepUpload }, { title: m.imports.stepConfirm }]} />
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text>{m.imports.ledger}</Typography.Text>
              <Select value={ledger} options={ledgers} onChange={(v: string) => set({ ledger: v, job: null, rows: null })} style={{ width: 260 }} data-testid="import-ledger" disabled={uploading !== null} />
              <Button icon={<DownloadOutlined />} data-testid="download-template" onClick={() => void download(`/templates/${ledger}`).catch((e) => message.error(errorText(e, m.common.downloadFailed)))}>
                {m.imports.downloadTemplate}
              </Button>
            </Space>
            {jobId ? (
              <ImportJobPanel
                key={jobId}
                jobId={jobId}
                expectedRows={expected}
                onConfirmed={(next, rows) => set({ job: next, rows: String(rows) })}
                onReset={() => set({ job: null, rows: null })}
              />
            ) : (
              <>
                <div data-testid="import-upload">
                <Upload.Dragger
                  accept=".xlsx,.csv"
                  multiple={false}
                  showUploadList={false}
                  disabled={uploading !== null}
                  beforeUpload={(file) => {
                    void send(file);
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{m.imports.uploadHint}</p>
                  <p className="ant-upload-hint">{m.imports.uploadNote}</p>
                </Upload.Dragger>
                </div>
                {uploading !== null && <Progress percent={uploading} status="active" format={(p) => m.imports.uploading(p ?? 0)} data-testid="upload-progress" />}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ExportCard />
        </Col>
        <Col xs={24}>
          <Card size="small" title={m.imports.history}>
            <ImportHistory onOpen={(job) => set({ job: job.id, ledger: job.ledger, rows: null })} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
