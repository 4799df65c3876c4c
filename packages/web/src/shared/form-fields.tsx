/** Form.Items that the registry forms repeat: a coded-choice select checked by its zod schema, and a yes/no switch. */
import type { ReactNode } from 'react';
import { Form, Select, Switch } from 'antd';
import type { z } from 'zod';
import type { EnumName } from '../i18n/enum-labels';
import { useLabels } from '../i18n/locale';
import { zodRule } from './zod-rules';

interface ChoiceFieldProps {
  name: string;
  label: ReactNode;
  schema: z.ZodType;
  choices: EnumName;
  required?: boolean;
  /** Renders data-testid="field-<name>" on the select; off where the tests never look. */
  testId?: boolean;
}

export function ChoiceField({ name, label, schema, choices, required, testId = true }: ChoiceFieldProps) {
  const labels = useLabels();
  return (
    <Form.Item name={name} label={label} rules={[zodRule(schema)]} required={required}>
      <Select options={labels.options(choices)} data-testid={testId ? `field-${name}` : undefined} />
    </Form.Item>
  );
}

export function SwitchField({ name, label }: { name: string; label: ReactNode }) {
  return (
    <Form.Item name={name} label={label} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}
