/** A list page's header with its "new record" button, shown only to users who may write the registry. */
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useSession } from '../features/auth/session';
import { PageHead } from './PageHead';

interface ListHeadProps {
  title: ReactNode;
  createLabel: ReactNode;
  createPath: string;
  createTestId: string;
}

export function ListHead({ title, createLabel, createPath, createTestId }: ListHeadProps) {
  const session = useSession();
  const navigate = useNavigate();
  return (
    <PageHead
      title={title}
      extra={
        session.can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(createPath)} data-testid={createTestId}>
            {createLabel}
          </Button>
        )
      }
    />
  );
}
