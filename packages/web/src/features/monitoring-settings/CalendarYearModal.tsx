/**
 * Entering a year's arrangement by pasting the notice's days as lines. The lines are read and
 * checked here as the server will (shared parser), so mistakes show by line before saving.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { checkCalendarYear, parseCalendarLines, type CalendarDayInput } from '@anju/core/calendar/calendar-lines';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useSettingsMessages } from './settings-messages';
import { putCalendarYear, settingsKey } from './settings-queries';

const KIND_WORD = { holiday: '休', workday: '班' } as const;

/** The current list back as lines, so "enter again" starts from what is there. */
function asLines(days: CalendarDayInput[]): string {
  return days.map((d) => `${d.date} ${KIND_WORD[d.kind]} ${d.name}`).join('\n');
}

export function CalendarYearModal({ year, current, onClose }: { year: number; current: CalendarDayInput[]; onClose(): void }) {
  const s = useSettingsMessages();
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => asLines(current));
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const parsed = useMemo(() => parseCalendarLines(text), [text]);
  const problems = useMemo(() => [...parsed.errors.map((e) => e.message), ...checkCalendarYear(year, parsed.days).map((i) => i.message)], [parsed, year]);

  async function save() {
    setSaving(true);
    setServerError(null);
    try {
      await putCalendarYear(year, parsed.days);
      message.success(s.saved);
      await queryClient.invalidateQueries({ queryKey: settingsKey });
      onClose();
    } catch (error) {
      setServerError(errorText(error, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={640}
      title={`${year} · ${s.enterYear}`}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okButtonProps={{ disabled: problems.length > 0 || parsed.days.length === 0, 'data-testid': 'calendar-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{s.pasteHint}</Typography.Paragraph>
      <Typography.Text strong>{s.pasteLabel}</Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={12}
        placeholder={s.pastePlaceholder.replaceAll('2027', String(year))}
        style={{ fontFamily: 'monospace', marginTop: 8 }}
        data-testid="calendar-lines"
      />
      <div style={{ marginTop: 8 }} data-testid="calendar-preview">
        {problems.length > 0 ? (
          <Alert type="error" showIcon title={problems.slice(0, 8).join('；')} />
        ) : (
          <Typography.Text type={parsed.days.length ? 'success' : 'secondary'}>{parsed.days.length ? s.preview(parsed.days.length) : s.nothingParsed}</Typography.Text>
        )}
        {serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 8 }} />}
      </div>
    </Modal>
  );
}
