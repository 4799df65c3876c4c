/**
 * 政策试算 (SPEC §6, what-if): change amounts or thresholds and see, before they take effect, who
 * is gained or lost and what it costs, by rule and by child division. Nothing is saved.
 */
import { useState } from 'react';
import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useMessages } from '../../i18n/locale';
import { inForceOn } from '@anju/core/policy/versions';
import { isPayable } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import { simulate, useAllPacks, usePacks, type SubjectsSource } from './policy-queries';
import type { Simulation, SimulationRule } from './policy-types';
import { ScopeBar, usePolicyScope } from './ScopeBar';
import { SimulationParams, trialSet, type TrialValues } from './SimulationParams';
import { SimulationResults } from './SimulationResults';
import { SubjectsDrawer } from './SubjectsDrawer';

export function SimulationPage() {
  const m = useMessages();
  const p = usePolicyMessages();
  const { divisionCode, asOf } = usePolicyScope();
  const list = usePacks();
  const packs = useAllPacks(list.data?.items.map((x) => x.code));
  const [values, setValues] = useState<TrialValues>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Simulation | null>(null);
  const [drawer, setDrawer] = useState<SubjectsSource | null>(null);
  usePageTitle(p.simulation);
  const set = trialSet(values);
  const changed = Object.keys(set).length;

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setResult(await simulate(divisionCode, asOf, set));
    } catch (e) {
      setResult(null);
      setError(errorText(e, m.common.networkError));
    } finally {
      setRunning(false);
    }
  }

  // The kind of each rule's version on the date: only cash and loans have amounts.
  const kinds = new Map((packs.data ?? []).flatMap(({ pack }) => pack.rules.map((r) => [r.id, (inForceOn(r.versions, asOf) ?? r.versions[0])?.benefit.kind] as const)));
  const payable = (ruleId: string) => isPayable(kinds.get(ruleId));
  const openList = (rule: SimulationRule, change: 'gained' | 'lost') =>
    result && setDrawer({ kind: 'simulation', ruleId: rule.ruleId, title: rule.title, payable: payable(rule.ruleId), division: result.division, asOf: result.asOf, set: result.set, change });

  const failed = list.error ?? packs.error;
  return (
    <div data-testid="simulation-page">
      <PageHead title={p.simulation} />
      <Typography.Paragraph type="secondary">{p.simulationHint}</Typography.Paragraph>
      <Alert type="warning" showIcon title={p.notSaved} description={p.notSavedHint} style={{ marginBottom: 12 }} data-testid="simulation-not-saved" />
      <ScopeBar />
      <Card
        size="small"
        title={p.pickParameters}
        extra={
          <Button type="primary" icon={<CalculatorOutlined />} loading={running} disabled={changed === 0} onClick={() => void run()} data-testid="simulation-run">
            {p.run}
          </Button>
        }
      >
        {failed ? (
          <ErrorState error={failed} onRetry={() => void list.refetch().then(() => packs.refetch())} />
        ) : !packs.data ? (
          <Skeleton active />
        ) : (
          <SimulationParams packs={packs.data} asOf={asOf} values={values} onChange={setValues} />
        )}
        {changed === 0 && <Typography.Text type="secondary">{p.chooseOne}</Typography.Text>}
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="simulation-error" />}
      {result && <SimulationResults result={result} payable={payable} onList={openList} />}
      <SubjectsDrawer source={drawer} onClose={() => setDrawer(null)} />
    </div>
  );
}
