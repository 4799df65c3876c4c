/**
 * Saving a record that carries a version (optimistic locking). A stale version comes back as
 * 409 with the server's current record; this hook keeps both so the conflict dialog can show
 * them, and offers the two ways out: take theirs, or re-submit mine on top of their version.
 */
import { useState } from 'react';
import { isApiError } from '../api/errors';

export interface Conflict<I, R> {
  message: string;
  mine: I;
  current: R;
}

export function useVersionedSave<I, R extends { version: number }, O>(save: (input: I, version: number | null) => Promise<O>) {
  const [conflict, setConflict] = useState<Conflict<I, R> | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(input: I, version: number | null): Promise<O | undefined> {
    setPending(true);
    try {
      const out = await save(input, version);
      setConflict(null);
      return out;
    } catch (error) {
      if (isApiError(error, 'CONFLICT') && error.current && typeof error.current === 'object') {
        setConflict({ message: error.message, mine: input, current: error.current as R });
        return undefined;
      }
      throw error;
    } finally {
      setPending(false);
    }
  }

  /**
   * "Overwrite with mine": my changes on top of the version the server has. `merge` decides
   * which of my fields count as changes; without it the whole of my input is sent again.
   */
  async function overwrite(merge?: (mine: I, current: R) => I): Promise<O | undefined> {
    if (!conflict) return undefined;
    return submit(merge ? merge(conflict.mine, conflict.current) : conflict.mine, conflict.current.version);
  }

  return { submit, overwrite, conflict, dismiss: () => setConflict(null), pending };
}
