/**
 * Which monitoring category (监测类别) a risk points to (SPEC §4). The documents name three kinds
 * of household at risk (SX-2021 (一), YC-2021 (五)): 脱贫不稳定户 — a registered-poor household
 * whose income is within the monitoring range; 边缘易致贫户 — an ordinary household in the same
 * range; and 突发严重困难户 — either kind, whose basic living is in serious difficulty because of
 * large rigid expenses (illness, disaster, disability, accident) or a sharp drop in income. So the
 * household's kind decides between the first two, and the cause decides the third.
 *
 * The cause of each JC-2021 warning rule is decided here, beside the pack rather than in it: the
 * bundled pack is stored once as revision 1 (docs/POLICY.md), so a field added to it would never
 * reach a database that already holds the pack. A warning rule not listed (one an administrator
 * adds) points to the household kind's category. Light on purpose (no zod): the web imports it.
 */
import { householdKinds } from '../registry/enums.js';
import { caseCategories } from './case-enums.js';

export type CaseCategory = (typeof caseCategories.values)[number];
export type HouseholdKind = (typeof householdKinds.values)[number];

export interface WarningRuleCategory {
  /** `household_kind`: 脱贫不稳定户 or 边缘易致贫户 by the household's kind; `sudden_hardship`: 突发严重困难户. */
  points: 'household_kind' | 'sudden_hardship';
  /** The clause that puts the cause in its category, quoted from the document. */
  clause: { ref: string; text: string };
  /** Why, in a sentence a monitor can check. */
  reading: string;
}

const SX_2021_ONE = {
  ref: 'SX-2021 (一)',
  text: '重点关注搬迁群众中脱贫不稳定户、边缘易致贫户,及因病因灾因残因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难户;',
};
const YC_2021_FIVE = {
  ref: 'YC-2021 (五)',
  text: '对脱贫不稳定户、边缘易致贫户、以及因病因灾因意外事故等刚性支出较大或收入大幅度缩减导致基本生活出现严重困难户,要加大动态监测。',
};
const YC_2021_SEVEN = {
  ref: 'YC-2021 (七)',
  text: '巩固“两不愁三保障”成果。落实行业主管部门责任。',
};
const byKind = '按户类型：脱贫户为脱贫不稳定户，一般农户（同步搬迁户）为边缘易致贫户';

export const warningRuleCategories: Readonly<Record<string, WarningRuleCategory>> = {
  'JC-2021-income-below-line': { points: 'household_kind', clause: SX_2021_ONE, reading: `收入在监测范围内，${byKind}` },
  'JC-2021-income-drop': { points: 'sudden_hardship', clause: YC_2021_FIVE, reading: '收入大幅度缩减导致基本生活出现严重困难' },
  'JC-2021-rigid-expense': { points: 'sudden_hardship', clause: YC_2021_FIVE, reading: '因病刚性支出较大' },
  'JC-2021-zero-employment': {
    points: 'household_kind',
    clause: { ref: 'GZ-2022 18.', text: '及时按要求将搬迁群众三类人群纳入监测帮扶系统,督促落实就业、低保、养老、残疾人保障、教育、医疗卫生等政策和措施' },
    reading: `有劳动力而无人就业，收入在监测范围内，${byKind}`,
  },
  'JC-2021-out-of-school': { points: 'household_kind', clause: YC_2021_SEVEN, reading: `义务教育保障问题，不是突发支出或收入骤减，${byKind}` },
  'JC-2021-unsafe-housing': { points: 'household_kind', clause: YC_2021_SEVEN, reading: `住房安全保障问题（住建部门鉴定），不是突发支出或收入骤减，${byKind}` },
  'JC-2021-unsafe-water': { points: 'household_kind', clause: YC_2021_SEVEN, reading: `饮水安全问题，不是突发支出或收入骤减，${byKind}` },
  'JC-2021-earner-lost': { points: 'sudden_hardship', clause: SX_2021_ONE, reading: '因残、因意外事故（劳动年龄成员死亡或致残）收入大幅缩减' },
  'JC-2021-temporary-assistance': {
    points: 'sudden_hardship',
    clause: { ref: 'XX-2020 三(五)', text: '对易地扶贫搬迁对象因突发性、临时性或重大疾病等情况造成家庭生活困难,在实施社会救助后仍有严重困难的,实施临时救助。' },
    reading: '临时救助针对突发性、临时性困难或重大疾病',
  },
};

/** The rules whose warnings point to 突发严重困难户 whatever the household's kind. */
export const suddenHardshipRuleIds: readonly string[] = Object.entries(warningRuleCategories)
  .filter(([, c]) => c.points === 'sudden_hardship')
  .map(([id]) => id);

/** The category of a household at risk without a sudden hardship: its income within the range. */
export function categoryOfKind(kind: HouseholdKind): 'unstable' | 'marginal' {
  return kind === 'registered_poor' ? 'unstable' : 'marginal';
}

/** The category a warning of `ruleId` points to for a household of `kind`. */
export function warningCategory(ruleId: string, kind: HouseholdKind): CaseCategory {
  return warningRuleCategories[ruleId]?.points === 'sudden_hardship' ? 'sudden_hardship' : categoryOfKind(kind);
}

/** The categories a household of `kind` may be monitored in: its kind's, or sudden hardship. */
export function categoriesOfKind(kind: HouseholdKind): CaseCategory[] {
  return [categoryOfKind(kind), 'sudden_hardship'];
}

/**
 * Why `category` contradicts the household's kind, or undefined when it does not: only a
 * registered-poor household is 脱贫不稳定户, and a registered-poor household is never 边缘易致贫户.
 */
export function categoryConflict(kind: HouseholdKind, category: CaseCategory): string | undefined {
  if (categoriesOfKind(kind).includes(category)) return undefined;
  const allowed = categoriesOfKind(kind).map((c) => caseCategories.labels[c]).join('或');
  return `${householdKinds.labels[kind]}不能认定为${caseCategories.labels[category]}，只能为${allowed}`;
}

/**
 * The category a lead proposes: 突发严重困难户 when every warning it takes points there (an
 * expense or a shock, the income otherwise above the range); the kind's category otherwise — a
 * warning of income or 三保障 in the range outweighs it, and a lead without warnings starts there.
 */
export function proposedCategory(kind: HouseholdKind, warningCategories: readonly CaseCategory[]): CaseCategory {
  return warningCategories.length > 0 && warningCategories.every((c) => c === 'sudden_hardship') ? 'sudden_hardship' : categoryOfKind(kind);
}
