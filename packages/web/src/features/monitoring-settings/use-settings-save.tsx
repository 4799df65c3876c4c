/**
 * The save cycle of the settings modals: check with the shared zod schema (the API's own
 * messages), send, put the API's field errors under their fields and the rest above the form.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { isApiError } from '../../api/errors';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { showFieldIssues, zodIssues } from '../../shared/zod-rules';
import { settingsKey } from './settings-queries';
import { useSettingsMessages } from './settings-messages';

export function useSettingsSave<I>(form: FormInstance, schema: z.ZodType<I>, send: (input: I) => Promise<unknown>, onDone: () => void) {
  const m = useMessages();
  const s = useSettingsMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function save(input: unknown) {
    setFormError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const rest = showFieldIssues(form, zodIssues(parsed.error));
      setFormError(rest.length > 0 ? rest.map((i) => i.message).join('；') : m.common.validationFailed);
      return;
    }
    setSaving(true);
    try {
      await send(parsed.data);
      message.success(s.saved);
      await queryClient.invalidateQueries({ queryKey: settingsKey });
      onDone();
    } catch (error) {
      const rest = isApiError(error, 'VALIDATION') ? showFieldIssues(form, error.details) : [];
      setFormError(isApiError(error, 'VALIDATION') && rest.length === 0 && error.details.length > 0 ? m.common.validationFailed : errorText(error, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  return { save, saving, formError };
}
