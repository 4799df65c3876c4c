/**
 * Word lists for realistic demo people: surnames weighted by frequency (national, and for the
 * minorities of the relocation provinces their own common surnames), given-name characters by
 * sex and generation, the ethnic mix of a region, and the skills that relocated workers are
 * trained in. Weights are rough shares in per mille; they only need to look right on screen.
 */
import { Rand, Weighted } from './random.js';

type Sex = 'M' | 'F';

function table(spec: string): Weighted<string> {
  // "王71 李70 …" → weighted list; keeps the long tables readable.
  return new Weighted(
    spec
      .trim()
      .split(/\s+/)
      .map((entry) => {
        const m = /^(\D+)(\d+)$/.exec(entry);
        if (!m) throw new Error(`bad weight entry ${entry}`);
        return [m[1]!, Number(m[2])] as const;
      }),
  );
}

/** National frequency of the common surnames (the top ~130 cover about 90 % of people). */
const HAN_SURNAMES = table(`
  王71 李70 张68 刘54 陈46 杨31 黄24 赵23 吴20 周19 徐13 孙13 马11 朱11 胡11 郭11 何9 林9 罗9 高9
  郑8 梁7 谢6 宋5 唐5 许5 韩5 冯5 邓5 曹5 彭4 曾4 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程4
  苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白3
  邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2
  严2 覃2 武2 戴2 莫1 孔1 向1 汤1 常1 温1 康1 施1 文1 牛1 樊1 葛1 邢1 安1 齐1 易1 乔1 伍1 庞1 颜1
  倪1 庄1 聂1 章1 鲁1 岳1 翟1 殷1 詹1 申1 耿1 关1 兰1 焦1 俞1 左1 柳1 甘1 祝1 包1 宁1 尚1 符1 舒1
`);

/** Common surnames within minorities of the relocation areas (Guizhou, Hunan, Yunnan, Sichuan…). */
const MINORITY_SURNAMES: Record<string, Weighted<string>> = {
  苗族: table('龙10 杨10 吴9 石8 王7 张5 罗5 潘5 李4 麻3 田3 熊3 陶3 侯2 韦2'),
  布依族: table('韦12 罗10 王10 黄8 陆6 岑5 杨5 吴4 班3 卢3 莫3 梁3 蒙2 岑2'),
  侗族: table('杨15 吴12 石8 龙7 粟5 欧4 潘4 陆4 姚3 张3 李3 胡2'),
  土家族: table('田10 向10 彭10 杨6 覃6 冉5 张5 王5 李5 谭4 黄4 龚3 秦2 舒2'),
  彝族: table('李8 安8 禄6 龙6 陇5 杨5 王5 张5 陈4 苏4 沙3 吉3 阿3 马3 罗3'),
  回族: table('马30 王5 丁4 杨4 李4 白6 哈3 纳3 沙3 穆3 海3 米2 锁2'),
  仡佬族: table('王6 张5 何5 杨5 李4 罗4 韩3 邹3 申3 黎2'),
  水族: table('蒙15 韦12 潘10 杨6 石6 陆5 吴4 王4'),
  瑶族: table('赵12 盘12 李8 邓8 冯6 黄5 蒋4 唐4 奉3'),
  壮族: table('韦12 黄12 覃10 莫8 蓝6 陆5 农5 梁5 李5 罗4'),
  白族: table('杨15 李10 赵8 段8 张6 王5 和4 字3'),
  土族: table('李10 祁8 吕6 星5 鲁5'),
  东乡族: table('马30 妥5 汪5 何3'),
  撒拉族: table('韩30 马20'),
  满族: table('关8 赵8 王8 张6 富4 佟5 那4 郎3'),
  蒙古族: table('包12 白8 宝8 巴5 乌5 王4 陈3'),
  朝鲜族: table('金30 李20 朴15 崔10 郑6'),
  黎族: table('符12 王10 黄6 陈6 吉5 邢5'),
  哈尼族: table('李12 白8 杨8 张6 马5 罗5'),
  傈僳族: table('余10 李10 和8 蜂5 熊5'),
  羌族: table('王10 杨8 何6 余5 张5 陈4'),
};

/** Peoples whose personal names are not surname + given name; built separately below. */
const TIBETAN_PARTS = {
  M: ['扎西', '次仁', '顿珠', '格桑', '达瓦', '尼玛', '旺堆', '洛桑', '平措', '多吉', '索朗', '益西', '强巴', '贡布'],
  F: ['卓玛', '央金', '拉姆', '措姆', '德吉', '白玛', '曲珍', '央宗', '次珍', '普赤', '桑姆', '仓决'],
};
const TURKIC_NAMES = {
  M: ['买买提', '艾力', '阿卜杜拉', '吐尔逊', '艾合买提', '阿不都', '努尔', '艾山', '热合曼', '亚森', '赛力克', '叶尔兰'],
  F: ['古丽', '阿依古丽', '热依拉', '帕提古丽', '米热古丽', '阿依努尔', '再娜甫', '祖丽菲亚', '阿娜尔', '古丽娜尔'],
};

