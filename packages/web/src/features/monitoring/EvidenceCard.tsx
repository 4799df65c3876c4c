/**
 * 佐证材料: the case's files (承诺书, 授权书, 入户核实表 …) with a download link, and an upload of
 * one more (kind, then file). The server checks type and size by content and says why it refuses.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { download, upload } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import type { CaseDetail, Evidence } from './case-types';
import { useMonitoringMessages } from './monitoring-messages';
import { refreshMonitoring } from './monitoring-queries';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function EvidenceCard({ c, canUpload }: { c: CaseDetail; canUpload: boolean }) {
  const m = useMessages();
  const t = useMonitoringMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(file: File) {
    setBusy(true);
    setError(null);
    try {
      await upload<Evidence>(`/monitoring/cases/${c.id}/evidence`, file, undefined, { kind: kind! });
      message.success(t.uploaded);
      void refreshMonitoring(queryClient);
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  async function fetchFile(e: Evidence) {
    try {
      await download(`/monitoring/evidence/${e.id}`, undefined, e.fileName);
    } catch (err) {
      message.error(errorText(err, m.common.downloadFailed));
    }
  }

  return (
    <Card title={t.evidence} size="small" style={{ marginBottom: 12 }} data-testid="case-evidence">
      {canUpload && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select placeholder={t.evidenceKind} value={kind} onChange={setKind} options={Object.entries(t.evidenceKinds).map(([value, label]) => ({ value, label }))} style={{ width: 180 }} data-testid="evidence-kind" />
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            disabled={!kind || busy}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} disabled={!kind} data-testid="evidence-upload">
              {t.chooseFile}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t.evidenceHint}</Typography.Text>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="evidence-error" closable={{ onClose: () => setError(null) }} />}
      <Table<Evidence>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.evidence}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noEvidence }}
        data-testid="evidence-table"
        onRow={(e) => ({ 'data-kind': e.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.evidenceKind, dataIndex: 'kind', render: (k: string) => t.evidenceKinds[k] ?? k },
          {
            title: t.fileName,
            dataIndex: 'fileName',
            render: (name: string, e) => (
              <Button type="link" size="small" onClick={() => void fetchFile(e)} data-testid="evidence-download">
                {name}
              </Button>
            ),
          },
          { title: t.size, dataIndex: 'sizeBytes', render: size, responsive: ['md'] },
          { title: t.uploadedBy, dataIndex: 'username', responsive: ['md'] },
          { title: t.uploadedAt, dataIndex: 'uploadedAt', render: formatDateTime, responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}
