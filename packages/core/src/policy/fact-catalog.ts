/**
 * The fact model of the policy engine (SPEC §6): what a rule's condition may ask about a person,
 * a household, an employer, a hire (one person's employment with one employer) or a site, as of
 * a date. Each fact says where it comes from, so an explanation can name its source. The server
 * derives the same facts in SQL from the registry and the labour ledger; a case file supplies
 * them directly. Names are the CEL names (`person.age`); docs/POLICY.md lists them for readers.
 */

export type FactType = 'int' | 'double' | 'bool' | 'string';

export interface FactDef {
  type: FactType;
  label: string;
  /** Where the value comes from, in the words a clerk can check. */
  source: string;
  /** Allowed values of a coded string fact (the registry's codes). */
  values?: readonly string[];
  /** Personal data (an income): masked in explanations shown to users. */
  personal?: boolean;
}

export const subjectKinds = ['person', 'household', 'employer', 'hire', 'site'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const subjectKindLabels: Record<SubjectKind, string> = {
  person: '个人',
  household: '家庭',
  employer: '经营主体',
  hire: '用工关系',
  site: '安置点',
};

const LEDGER = '劳动力月调度台账（评估日所在月份）';
// Month counts are of the months over by the evaluation date whose records are confirmed (a
// carried-forward record awaiting confirmation is none): docs/POLICY.md §1, server labour-streaks.ts.
const RUN = '劳动力月调度台账（连续各期中已确认且已过完的月份）';

const person = {
  age: { type: 'int', label: '年龄（周岁）', source: '人员信息：出生日期（评估日）' },
  sex: { type: 'string', label: '性别', source: '人员信息：身份证号', values: ['M', 'F'] },
  labourCapacity: {
    type: 'string',
    label: '劳动能力',
    source: '人员信息：劳动能力',
    values: ['ordinary', 'skilled', 'weak', 'lost', 'none'],
  },
  schoolStage: {
    type: 'string',
    label: '在校情况',
    source: '人员信息：在校情况',
    values: ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'university'],
  },
  disabilityGrade: { type: 'int', label: '残疾等级（0为无）', source: '人员信息：残疾等级' },
  safetyNet: {
    type: 'string',
    label: '兜底保障',
    source: '人员信息：低保/特困',
    values: ['none', 'dibao_rural', 'dibao_urban', 'tekun_rural', 'tekun_urban'],
  },
  labourForce: { type: 'bool', label: '劳动力', source: '劳动力年龄、劳动能力和在校情况（设置 labour.force）' },
  employed: { type: 'bool', label: '已就业', source: LEDGER },
  channel: { type: 'string', label: '就业渠道（未就业为空）', source: LEDGER },
  place: {
    type: 'string',
    label: '就业地点（未就业为空）',
    source: LEDGER,
    values: ['', 'outside_province', 'in_province', 'in_county'],
  },
  contractMonths: { type: 'int', label: '劳动合同期限（月）', source: LEDGER },
  socialInsurance: { type: 'bool', label: '当月参加社会保险', source: LEDGER },
  monthsEmployedLast12: { type: 'int', label: '近12个月就业月数', source: '劳动力月调度台账（近12期中已确认且已过完的月份）' },
  consecutiveMonthsEmployed: { type: 'int', label: '连续就业月数（截至当月）', source: RUN },
  consecutiveMonthsOutsideProvince: { type: 'int', label: '连续省外就业月数', source: RUN },
  firstCrossProvinceJob: { type: 'bool', label: '首次跨省就业（当前省外工作为首次）', source: '劳动力月调度台账（全部历史）' },
  stablyEmployed: { type: 'bool', label: '稳定就业', source: '劳动力月调度台账：稳定就业（设置 employment.stable）' },
  returnee: { type: 'bool', label: '返乡回流', source: '劳动力月调度台账：返乡回流' },
  monthlyIncome: { type: 'double', label: '月务工收入（元）', source: LEDGER, personal: true },
  certificates: { type: 'int', label: '取得职业技能证书数', source: '培训报名：取得证书' },
  // SX-2021 (九) (每个搬迁脱贫劳动力至少参加一项培训) and GZ-2020 3. (培训补贴) ask about training
  // taken, which a certificate count does not answer: not every course ends with a certificate.
  trainingsCompleted: { type: 'int', label: '已结业的技能培训次数', source: '培训报名：结业' },
  holdsWelfarePost: { type: 'bool', label: '在岗公益性岗位', source: '公益性岗位在岗记录' },
  graduationYear: { type: 'int', label: '高校毕业年份（0为无）', source: '个案材料（登记信息中无此项）' },
  inDifficulty: { type: 'bool', label: '困难毕业生', source: '个案材料（登记信息中无此项）' },
  startingBusiness: { type: 'bool', label: '正在自主创业', source: '个案材料（登记信息中无此项）' },
  lacksFunds: { type: 'bool', label: '自有资金不足', source: '个案材料（登记信息中无此项）' },
} as const satisfies Record<string, FactDef>;