/** Given-name characters; people born from about 1990 on carry the newer fashions. */
const GIVEN = {
  M_OLD: [...'国建明志永军华平德文学光成林强伟勇兵福贵富荣忠清海山先昌有发正中顺祥新安金春生云龙江红树才义仁'],
  F_OLD: [...'秀英兰芳珍桂花玉凤梅琴菊红霞莲翠群丽萍云美香艳敏芬娟琼仙翠春素淑慧'],
  M_NEW: [...'浩宇轩子涛杰鑫磊博鹏俊晨辰阳睿泽豪航瑞铭凯宏毅诚帆然宸嘉恒家天文一旭'],
  F_NEW: [...'欣怡婷雨涵萱梓琪佳雪静悦妍瑶诗思雅晴馨蕊楠艺彤语可琳茜丹露梦媛'],
};

function givenChar(rand: Rand, sex: Sex, birthYear: number): string {
  const modern = birthYear >= 1990 || (birthYear >= 1980 && rand.chance(0.3));
  const list = sex === 'M' ? (modern ? GIVEN.M_NEW : GIVEN.M_OLD) : modern ? GIVEN.F_NEW : GIVEN.F_OLD;
  return rand.pick(list);
}

export function pickSurname(rand: Rand, ethnicity: string): string {
  const own = MINORITY_SURNAMES[ethnicity];
  // Minorities also carry the common Han surnames; 70 % from their own list keeps the flavour.
  if (own && rand.chance(0.7)) return own.pick(rand);
  return HAN_SURNAMES.pick(rand);
}

/**
 * A full name. `surname` is the family's (children take the father's); `generationChar` is the
 * shared 字辈 character that siblings often have as their first given character.
 */
export function personName(
  rand: Rand,
  opts: { ethnicity: string; sex: Sex; birthYear: number; surname: string; generationChar?: string },
): string {
  if (opts.ethnicity === '藏族') {
    const parts = TIBETAN_PARTS[opts.sex];
    return rand.pick(rand.chance(0.5) ? TIBETAN_PARTS.M : TIBETAN_PARTS.F) + rand.pick(parts);
  }
  if (opts.ethnicity === '维吾尔族' || opts.ethnicity === '哈萨克族') {
    return `${rand.pick(TURKIC_NAMES[opts.sex])}·${rand.pick(TURKIC_NAMES.M)}`;
  }
  if (opts.generationChar) return opts.surname + opts.generationChar + givenChar(rand, opts.sex, opts.birthYear);
  const single = rand.chance(opts.birthYear < 1970 ? 0.3 : 0.18);
  const given = single
    ? givenChar(rand, opts.sex, opts.birthYear)
    : givenChar(rand, opts.sex, opts.birthYear) + givenChar(rand, opts.sex, opts.birthYear);
  return opts.surname + given;
}

export function generationChar(rand: Rand, sex: Sex, birthYear: number): string {
  return givenChar(rand, sex, birthYear);
}

/**
 * Ethnic mix, most specific first: county (autonomous counties), city (autonomous prefectures),
 * province. Shares follow the census picture loosely.
 */
const ETHNIC_MIX: Record<string, string> = {
  // Guizhou 贵州
  '52': '汉族62 苗族12 布依族8 侗族5 土家族4 彝族3 仡佬族2 水族1 回族1 白族1',
  '5201': '汉族80 布依族9 苗族8 回族1 彝族1',
  '5202': '汉族70 彝族12 苗族8 布依族8 回族2',
  '5203': '汉族90 仡佬族5 苗族3 土家族2',
  '520325': '仡佬族45 汉族45 苗族10',
  '520326': '仡佬族50 汉族40 苗族10',
  '5204': '汉族65 布依族20 苗族13 仡佬族2',
  '5205': '汉族70 彝族12 苗族12 回族3 白族2 仡佬族1',
  '520526': '汉族55 彝族20 回族12 苗族13',
  '5206': '土家族35 汉族30 苗族20 侗族15',
  '520628': '苗族60 汉族30 土家族10',
  '5223': '汉族60 布依族28 苗族10 彝族2',
  '5226': '苗族45 侗族35 汉族18 水族1 瑶族1',
  '5227': '汉族40 布依族35 苗族14 水族8 瑶族2 毛南族1',
  '522732': '水族65 汉族20 布依族10 苗族5',
  // Hunan 湖南
  '43': '汉族90 土家族4 苗族3 侗族1.5 瑶族1.5',
  '4331': '土家族45 苗族35 汉族20',
  '4312': '汉族55 侗族20 苗族15 瑶族5 土家族5',
  '4308': '土家族70 汉族25 白族3 苗族2',
  '431129': '瑶族50 汉族50',
  '430529': '苗族50 汉族45 侗族5',
  // Shanxi 山西
  '14': '汉族995 回族4 满族1',
  // Other relocation provinces
  '45': '汉族55 壮族35 瑶族5 苗族2 侗族2 仫佬族1',
  '53': '汉族60 彝族12 哈尼族6 白族4 傣族4 壮族3 苗族3 傈僳族3 回族2 拉祜族2 佤族1',
  '51': '汉族90 彝族6 藏族3 羌族1',
  '5134': '彝族55 汉族40 藏族3 回族2',
  '5133': '藏族80 汉族18 彝族2',
  '5132': '藏族55 羌族20 汉族22 回族3',
  '50': '汉族90 土家族7 苗族3',
  '42': '汉族95 土家族4 苗族1',
  '4228': '土家族50 汉族42 苗族7 侗族1',
  '64': '汉族64 回族36',
  '62': '汉族90 回族5 藏族2 东乡族2 土族1',
  '63': '汉族50 藏族25 回族15 土族5 撒拉族3 蒙古族2',
  '65': '维吾尔族50 汉族35 哈萨克族8 回族5 蒙古族2',
  '54': '藏族95 汉族5',
  '15': '汉族80 蒙古族17 满族2 回族1',
  '46': '汉族80 黎族18 苗族2',
  '22': '汉族90 朝鲜族5 满族5',
  '21': '汉族85 满族13 蒙古族2',
  '23': '汉族95 满族4 朝鲜族1',
  '13': '汉族96 满族3 回族1',
  '61': '汉族995 回族5',
};

