/**
 * 判定依据: the trace of a rule's condition as a tree. 且/或/非 nodes hold their parts; a leaf shows
 * the condition as written, whether it held, and each fact or parameter it read with its value and
 * source (a fact nobody reported is marked: the rule was decided on its default).
 */
import { Tag, Tooltip, Typography } from 'antd';
import type { TraceOutput } from './policy-types';
import { useFactValue } from './fact-value';
import { usePolicyMessages } from './policy-messages';

/**
 * Which operator joins a node's parts: the trace keeps only the text, so it is read from the
 * operator outside any parentheses or string (|| binds looser than &&, so it wins).
 */
export function joinOf(node: TraceOutput): 'all' | 'any' | 'not' | null {
  if (!node.children?.length) return null;
  if (node.children.length === 1) return 'not';
  let depth = 0;
  let quote: string | null = null;
  let and = false;
  const t = node.text;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && t.startsWith('||', i)) return 'any';
    else if (depth === 0 && t.startsWith('&&', i)) and = true;
  }
  return and ? 'all' : 'any';
}

function ValueTag({ value }: { value: unknown }) {
  const p = usePolicyMessages();
  if (value === true) return <Tag color="green" data-testid="trace-holds">{p.holds}</Tag>;
  if (value === false) return <Tag color="red" data-testid="trace-fails">{p.fails}</Tag>;
  return <Tag>{String(value)}</Tag>;
}

function Facts({ facts }: { facts: NonNullable<TraceOutput['facts']> }) {
  const p = usePolicyMessages();
  const show = useFactValue();
  return (
    <ul style={{ margin: '2px 0 4px', paddingLeft: 22 }} data-testid="trace-facts">
      {facts.map((f) => (
        <li key={f.name} data-fact={f.name}>
          <Tooltip title={p.factSource(f.source)}>
            <span>{f.label}</span>
          </Tooltip>
          ：<b data-testid="trace-fact-value">{show(f.name, f.value, f.masked)}</b>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {p.factSource(f.source)}
          </Typography.Text>
          {f.defaulted && (
            <Tag color="orange" style={{ marginLeft: 8 }} data-testid="trace-defaulted">
              {p.defaulted}
            </Tag>
          )}
        </li>
      ))}
    </ul>
  );
}

export function TraceTree({ node }: { node: TraceOutput }) {
  const p = usePolicyMessages();
  const join = joinOf(node);
  return (
    <div style={{ margin: '4px 0' }} data-testid="trace-node">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
        <ValueTag value={node.value} />
        {join ? <b style={{ marginRight: 4 }}>{p[join]}</b> : null}
        <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {node.text}
        </Typography.Text>
      </div>
      {node.facts && node.facts.length > 0 && <Facts facts={node.facts} />}
      {node.children && (
        <div style={{ marginLeft: 10, paddingLeft: 12, borderLeft: '2px solid #e8e8e8' }}>
          {node.children.map((child, i) => (
            <TraceTree key={i} node={child} />
          ))}
        </div>
      )}
    </div>
  );
}
