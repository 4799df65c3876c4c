/**
 * The zod building blocks every input schema uses, so each field type has one set of Chinese
 * messages everywhere: `${field}须为…`, `${field}不能为空`, and so on.
 */
import { z } from 'zod';
import { normalizeName, normalizeText } from './normalize.js';

type Labelled = { values: [string, ...string[]]; labels: Record<string, string> };

/** One of a labelled set's codes; the message lists the Chinese labels. */
export function choice<L extends Labelled>(set: L, field: string) {
  return z.enum(set.values as L['values'], { error: () => `${field}须为以下之一：${Object.values(set.labels).join('、')}` });
}

export const text = (field: string, max: number) =>
  z
    .string({ error: `${field}须为文本` })
    .transform(normalizeText)
    .pipe(z.string().min(1, `${field}不能为空`).max(max, `${field}不能超过${max}个字`));

/** A person's name, the same wherever it is typed: 赵　六 (ideographic padding) is 赵六. */
export const personName = (field: string, max: number) =>
  z
    .string({ error: `${field}须为文本` })
    .transform(normalizeName)
    .pipe(z.string().min(1, `${field}不能为空`).max(max, `${field}不能超过${max}个字`));

/** Blank text is stored as null. */
export const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field}须为文本` })
    .transform(normalizeText)
    .pipe(z.string().max(max, `${field}不能超过${max}个字`))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

export const isoDate = (field: string) => z.iso.date({ error: `${field}须为日期（YYYY-MM-DD）` });

export const version = z.number({ error: '缺少版本号' }).int().positive();

/** Largest PostgreSQL bigint: every record id column is bigint. */
export const MAX_RECORD_ID = '9223372036854775807';

/**
 * A record id as the API carries it (a decimal string). Beyond bigint PostgreSQL refuses the
 * query with an error, not an empty answer, so the bound is checked here and named in the message.
 */
export const recordId = (field: string, missing = `${field}须为数字`) =>
  z
    .string({ error: missing })
    .regex(/^\d+$/, { message: `${field}须为数字`, abort: true })
    .refine((s) => s.length < MAX_RECORD_ID.length || (s.length === MAX_RECORD_ID.length && s <= MAX_RECORD_ID), `${field}超出范围，不能大于 ${MAX_RECORD_ID}`);