const mixCache = new Map<string, Weighted<string>>();

export function ethnicMixFor(countyCode: string): Weighted<string> {
  const key = [countyCode, countyCode.slice(0, 4), countyCode.slice(0, 2)].find((k) => k in ETHNIC_MIX);
  const spec = key ? ETHNIC_MIX[key]! : '汉族99 回族1';
  let mix = mixCache.get(spec);
  if (!mix) {
    mix = new Weighted(
      spec.split(' ').map((e) => {
        const m = /^(\D+)([\d.]+)$/.exec(e)!;
        return [m[1]!, Number(m[2])] as const;
      }),
    );
    mixCache.set(spec, mix);
  }
  return mix;
}

/** Skills with the weight each sex is trained in them (SX-2021 (十) 技能培训; typical courses). */
const SKILLS: readonly (readonly [string, number, number])[] = [
  ['电焊', 8, 1],
  ['厨师', 6, 4],
  ['家政服务', 1, 9],
  ['育婴员', 0, 6],
  ['养老护理', 1, 5],
  ['建筑施工', 9, 1],
  ['砌筑', 6, 0],
  ['缝纫', 1, 9],
  ['电工', 7, 1],
  ['机动车驾驶', 8, 2],
  ['挖掘机操作', 5, 0],
  ['种植', 5, 5],
  ['养殖', 5, 4],
  ['农机操作', 3, 0],
  ['美容美发', 1, 5],
  ['保安', 4, 1],
  ['汽车维修', 4, 0],
  ['刺绣', 0, 4],
  ['蜡染', 0, 3],
  ['茶叶加工', 2, 3],
  ['电子装配', 3, 5],
  ['物流配送', 4, 1],
  ['保洁', 1, 5],
  ['餐饮服务', 2, 5],
  ['手工编织', 0, 3],
];

export const SKILLS_BY_SEX: Record<Sex, Weighted<string>> = {
  M: new Weighted(SKILLS.filter((s) => s[1] > 0).map((s) => [s[0], s[1]] as const)),
  F: new Weighted(SKILLS.filter((s) => s[2] > 0).map((s) => [s[0], s[2]] as const)),
};

/** Mobile prefixes in use (China Mobile, Unicom, Telecom, Broadnet). */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152',
  '153', '155', '156', '157', '158', '159', '166', '172', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '192', '193', '195', '198', '199',
];

/** Words for site names: what local governments actually call their resettlement areas. */
export const SITE_NAME_SUFFIXES = [
  '易地扶贫搬迁安置点', '移民新村', '幸福家园', '安居小区', '新区安置点', '阳光社区', '锦绣家园',
  '和谐家园', '易地扶贫搬迁安置区', '新市民居住区', '感恩社区', '同心家园',
];
export const RURAL_SITE_NAME_SUFFIXES = ['安置点', '新村', '移民新村', '集中安置点', '幸福村'];

/** Employer name parts. */
export const ENTERPRISE_TRADES = [
  '服饰', '电子科技', '鞋业', '食品', '农业开发', '茶业', '建材', '手工艺品', '箱包', '家居', '生物科技', '物流',
];
export const COOPERATIVE_PRODUCTS = ['蔬菜', '食用菌', '茶叶', '中药材', '肉牛', '生猪', '蛋鸡', '刺梨', '猕猴桃', '中蜂', '辣椒', '精品水果'];
export const SHOP_KINDS = ['便民超市', '米粉店', '小吃店', '理发店', '五金店', '快递驿站', '农家乐', '缝纫店', '家电维修部'];
export const ENTERPRISE_BRANDS = ['恒盛', '鑫达', '华盛', '金穗', '绿源', '锦程', '万顺', '兴农', '利民', '宏泰', '聚福', '安康', '同鑫', '瑞丰', '永兴', '黔丰'];
