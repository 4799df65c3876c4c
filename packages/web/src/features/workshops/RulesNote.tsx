/** The rules in force and the document they come from, above the workshops they judge. */
import { Alert } from 'antd';
import type { WorkshopOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';

export function RulesNote({ rules }: { rules: WorkshopOutput['rules'] | undefined }) {
  const m = useMessages();
  if (!rules) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`${m.workshop.rules}：${m.workshop.rulesText(rules.minPovertyWorkers, rules.upgradeMinYears, rules.upgradeMinYearlyWorkers)}`}
      description={m.workshop.rulesSource(rules.source, rules.effectiveFrom)}
      data-testid="workshop-rules"
    />
  );
}
