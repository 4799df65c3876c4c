/**
 * Division picker: a tree rooted at the user's home division(s), loading children lazily from
 * /divisions?parent=, with a search over /divisions?q= (both limited to the user's scope by the
 * server). Used for the header's division switcher and for division fields in forms.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { TreeSelect } from 'antd';
import type { Division } from '../api/types';
import { useMessages } from '../i18n/locale';
import { fetchChildren, searchDivisions, useDivisionPath } from './division-queries';

export interface DivisionValue {
  code: string;
  name: string;
}

/** The national scope has the empty code; TreeSelect needs a non-empty value for it. */
const NATIONAL = 'CN';

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

export interface DivisionTreeSelectProps {
  value: DivisionValue | null | undefined;
  onChange(value: DivisionValue): void;
  /** The user's home division ('' for national users): the national root is offered only then. */
  home: string;
  /** Which levels may be chosen (1 省 … 5 村); others only open. Default: all. */
  selectableLevels?: number[];
  placeholder?: string;
  style?: React.CSSProperties;
  size?: 'small' | 'middle' | 'large';
  testId?: string;
  allowNational?: boolean;
}

function toNode(d: Division, selectableLevels?: number[]): Node {
  return {
    id: d.code,
    pId: d.parentCode ?? NATIONAL,
    value: d.code,
    title: d.name,
    isLeaf: d.level >= 5,
    selectable: !selectableLevels || selectableLevels.includes(d.level),
  };
}

export function DivisionTreeSelect(props: DivisionTreeSelectProps) {
  const m = useMessages();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Node[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { home, selectableLevels, allowNational } = props;

  useEffect(() => {
    let live = true;
    void fetchChildren().then((roots) => {
      if (!live) return;
      const list = roots.map((d) => toNode(d, selectableLevels));
      if (home === '') {
        // National users: a "全国" root above the provinces.
        setNodes([{ id: NATIONAL, value: NATIONAL, title: m.header.national, isLeaf: false, selectable: allowNational !== false }, ...list.map((n) => ({ ...n, pId: NATIONAL }))]);
      } else {
        setNodes(list.map((n) => ({ ...n, pId: undefined })));
      }
    });
    return () => {
      live = false;
    };
  }, [home, selectableLevels, allowNational, m.header.national]);

  async function loadData(node: { value?: string | number }) {
    const code = String(node.value);
    if (code === NATIONAL || nodes.some((n) => n.pId === code)) return;
    const children = await fetchChildren(code);
    setNodes((prev) => [...prev, ...children.filter((c) => !prev.some((p) => p.id === c.code)).map((d) => toNode(d, selectableLevels))]);
  }

  function onSearch(text: string) {
    setSearch(text);
    clearTimeout(timer.current);
    if (text.trim().length === 0) {
      setFound(null);
      return;
    }
    timer.current = setTimeout(() => {
      void searchDivisions(text.trim()).then((list) =>
        setFound(list.map((d) => ({ ...toNode(d, selectableLevels), pId: undefined, isLeaf: true, title: `${d.name}（${d.code}）` }))),
      );
    }, 250);
  }

  const treeData = useMemo(() => found ?? nodes, [found, nodes]);
  // A value set from a record carries only its code: look its name up for the label.
  const needsName = !!props.value && props.value.code !== '' && (!props.value.name || props.value.name === props.value.code);
  const lookedUp = useDivisionPath(needsName ? props.value!.code : null);
  const label = !props.value ? '' : props.value.code === '' ? m.header.national : needsName ? (lookedUp.data?.division.name ?? props.value.code) : props.value.name;
  const value = props.value ? { value: props.value.code === '' ? NATIONAL : props.value.code, label } : undefined;

  return (
    <TreeSelect
      data-testid={props.testId}
      style={props.style}
      size={props.size}
      treeDataSimpleMode
      treeData={treeData}
      loadData={found ? undefined : loadData}
      labelInValue
      value={value}
      showSearch
      searchValue={search}
      onSearch={onSearch}
      filterTreeNode={false}
      placeholder={props.placeholder ?? m.header.searchDivision}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
      treeDefaultExpandedKeys={home === '' ? [NATIONAL] : []}
      onChange={(v: { value: string; label: React.ReactNode } | undefined) => {
        if (!v) return;
        const code = v.value === NATIONAL ? '' : v.value;
        const node = treeData.find((n) => n.value === v.value);
        const name = node ? node.title.replace(/（\d+）$/, '') : String(v.label ?? code);
        setSearch('');
        setFound(null);
        props.onChange({ code, name });
      }}
    />
  );
}
