/**
 * Shown when a save comes back 409 with the server's current record: someone else saved first.
 * Both versions side by side; nothing is overwritten unless the user says so.
 */
import { Button, Modal, Space, Table, Typography } from 'antd';
import { useMessages } from '../i18n/locale';

export interface ConflictField {
  key: string;
  label: string;
  format?: (value: unknown) => string;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join('、') || '—';
  return String(value);
}

/** Loose equality for display: 1 and "1", null and "", [] and null are the same to a reader. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? '' : JSON.stringify(v).replaceAll('"', ''));
  return norm(a) === norm(b);
}

export interface ConflictDialogProps {
  open: boolean;
  message: string;
  fields: ConflictField[];
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  busy?: boolean;
  onUseTheirs(): void;
  onOverwrite(): void;
  onCancel(): void;
}

export function ConflictDialog(props: ConflictDialogProps) {
  const m = useMessages();
  const rows = props.fields.map((f) => {
    const format = f.format ?? plain;
    const mine = format(props.mine[f.key]);
    const theirs = format(props.theirs[f.key]);
    // A masked side ("5206****0012") can only be compared as displayed.
    const masked = mine.includes('*') || theirs.includes('*');
    return { key: f.key, label: f.label, mine, theirs, differs: mine !== theirs || (!masked && !same(props.mine[f.key], props.theirs[f.key])) };
  });
  return (
    <Modal
      open={props.open}
      title={m.conflict.title}
      width={760}
      onCancel={props.onCancel}
      footer={
        <Space wrap>
          <Button onClick={props.onUseTheirs} data-testid="conflict-use-theirs" disabled={props.busy}>
            {m.conflict.useTheirs}
          </Button>
          <Button type="primary" danger onClick={props.onOverwrite} loading={props.busy} data-testid="conflict-overwrite" title={m.conflict.overwriteHint}>
            {m.conflict.overwrite}
          </Button>
        </Space>
      }
    >
      <div data-testid="conflict-dialog">
      <Typography.Paragraph>
        {props.message}
        <br />
        {m.conflict.intro}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{m.conflict.onlyDiffs}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ y: 360, x: 520 }}
        onRow={(row) => ({ style: row.differs ? { background: '#fffbe6' } : undefined, 'data-differs': row.differs ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: m.conflict.field, dataIndex: 'label', width: 150 },
          { title: m.conflict.mine, dataIndex: 'mine', onCell: () => ({ 'data-testid': 'conflict-mine' }) as React.HTMLAttributes<HTMLElement> },
          { title: m.conflict.theirs, dataIndex: 'theirs', onCell: () => ({ 'data-testid': 'conflict-theirs' }) as React.HTMLAttributes<HTMLElement> },
        ]}
      />
      </div>
    </Modal>
  );
}
