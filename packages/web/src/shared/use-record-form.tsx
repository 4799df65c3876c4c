/**
 * The save cycle every registry form shares: check with the shared zod schema (same messages
 * as the API), send, put the API's field errors under the fields, and on a stale version open
 * the conflict dialog with both versions.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError } from '../api/errors';
import { useMessages } from '../i18n/locale';
import { ConflictDialog, type ConflictField } from './ConflictDialog';
import { errorText } from './ErrorState';
import { useVersionedSave } from './use-versioned-save';
import { showFieldIssues, zodIssues } from './zod-rules';

export interface RecordFormOptions<V, I, R extends { version: number }> {
  form: FormInstance<V>;
  schema: z.ZodType<I>;
  toInput(values: V): unknown;
  /** Sends the input; version is null when creating. */
  save(input: I, version: number | null): Promise<R>;
  onSaved(saved: R): void;
  /** "Use theirs": load the server's current record into the form (and return its version). */
  reload(current: R): Promise<number>;
  conflictFields: ConflictField[];
}

export function useRecordForm<V, I, R extends { version: number }>(opts: RecordFormOptions<V, I, R>, version: number | null) {
  const m = useMessages();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [currentVersion, setCurrentVersion] = useState<number | null>(version);
  const saver = useVersionedSave<I, R, R>(opts.save);
  const effectiveVersion = currentVersion ?? version;

  async function run(action: () => Promise<R | undefined>) {
    setFormError(null);
    try {
      const saved = await action();
      if (saved) {
        message.success(version === null ? m.common.created : m.common.saved);
        opts.onSaved(saved);
      }
    } catch (error) {
      if (isApiError(error, 'VALIDATION')) {
        const rest = showFieldIssues(opts.form, error.details);
        setFormError(rest.length > 0 || error.details.length === 0 ? error.message : m.common.validationFailed);
      } else {
        setFormError(errorText(error, m.common.networkError));
      }
    }
  }

  async function onFinish(values: V) {
    const parsed = opts.schema.safeParse(opts.toInput(values));
    if (!parsed.success) {
      showFieldIssues(opts.form, zodIssues(parsed.error));
      setFormError(m.common.validationFailed);
      return;
    }
    await run(() => saver.submit(parsed.data, effectiveVersion));
  }

  const conflict = saver.conflict;
  const dialog = conflict ? (
    <ConflictDialog
      open
      message={conflict.message}
      fields={opts.conflictFields}
      mine={conflict.mine as Record<string, unknown>}
      theirs={conflict.current as unknown as Record<string, unknown>}
      busy={saver.pending}
      onCancel={saver.dismiss}
      onUseTheirs={() => {
        const current = conflict.current;
        saver.dismiss();
        void opts.reload(current).then((v) => setCurrentVersion(v));
      }}
      onOverwrite={() => void run(() => saver.overwrite((mine, current) => keepTheirUntouched(opts.form, mine, current)))}
    />
  ) : null;

  return { onFinish, saving: saver.pending, formError, conflictDialog: dialog, version: effectiveVersion };
}

/**
 * Only the fields this user touched are theirs to overwrite; every other field takes the value
 * the colleague saved, so "overwrite with mine" never silently undoes someone else's edit.
 * Masked values (ID number, phone) in the server's copy cannot be sent back: keep mine there.
 */
function keepTheirUntouched<V, I, R>(form: FormInstance<V>, mine: I, current: R): I {
  const merged: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
  const theirs = current as Record<string, unknown>;
  for (const key of Object.keys(merged)) {
    if (form.isFieldTouched(key as never) || !(key in theirs)) continue;
    const value = theirs[key];
    if (typeof value === 'string' && value.includes('*')) continue;
    // Ids come back as strings where the input takes numbers: same value, keep my typed one.
    if (value !== null && merged[key] !== null && typeof value !== typeof merged[key]) continue;
    merged[key] = value;
  }
  return merged as I;
}
