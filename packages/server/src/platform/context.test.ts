import { describe, expect, it } from 'vitest';
import { today } from './context.js';

const at = (iso: string) => ({ now: () => new Date(iso) }) as Parameters<typeof today>[0];

describe('today', () => {
  it('is the Beijing date: from 16:00 UTC it is already the next day there', () => {
    expect(today(at('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
    expect(today(at('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
    expect(today(at('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
