/**
 * The one answer to a uniqueness or registration check that meets a record outside the
 * caller's division. It names nothing of that record (no name, no household, no division) and
 * reads the same wherever the record lies, so checks cannot be used to look people up across
 * divisions. Inside the division the precise message stays: the caller can see that record.
 * A code that is taken is still refused (codes are unique nationally); the answer only says
 * that it cannot be used here.
 */
export const OUT_OF_SCOPE = {
  idNumber: '该身份证号无法登记到本户：已在其他户登记或不在本人管辖范围内，请联系上级核实',
  householdNo: (no: string) => `户编号 ${no} 无法使用：已被其他户使用或不在本人管辖范围内，请核对或联系上级核实`,
  siteCode: (code: string) => `安置点编码 ${code} 无法使用：已被其他安置点使用或不在本人管辖范围内，请核对或联系上级核实`,
  creditCode: (code: string) => `统一社会信用代码 ${code} 无法登记：已被其他经营主体登记或不在本人管辖范围内，请核对或联系上级核实`,
  /** A person the caller cannot see answers as one who is not registered at all. */
  person: '该身份证号不在本人管辖范围内的搬迁人口中',
} as const;

/** The same answers for the import checks, whose value column already shows the code. */
export const OUT_OF_SCOPE_IMPORT = {
  householdNo: '户编号无法使用：已被其他户使用或不在本人管辖范围内，请核对或联系上级核实',
  siteCode: '安置点编码无法使用：已被其他安置点使用或不在本人管辖范围内，请核对或联系上级核实',
  /** A site referenced by a household: one that does not exist and one outside answer alike. */
  site: '安置点编码不存在或不在本人管辖范围内，请先导入本辖区的安置点',
} as const;
