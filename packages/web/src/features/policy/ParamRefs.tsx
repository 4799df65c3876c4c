/** The parameters an expression reads (`params.name`), each with its title and value in force. */
import { Typography } from 'antd';
import type { PolicyPack } from '@anju/core/policy/pack-schema';
import { inForceOn } from '@anju/core/policy/versions';
import { LocalTag } from './benefit-format';

export function paramNames(expression: string | undefined): string[] {
  if (!expression) return [];
  return [...new Set([...expression.matchAll(/params\.([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]!))];
}

export function ParamRefs({ pack, expressions, on }: { pack: PolicyPack; expressions: (string | undefined)[]; on: string }) {
  const names = [...new Set(expressions.flatMap(paramNames))];
  const used = names.map((n) => pack.parameters.find((x) => x.name === n)).filter((x) => x !== undefined);
  if (used.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18, fontSize: 13 }} data-testid="param-refs">
      {used.map((param) => {
        const value = inForceOn(param.versions, on)?.value ?? null;
        return (
          <li key={param.name}>
            <Typography.Text type="secondary">params.{param.name}</Typography.Text> {param.title}：
            {value === null ? <LocalTag /> : <b>{`${value.toLocaleString('zh-CN')}${param.unit ? ` ${param.unit}` : ''}`}</b>}
          </li>
        );
      })}
    </ul>
  );
}
