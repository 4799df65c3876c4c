/**
 * Form.Items that the registry forms repeat: a coded-choice select checked by its zod schema, a
 * yes/no switch, and 是 / 否 / 未填写 for a yes/no fact that may be unknown.
 */
import type { ReactNode } from 'react';
import { Form, Radio, Select, Switch } from 'antd';
import type { z } from 'zod';
import type { EnumName } from '../i18n/enum-labels';
import { useLabels, useMessages } from '../i18n/locale';
import { zodRule } from './zod-rules';

interface ChoiceFieldProps {
  name: string;
  label: ReactNode;
  schema: z.ZodType;
  choices: EnumName;
  required?: boolean;
  /** Renders data-testid="field-<name>" on the select; off where the tests never look. */
  testId?: boolean;
  /** A fact that may be unknown: empty shows 未填写 and the select can be cleared back to it (null). */
  unknown?: boolean;
}

export function ChoiceField({ name, label, schema, choices, required, testId = true, unknown }: ChoiceFieldProps) {
  const labels = useLabels();
  const m = useMessages();
  return (
    <Form.Item name={name} label={label} rules={[zodRule(schema, unknown ? 'null' : 'string')]} required={required}>
      <Select options={labels.options(choices)} allowClear={unknown} placeholder={unknown ? m.common.notRecorded : undefined} data-testid={testId ? `field-${name}` : undefined} />
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

/** A switch cannot say "not known": three buttons for true / false / null; empty reads as 未填写. */
export function YesNoUnknownField({ name, label }: { name: string; label: ReactNode }) {
  return (
    <Form.Item name={name} label={label}>
      <YesNoUnknown testId={`field-${name}`} />
    </Form.Item>
  );
}

const CODES = { yes: true, no: false, unknown: null } as const;

function YesNoUnknown({ id, value, onChange, testId }: { id?: string; value?: boolean | null; onChange?: (value: boolean | null) => void; testId: string }) {
  const m = useMessages();
  return (
    <Radio.Group
      id={id}
      optionType="button"
      value={value === true ? 'yes' : value === false ? 'no' : 'unknown'}
      onChange={(e) => onChange?.(CODES[e.target.value as keyof typeof CODES])}
      options={[
        { value: 'yes', label: m.common.yes },
        { value: 'no', label: m.common.no },
        { value: 'unknown', label: m.common.notRecorded },
      ]}
      data-testid={testId}
    />
  );
}
