/**
 * Form validation with the shared zod schemas of @anju/core, so a form shows word for word the
 * message the API would return; and the API's own field errors land on the same fields.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { FieldIssue } from '../api/errors';

/** What an empty input means to the schema: '' (required text), null (optional) or undefined (default). */
export type EmptyAs = 'string' | 'null' | 'undefined';

export function emptyValue(value: unknown, empty: EmptyAs): unknown {
  if (value !== '' && value !== null && value !== undefined) return value;
  return empty === 'null' ? null : empty === 'undefined' ? undefined : '';
}

/** `pick` takes the schema's value out of a composite field (e.g. a division picker's code). */
export function zodRule<T = unknown>(schema: z.ZodType, empty: EmptyAs = 'string', pick?: (value: T) => unknown): Rule {
  return {
    validator: async (_rule, value: T) => {
      const result = schema.safeParse(emptyValue(pick ? pick(value) : value, empty));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Puts each issue under its field; returns the issues no field of this form could show. */
export function showFieldIssues(form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const shown = issues.filter((i) => known.has(i.path.split('.')[0]!));
  const byField = new Map<string, string[]>();
  for (const i of shown) {
    const field = i.path.split('.')[0]!;
    byField.set(field, [...(byField.get(field) ?? []), i.message]);
  }
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name, errors })));
  if (shown.length > 0) form.scrollToField(shown[0]!.path.split('.')[0]!, { block: 'center' });
  return issues.filter((i) => !shown.includes(i));
}
