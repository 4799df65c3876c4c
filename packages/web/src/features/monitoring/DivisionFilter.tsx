/** The division a monitoring list looks at: the header's scope, which this picker also sets. */
import { DivisionTreeSelect } from '../../shared/DivisionTreeSelect';
import { useDivision } from '../layout/division-context';
import { useMonitoringMessages } from './monitoring-messages';

export function DivisionFilter({ testId }: { testId: string }) {
  const t = useMonitoringMessages();
  const { home, division, setDivision } = useDivision();
  return <DivisionTreeSelect value={division} home={home} onChange={setDivision} style={{ width: 240 }} testId={testId} placeholder={t.division} />;
}
