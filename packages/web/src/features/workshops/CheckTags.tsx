/** A workshop's checks: a green or red tag per rule, with the reason in words beside it. */
import { Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { WorkshopOutput } from '../../api/types';

export function CheckTags({ checks, compact = false }: { checks: WorkshopOutput['checks']; compact?: boolean }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="workshop-checks">
      {checks.map((c) => (
        <div key={c.key} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }} data-check={c.key} data-passed={c.passed ? 'true' : 'false'}>
          <Tag color={c.passed ? 'success' : c.key === 'upgrade' ? 'default' : 'error'} icon={c.passed ? <CheckCircleOutlined /> : <CloseCircleOutlined />}>
            {c.label}
          </Tag>
          <Typography.Text type={c.passed || c.key === 'upgrade' ? 'secondary' : 'danger'} style={compact ? { fontSize: 12 } : undefined}>
            {c.reason}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
