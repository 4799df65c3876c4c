/**
 * Factories for registry records with unique codes and valid ID numbers; overrides win.
 * They live in Guizhou's 松桃县 (520628), whose villages the test snapshot loads.
 */
import { makeIdNumber, type HouseholdInput, type PersonInput, type SiteInput } from '@anju/core';

let sequence = 0;
const next = () => ++sequence;

export const COUNTY = '520628';
export const TOWNSHIP_A = '520628002'; // 蓼皋街道
export const TOWNSHIP_B = '520628101'; // 盘石镇
export const VILLAGE_A = '520628102202'; // 盘信镇团塘村: outside both townships above

export function buildSite(overrides: Partial<SiteInput> = {}): SiteInput {
  const n = next();
  return {
    code: `T${COUNTY}-${String(n).padStart(4, '0')}`,
    name: `测试安置点${n}`,
    divisionCode: TOWNSHIP_A,
    areaKind: 'urban',
    settlementKind: 'concentrated',
    crossCounty: false,
    buildYear: 2018,
    latitude: null,
    longitude: null,
    ...overrides,
  };
}

export function buildHousehold(siteId: number, overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  const n = next();
  return {
    householdNo: `H${COUNTY}${String(n).padStart(6, '0')}`,
    originVillageCode: VILLAGE_A,
    siteId,
    building: '1栋',
    unit: '1单元',
    room: String(100 + n),
    relocationYear: 2018,
    kind: 'registered_poor',
    propertyCertState: 'issued',
    vegetablePlot: false,
    monitoringCategory: 'none',
    contractedLandMu: 2.5,
    forestLandMu: null,
    landTransferred: false,
    homesteadReclaimed: false,
    ...overrides,
  };
}

export function idNumberFor(birthDate: string, sex: 'M' | 'F' = 'M'): string {
  return makeIdNumber(COUNTY, birthDate, next() % 900, sex);
}

export function buildPerson(householdId: number, overrides: Partial<PersonInput> = {}): PersonInput {
  const n = next();
  return {
    householdId,
    idNumber: idNumberFor(`19${String(60 + (n % 39)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 9}`),
    name: `测试${n}`,
    relation: 'head',
    ethnicity: '汉族',
    education: 'junior',
    schoolStage: 'none',
    health: 'healthy',
    disabilityGrade: null,
    labourCapacity: 'ordinary',
    skills: [],
    medicalInsurance: true,
    pensionInsurance: false,
    safetyNet: 'none',
    forestRanger: false,
    hukouState: 'moved',
    phone: '13800138000',
    ...overrides,
  };
}