const household = {
  registeredPoor: { type: 'bool', label: '建档立卡脱贫户', source: '搬迁户信息：户类型' },
  monitoringCategory: {
    type: 'string',
    label: '监测对象类别',
    source: '搬迁户信息：监测对象类别',
    values: ['none', 'unstable', 'marginal', 'sudden_hardship'],
  },
  members: { type: 'int', label: '家庭人口', source: '人员信息：在册成员数' },
  labourForceMembers: { type: 'int', label: '劳动力人数', source: LEDGER },
  // SX-2021 (二) covers families whose labour has partly lost the capacity to work (弱劳动力或半劳动力).
  weakLabourMembers: { type: 'int', label: '劳动力中弱劳动力或半劳动力人数', source: '人员信息：劳动能力；劳动力月调度台账' },
  employedMembers: { type: 'int', label: '就业人数', source: LEDGER },
  stablyEmployedMembers: { type: 'int', label: '稳定就业人数', source: LEDGER },
  zeroEmployment: { type: 'bool', label: '零就业家庭', source: '零就业家庭台账（未销号）' },
  annualWorkIncomePerCapita: { type: 'double', label: '人均务工收入（按当月×12，元）', source: LEDGER, personal: true },
  urbanSite: { type: 'bool', label: '城镇安置', source: '安置点信息：安置区域' },
  ruralSafetyNet: { type: 'bool', label: '有成员享受农村低保或特困', source: '人员信息：低保/特困' },
  relocationYear: { type: 'int', label: '搬迁年份', source: '搬迁户信息：搬迁年份' },
  // Monitoring (SPEC §4): thresholds come from the dated settings of the household's jurisdiction,
  // the rest from the ledger and the departments' lists (数据比对).
  incomeLine: { type: 'double', label: '防止返贫监测收入标准（元/人·年）', source: '监测设置：本省当年监测收入标准（0 为未设定）' },
  incomeDropShare: { type: 'double', label: '家庭务工收入较上年同月降幅（0–1）', source: '劳动力月调度台账（当月与上年同月）' },
  incomeDropThreshold: { type: 'double', label: '收入大幅缩减预警比例', source: '监测设置：收入降幅预警线' },
  medicalExpense12m: { type: 'double', label: '近12个月个人自付医疗费用（元）', source: '医保部门比对数据', personal: true },
  rigidExpenseShare: { type: 'double', label: '刚性支出占家庭年收入比例', source: '医保部门比对数据与劳动力月调度台账' },
  rigidExpenseThreshold: { type: 'double', label: '刚性支出预警比例', source: '监测设置：刚性支出预警线' },
  childOutOfSchool: { type: 'bool', label: '义务教育适龄儿童失学辍学', source: '人员信息（6–15周岁非在校、非因残）与教育部门比对数据' },
  unsafeHousing: { type: 'bool', label: '住房安全未保障（近12个月）', source: '住建部门比对数据' },
  unsafeWater: { type: 'bool', label: '饮水安全未保障（近12个月）', source: '水利部门比对数据' },
  earnerLost: { type: 'bool', label: '近3个月有劳动年龄成员死亡或致残', source: '公安、残联部门比对数据' },
  temporaryAssistance: { type: 'bool', label: '近12个月领取临时救助', source: '民政部门比对数据' },
} as const satisfies Record<string, FactDef>;

