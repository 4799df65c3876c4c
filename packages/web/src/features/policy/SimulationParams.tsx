/**
 * The parameters a what-if may change, grouped by pack: each with its value in force on the date
 * and a box for the trial value (empty = unchanged). Keys are `CODE.name`, as the API takes them.
 */
import { Collapse, InputNumber, Table, Tag, Typography } from 'antd';
import type { PolicyParameter } from '@anju/core/policy/pack-schema';
import { inForceOn } from '@anju/core/policy/versions';
import { usePolicyMessages } from './policy-messages';
import type { PackDetail } from './policy-types';
import { ParamValue } from './ParametersTable';

export type TrialValues = Record<string, number | null>;

export function trialSet(values: TrialValues): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

interface Props {
  packs: PackDetail[];
  asOf: string;
  values: TrialValues;
  onChange(values: TrialValues): void;
}

export function SimulationParams({ packs, asOf, values, onChange }: Props) {
  const p = usePolicyMessages();
  const set = trialSet(values);
  return (
    <Collapse
      size="small"
      data-testid="simulation-params"
      defaultActiveKey={packs.slice(0, 1).map((d) => d.pack.code)}
      items={packs.map(({ pack }) => {
        const changed = Object.keys(set).filter((k) => k.startsWith(`${pack.code}.`)).length;
        return {
          key: pack.code,
          label: (
            <span data-testid={`simulation-pack-${pack.code}`}>
              <b>{pack.code}</b> {pack.title}
              {changed > 0 && (
                <Tag color="blue" style={{ marginLeft: 8 }}>
                  {p.changedN(changed)}
                </Tag>
              )}
            </span>
          ),
          children: (
            <Table<PolicyParameter>
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={pack.parameters}
              scroll={{ x: 'max-content' }}
              onRow={(param) => ({ 'data-param': `${pack.code}.${param.name}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: p.parameter,
                  dataIndex: 'title',
                  render: (t: string, param) => (
                    <div style={{ maxWidth: 380, whiteSpace: 'normal' }}>
                      {t}
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {param.clause ?? ''}
                      </Typography.Text>
                    </div>
                  ),
                },
                { title: p.current, key: 'current', render: (_: unknown, param) => <ParamValue value={inForceOn(param.versions, asOf)?.value} unit={param.unit} /> },
                {
                  title: p.trial,
                  key: 'trial',
                  render: (_: unknown, param) => {
                    const key = `${pack.code}.${param.name}`;
                    return (
                      <InputNumber
                        value={values[key] ?? null}
                        placeholder={p.trialPlaceholder}
                        onChange={(v) => onChange({ ...values, [key]: typeof v === 'number' ? v : null })}
                        style={{ width: 160 }}
                        suffix={param.unit}
                        data-testid="simulation-value"
                      />
                    );
                  },
                },
              ]}
            />
          ),
        };
      })}
    />
  );
}
