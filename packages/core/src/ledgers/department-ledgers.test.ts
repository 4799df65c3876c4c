import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../validation/id-number.js';
import { departmentLedgers } from './department-ledgers.js';
import { readRow } from './ledger.js';
import type { RawCell } from './cell-values.js';
import { describeDepartmentRecord } from '../department-data/departments.js';

const id = makeIdNumber('520628', '1980-01-01', 11, 'M');
const medical = departmentLedgers.department_medical_security;
// 身份证号, 姓名, 就诊类别, 医疗机构, 费用发生日期, 医疗总费用, 医保报销金额, 个人自付金额, 结算单号, 数据月份
const medicalRow = (over: Partial<Record<number, RawCell>> = {}): RawCell[] =>
  Object.assign([id, '张三', '住院', '县人民医院', '2026-04-12', 12000, 9000, 3000, null, '2026-04'], over);

describe('department lists', () => {
  it('reads a medical expense row into a record with its amount and detail', () => {
    expect(readRow(medical, medicalRow())).toEqual({
      ok: true,
      value: {
        idNumber: id,
        name: '张三',
        period: '2026-04',
        kind: 'medical_expense',
        occurredOn: '2026-04-12',
        amount: 3000,
        detail: { visitType: 'inpatient', hospital: '县人民医院', totalCost: 12000, reimbursed: 9000, settlementNo: null },
        recordNo: null,
      },
    });
  });

  it('keeps the settlement number as the department’s own number of the row', () => {
    const r = readRow(medical, medicalRow({ 8: 'JS2026041200017' }));
    expect(r.ok && [r.value.recordNo, r.value.detail.settlementNo]).toEqual(['JS2026041200017', 'JS2026041200017']);
    const civil = readRow(departmentLedgers.department_civil_affairs, [id, '张三', '临时救助', null, null, '2026-04-09', 1500, '2026-04']);
    expect(civil.ok && civil.value.recordNo).toBeNull();
  });

  it('names the column and the reason of each bad cell', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const result = readRow(medical, medicalRow({ 0: wrongCheck, 4: '2026-02-30', 7: '三千' }));
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => i.column).sort()).toEqual(['个人自付金额（元）', '费用发生日期', '身份证号'].sort());
    expect(issues.find((i) => i.column === '身份证号')!.reason).toContain('校验位错误');
    expect(issues.find((i) => i.column === '费用发生日期')!.reason).toContain('不是有效的日期');
    expect(issues.find((i) => i.column === '个人自付金额（元）')!.reason).toContain('不是数字');
  });

  it('refuses negative amounts, self-pay above the total, and events after the data month', () => {
    const negative = readRow(medical, medicalRow({ 7: -5 }));
    expect(negative.ok ? [] : negative.issues).toEqual([{ column: '个人自付金额（元）', value: '-5', reason: '个人自付金额不能为负数' }]);
    const above = readRow(medical, medicalRow({ 7: 13000 }));
    expect(above.ok ? [] : above.issues.map((i) => i.reason)).toEqual(['个人自付金额不能大于医疗总费用']);
    const late = readRow(medical, medicalRow({ 4: '2026-05-02' }));
    expect(late.ok ? [] : late.issues.map((i) => [i.column, i.reason])).toEqual([['费用发生日期', '费用发生日期（2026-05-02）不能晚于数据月份（2026-04）']]);
  });

  it('reads the data month however Excel stored it', () => {
    for (const month of ['2026-04', '202604', '2026年4月', new Date(Date.UTC(2026, 3, 1)), '2026/4']) {
      const r = readRow(medical, medicalRow({ 9: month }));
      expect(r.ok && r.value.period, String(month)).toBe('2026-04');
    }
    const bad = readRow(medical, medicalRow({ 9: '四月' }));
    expect(bad.ok ? [] : bad.issues.map((i) => i.column)).toEqual(['数据月份']);
  });

  it('requires what each list needs for its kind', () => {
    const civil = departmentLedgers.department_civil_affairs;
    // 身份证号, 姓名, 救助类别, 城乡类别, 保障状态, 救助日期, 救助金额, 数据月份
    const noArea = readRow(civil, [id, '张三', '低保', null, null, '2025-01-01', 500, '2026-04']);
    expect(noArea.ok ? [] : noArea.issues).toEqual([{ column: '城乡类别', value: '', reason: '低保、特困须填写城乡类别（农村或城市）' }]);
    const dibao = readRow(civil, [id, '张三', '低保', '农村', null, '2025-01-01', 500, '2026-04']);
    expect(dibao.ok && [dibao.value.kind, dibao.value.detail]).toEqual(['dibao', { area: 'rural', status: 'active' }]);
    const temporary = readRow(civil, [id, '张三', '临时救助', null, null, '2026-04-03', null, '2026-04']);
    expect(temporary.ok ? [] : temporary.issues.map((i) => i.column)).toEqual(['救助金额（元）']);
  });

  it('turns grades and statuses into kinds', () => {
    const housing = readRow(departmentLedgers.department_housing, [id, '张三', '某村1组', 'C级', '2026-03-01', '2026-04']);
    expect(housing.ok && housing.value.kind).toBe('unsafe_housing');
    const safe = readRow(departmentLedgers.department_housing, [id, '张三', null, 'B', '2026-03-01', '2026-04']);
    expect(safe.ok && safe.value.kind).toBe('safe_housing');
    const disability = readRow(departmentLedgers.department_disabled_federation, [id, '张三', '肢体残疾', 2, '2026-03-01', '2026-04']);
    expect(disability.ok && disability.value).toMatchObject({ kind: 'disability', detail: { category: 'physical', grade: 2 } });
    const dropout = readRow(departmentLedgers.department_education, [id, '张三', '县一中', '初中', '辍学', '2026-03-01', '2026-04']);
    expect(dropout.ok && dropout.value).toMatchObject({ kind: 'dropout', detail: { stage: 'junior' } });
    const death = readRow(departmentLedgers.department_public_security, [id, '张三', '死亡', '2026-03-01', null, '2026-04']);
    expect(death.ok && death.value.kind).toBe('death');
  });

  it('describes a record in Chinese', () => {
    expect(describeDepartmentRecord('medical_expense', 3000, { visitType: 'inpatient', hospital: '县人民医院', totalCost: 12000 })).toBe('住院，县人民医院，个人自付 3,000 元，总费用 12,000 元');
    expect(describeDepartmentRecord('dibao', null, { area: 'rural', status: 'active' })).toBe('农村低保，在保');
  });
});