const employer = {
  kind: {
    type: 'string',
    label: '主体类型',
    source: '经营主体信息：类型',
    values: ['enterprise', 'workshop', 'cooperative', 'individual', 'other'],
  },
  foundedByRelocated: { type: 'bool', label: '搬迁群众创办', source: '经营主体信息：搬迁群众创办' },
  inSite: { type: 'bool', label: '位于安置点', source: '经营主体信息：所在安置点' },
  monthsOperating: { type: 'int', label: '连续经营月数', source: '经营主体信息：成立日期（至评估日）' },
  positions: { type: 'int', label: '岗位数', source: '经营主体信息：岗位数' },
  relocatedWorkers: { type: 'int', label: '吸纳搬迁劳动力人数', source: LEDGER },
} as const satisfies Record<string, FactDef>;

const hire = {
  monthsEmployed: { type: 'int', label: '在该主体连续就业月数', source: RUN },
  contractMonths: { type: 'int', label: '劳动合同期限（月）', source: LEDGER },
  insuredMonths: { type: 'int', label: '在该主体连续参保月数', source: RUN },
  startDate: { type: 'string', label: '入职日期（YYYY-MM-DD）', source: LEDGER },
  returneeHire: { type: 'bool', label: '受雇时为返乡回流人员（入职当月或前一月返乡）', source: '劳动力月调度台账：返乡回流' },
  placedByAgency: { type: 'bool', label: '经人力资源机构介绍录用', source: '岗位推荐：已录用' },
  // Coded so a typo in a case file is refused instead of silently failing a rule: 以工代训
  // (GZ-2020 3., the ledger's code `apprenticeship`) and the four kinds of GZ-2022 4. (新型学徒制,
  // 新业态新职业, 在岗技能提升, 高技能人才).
  trainingKind: {
    type: 'string',
    label: '用人单位组织的培训类型（无为空）',
    source: '个案材料（登记信息中无此项）',
    values: ['', 'apprenticeship', 'new_apprenticeship', 'new_occupation', 'on_job', 'high_skill'],
  },
} as const satisfies Record<string, FactDef>;

const site = {
  population: { type: 'int', label: '安置人口', source: '人员信息：在册人数' },
  registeredPoorPeople: { type: 'int', label: '建档立卡搬迁人口', source: '人员信息：建档立卡户成员' },
  workshops: { type: 'int', label: '帮扶车间数', source: '帮扶车间台账' },
} as const satisfies Record<string, FactDef>;

export const factCatalog = { person, household, employer, hire, site } as const satisfies Record<SubjectKind, Record<string, FactDef>>;

/** The variables a rule about each kind of subject can use: its own facts and its relations'. */
export const subjectScope: Record<SubjectKind, readonly SubjectKind[]> = {
  person: ['person', 'household'],
  household: ['household'],
  employer: ['employer'],
  hire: ['hire', 'person', 'employer'],
  site: ['site'],
};

export function factDef(subject: SubjectKind, name: string): FactDef | undefined {
  return (factCatalog[subject] as Record<string, FactDef>)[name];
}

/** The value a fact takes when nothing is recorded (a case file may omit it; SQL coalesces to it). */
export function factDefault(type: FactType): number | boolean | string {
  return type === 'bool' ? false : type === 'string' ? '' : 0;
}
