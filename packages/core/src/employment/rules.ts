/**
 * The employment facts that are settings (SPEC §5), each with the clause it comes from. The
 * server stores them as dated settings per jurisdiction; these are the defaults.
 */
export interface StableEmploymentSetting {
  /** Employed in at least this many of the last `windowPeriods` periods … */
  minEmployedPeriods: number;
  windowPeriods: number;
  /** … or holding a contract of at least this many months. */
  minContractMonths: number;
}

export const DEFAULT_STABLE_EMPLOYMENT: StableEmploymentSetting = { minEmployedPeriods: 6, windowPeriods: 12, minContractMonths: 12 };

export const EMPLOYMENT_SETTING_KEYS = {
  stable: 'employment.stable',
} as const;

/** Where each derived fact comes from, shown beside the figures and in the settings page. */
export const employmentFactSources = {
  labourForce: { title: '劳动力', clause: 'SPEC §3.3；XX-2020 二', rule: '16–60 周岁（设置项）、有劳动能力、非在校生' },
  employed: { title: '已就业', clause: 'GZ-2022 19', rule: '当期台账就业状态为“已就业”' },
  stablyEmployed: { title: '稳定就业', clause: 'GZ-2020 1；YC-2021 (八)2', rule: '近12期中至少6期就业，或劳动合同1年以上（设置项）' },
  zeroEmployment: { title: '零就业家庭', clause: 'GZ-2022 5、19；XX-2020 二(一)', rule: '至少1名有劳动能力且有就业意愿的成员、当期无人就业；台账显示成员就业之期清零' },
  oneStablePerHousehold: { title: '一户一人以上稳定就业', clause: 'GZ-2020 1；YC-2021 (八)2', rule: '有劳动力的搬迁户中至少1人稳定就业' },
  firstCrossProvince: { title: '首次跨省就业', clause: 'SX-2021 (四)', rule: '本期在省外就业，且此前各期从未在省外就业' },
  returnee: { title: '返乡', clause: 'SX-2021 (四)', rule: '上期在县外就业，本期未就业或在县内就业' },
} as const;
