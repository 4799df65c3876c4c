/**
 * Counts what a ledger file costs while it streams and stops at the limits of import-limits.ts,
 * so a file that passed the zip checks still cannot make the reader run for hours or hold
 * millions of strings.
 */
import { IMPORT_LIMITS, ImportLimitError, limitMessages } from './import-limits.js';

export class ReadBudget {
  private rows = 0;
  private cells = 0;

  /** Call for every row the source produces, blank ones included, before its cells are built. */
  row(rowNo: number, columns: number): void {
    if (++this.rows > IMPORT_LIMITS.maxRows) throw new ImportLimitError(limitMessages.rows());
    if (columns > IMPORT_LIMITS.maxColumns) throw new ImportLimitError(limitMessages.columns(rowNo, columns));
    this.cells += columns;
    if (this.cells > IMPORT_LIMITS.maxCells) throw new ImportLimitError(limitMessages.cells());
  }
}

/** An array that refuses to grow past the shared-string limit: exceljs pushes every <si> into one. */
class SharedStrings extends Array<unknown> {
  override push(...items: unknown[]): number {
    if (this.length + items.length > IMPORT_LIMITS.maxSharedStrings) throw new ImportLimitError(limitMessages.sharedStrings());
    return super.push(...items);
  }
}

/**
 * exceljs's streaming reader caches shared strings in `reader.sharedStrings` (it assigns a fresh
 * array, then pushes one string per <si>) and offers no limit; the list it assigns is swapped for
 * one that throws at the limit, which ends the read with that message.
 */
export function limitSharedStrings(reader: object): void {
  let store: unknown;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => store,
    set: (value: unknown) => {
      if (!Array.isArray(value)) return void (store = value);
      const limited = new SharedStrings();
      for (const item of value as unknown[]) limited.push(item);
      store = limited;
    },
  });
}
