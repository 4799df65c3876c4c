import { useDivisionPath } from '../../shared/division-queries';
import { useMessages } from '../../i18n/locale';

/** A division code shown by name ('' is nationwide). */
export function DivisionName({ code }: { code: string }) {
  const m = useMessages();
  const path = useDivisionPath(code || null);
  if (!code) return <>{m.header.national}</>;
  return (
    <span title={code}>
      {path.data?.division.name ?? code}
    </span>
  );
}
