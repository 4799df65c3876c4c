import type { ReactNode } from 'react';
import { Space } from 'antd';

export function PageHead({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}
