/**
 * One ledger row at a time in edit mode: the row's facts in a form, checked with the shared
 * schema (the API's own words), saved with the row's version; the API's field errors land
 * under the cells, and a stale version opens the conflict dialog with both copies.
 */
import { useState } from 'react';
import { App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { labourFacts, type LabourFacts } from '@anju/core';
import { isApiError, type FieldIssue } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { ConflictDialog } from '../../shared/ConflictDialog';
import { errorText } from '../../shared/ErrorState';
import { useVersionedSave } from '../../shared/use-versioned-save';
import { readIncome, saveRecord, type LabourRecord } from './employment-queries';
import { conflictFields, fieldOf, shownFacts, toFacts, toValues, type FactValues } from './fact-format';

interface Editing {
  record: LabourRecord;
  /** The income the editor started from (read through the audited read when hidden). */
  income: number | null;
}

/**
 * "Overwrite with mine" after a conflict: only the facts this user changed are theirs to
 * overwrite; every other fact takes the colleague's value, so nobody's edit is silently undone.
 */
async function mergeMine(mine: LabourFacts, started: Editing, current: LabourRecord): Promise<LabourFacts> {
  const original = { ...started.record.facts, monthlyIncome: started.income } as Record<string, unknown>;
  const theirs = { ...current.facts } as Record<string, unknown>;
  if (current.incomeMasked && mine.monthlyIncome === started.income) theirs.monthlyIncome = await readIncome(current);
  const merged = { ...mine } as Record<string, unknown>;
  for (const key of Object.keys(merged)) {
    if (JSON.stringify(merged[key] ?? null) === JSON.stringify(original[key] ?? null) && key in theirs) merged[key] = theirs[key];
  }
  return merged as LabourFacts;
}

export function useRowEditing() {
  const m = useMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FactValues>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const saver = useVersionedSave<LabourFacts, LabourRecord, LabourRecord>((facts, version) => saveRecord(editing!.record, facts, version!));

  async function start(record: LabourRecord) {
    setRowError(null);
    let income = record.facts.monthlyIncome;
    if (record.incomeMasked) {
      // Saving sends every fact, so a hidden income has to be read (audited) before editing.
      setLoading(record.personId);
      try {
        income = await readIncome(record);
      } catch (error) {
        message.error(errorText(error, m.common.networkError));
        return;
      } finally {
        setLoading(null);
      }
    }
    form.resetFields();
    form.setFieldsValue(toValues(record.facts, income));
    setEditing({ record, income });
  }

  function cancel() {
    setEditing(null);
    setRowError(null);
    saver.dismiss();
  }

  function showIssues(issues: FieldIssue[]) {
    const known = new Set(Object.keys(toValues(editing!.record.facts, null)));
    const byField = new Map<string, string[]>();
    const rest: string[] = [];
    for (const i of issues) {
      const field = fieldOf(i.path);
      if (known.has(field)) byField.set(field, [...(byField.get(field) ?? []), i.message]);
      else rest.push(i.message);
    }
    form.setFields([...byField.entries()].map(([name, errors]) => ({ name: name as keyof FactValues, errors })));
    setRowError(rest.length > 0 ? rest.join('；') : m.employment.rowInvalid);
  }

  async function finish(action: () => Promise<LabourRecord | undefined>) {
    setRowError(null);
    try {
      const saved = await action();
      if (!saved) return; // a conflict: the dialog is open
      message.success(m.common.saved);
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
    } catch (error) {
      if (isApiError(error, 'VALIDATION') && error.details.length > 0) showIssues(error.details);
      else setRowError(errorText(error, m.common.networkError));
    }
  }

  async function save() {
    if (!editing) return;
    const values = { ...toValues(editing.record.facts, null), ...form.getFieldsValue(true) } as FactValues;
    const parsed = labourFacts.safeParse(toFacts(values, editing.record.facts));
    if (!parsed.success) {
      showIssues(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      return;
    }
    await finish(() => saver.submit(parsed.data, editing.record.version));
  }

  const conflict = saver.conflict;
  const conflictDialog = conflict ? (
    <ConflictDialog
      open
      message={conflict.message}
      fields={conflictFields(m, labels)}
      mine={conflict.mine as unknown as Record<string, unknown>}
      theirs={shownFacts(m, conflict.current)}
      busy={saver.pending}
      onCancel={saver.dismiss}
      onUseTheirs={() => {
        cancel();
        void queryClient.invalidateQueries({ queryKey: ['employment', 'records'] });
      }}
      onOverwrite={() => void finish(async () => saver.submit(await mergeMine(conflict.mine, editing!, conflict.current), conflict.current.version))}
    />
  ) : null;

  return { form, editing: editing?.record ?? null, start, cancel, save, saving: saver.pending, rowError, loading, conflictDialog };
}
