/**
 * The frame every registry edit page shares: while an existing record loads, a skeleton (or its
 * error); then the title, the card with the form's error line, the form, and the conflict dialog.
 */
import type { ReactNode } from 'react';
import { Card, Skeleton } from 'antd';
import { ErrorState } from './ErrorState';
import { FormError } from './FormError';
import { PageHead } from './PageHead';

export interface RecordFormPageProps {
  /** Editing an existing record (as opposed to creating one). */
  editing: boolean;
  existing: { isError: boolean; error: unknown; data?: unknown };
  title: ReactNode;
  formError: string | null;
  conflictDialog: ReactNode;
  children: ReactNode;
}

export function RecordFormPage({ editing, existing, title, formError, conflictDialog, children }: RecordFormPageProps) {
  if (editing && existing.isError) return <ErrorState error={existing.error} />;
  if (editing && !existing.data) return <Skeleton active />;
  return (
    <>
      <PageHead title={title} />
      <Card>
        <FormError message={formError} />
        {children}
      </Card>
      {conflictDialog}
    </>
  );
}
