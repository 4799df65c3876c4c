import { describe, expect, it } from 'vitest';
import { CellError, cellBool, cellCode, cellDate, cellList } from './cell-values.js';

describe('spreadsheet cells', () => {
  it('refuses an 18-digit ID number that Excel stored as a number', () => {
    expect(() => cellCode(520628198001010000, '身份证号')).toThrow(CellError);
    expect(() => cellCode(520628198001010000, '身份证号')).toThrow(/超过15位的部分已被改为0/);
    expect(cellCode(2018, '年份')).toBe('2018');
  });

  it('drops the text marker typed before an ID number: straight, full-width or a Chinese quote', () => {
    for (const marker of ["'", '＇', '’', '‘']) expect(cellCode(`${marker}52062819800101001X`, '身份证号'), marker).toBe('52062819800101001X');
  });

  it('reads dates as Excel serials, Date cells and the text forms people type', () => {
    expect(cellDate(29358, '出生日期')).toBe('1980-05-17');
    expect(cellDate(new Date(Date.UTC(1980, 4, 17)), '出生日期')).toBe('1980-05-17');
    for (const text of ['1980-05-17', '1980/5/17', '1980.05.17', '1980年5月17日', '19800517', '１９８０－０５－１７']) {
      expect(cellDate(text, '出生日期'), text).toBe('1980-05-17');
    }
    expect(() => cellDate('1980-02-30', '出生日期')).toThrow(/不是有效的日期/);
  });

  it('reads yes/no the ways offices write them', () => {
    expect(['是', 'Y', '√', '1', 'true'].map((v) => cellBool(v, 'x'))).toEqual([true, true, true, true, true]);
    expect(['否', 'N', '0', '无'].map((v) => cellBool(v, 'x'))).toEqual([false, false, false, false]);
    expect(() => cellBool('也许', '是否参加医保')).toThrow(/须填“是”或“否”/);
  });

  it('splits lists on Chinese and Western separators', () => {
    expect(cellList('电焊、厨师，驾驶; 家政')).toEqual(['电焊', '厨师', '驾驶', '家政']);
  });
});
