import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { AuditVerifyResult } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';

/** `anju audit verify` from the browser: recomputes the hash chain over every entry. */
export function AuditVerifyCard() {
  const m = useMessages();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<AuditVerifyResult>('/audit/verify'));
    } catch (e) {
      setResult(null);
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()} data-testid="audit-verify">
        {m.admin.verify}
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={result.ok ? m.admin.verifyOk(result.entries) : m.admin.verifyBroken(result.brokenId ?? '?', result.reason ?? '')}
          description={result.lastHash ? <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{result.lastHash}</code> : undefined}
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
        />
      )}
      {error && <Alert style={{ marginTop: 12 }} showIcon type="error" title={error} />}
    </Card>
  );
}
