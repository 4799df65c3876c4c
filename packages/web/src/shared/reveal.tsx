/**
 * Masked ID numbers and phones, with a "显示" action for roles allowed to see them. Showing
 * calls the audited endpoint; the plain values live only in this page's memory (never in the
 * query cache, the URL or the title) and are gone when the page is left.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { App, Button, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import type { SensitiveValues } from '../api/types';
import { useMessages } from '../i18n/locale';
import { useSession } from '../features/auth/session';
import { errorText } from './ErrorState';

interface RevealValue {
  values: Map<string, SensitiveValues>;
  reveal(personId: string): Promise<void>;
  pending: string | null;
}

const RevealContext = createContext<RevealValue | null>(null);

export function RevealProvider({ children }: { children: ReactNode }) {
  const m = useMessages();
  const { message } = App.useApp();
  const [values, setValues] = useState(() => new Map<string, SensitiveValues>());
  const [pending, setPending] = useState<string | null>(null);
  async function reveal(personId: string) {
    setPending(personId);
    try {
      const plain = await api.post<SensitiveValues>(`/persons/${personId}/sensitive`);
      setValues((prev) => new Map(prev).set(personId, plain));
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    } finally {
      setPending(null);
    }
  }
  return <RevealContext.Provider value={{ values, reveal, pending }}>{children}</RevealContext.Provider>;
}

export function SensitiveValue({ personId, masked, field }: { personId: string; masked: string | null; field: 'idNumber' | 'phone' }) {
  const m = useMessages();
  const session = useSession();
  const ctx = useContext(RevealContext);
  if (!masked) return <span>—</span>;
  const plain = ctx?.values.get(personId)?.[field];
  if (plain) return <span className="masked" data-testid={`plain-${field}`}>{plain}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span className="masked" data-testid={`masked-${field}`}>{masked}</span>
      {ctx && session.can('personal.unmask') && (
        <Tooltip title={m.person.revealAudited}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={ctx.pending === personId}
            onClick={(e) => {
              e.stopPropagation();
              void ctx.reveal(personId);
            }}
            data-testid={`reveal-${field}`}
          >
            {m.common.show}
          </Button>
        </Tooltip>
      )}
    </span>
  );
}
