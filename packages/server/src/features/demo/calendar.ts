/**
 * Birth dates as day numbers. The generator draws millions of birth dates; working with an
 * integer day index and a precomputed table of 'YYYY-MM-DD' strings avoids building a Date per
 * person, and lets the ID allocator keep its counters in a flat typed array.
 *
 * All ages are taken on a fixed reference date (`asOf`), never on today's date, so that output
 * does not change from one day to the next.
 */
const DAY_MS = 86_400_000;

export class Calendar {
  readonly asOf: string;
  readonly asOfYear: number;
  readonly asOfMonth: number;
  readonly asOfDay: number;
  /** Day 0 is 1 January of this year; covers everyone up to ~105 years old. */
  readonly startYear: number;
  /** Number of days from day 0 up to and including asOf. */
  readonly days: number;
  private readonly startMs: number;
  private readonly iso: string[];
  private readonly years: Int16Array;
  private readonly monthDay: Int16Array; // month * 100 + day, for age comparisons
  private readonly ageLo: Int32Array;
  private readonly ageHi: Int32Array;
  static readonly MAX_AGE = 104;

  constructor(asOf: string) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
    if (!m) throw new Error(`asOf must be YYYY-MM-DD, got ${asOf}`);
    this.asOf = asOf;
    this.asOfYear = Number(m[1]);
    this.asOfMonth = Number(m[2]);
    this.asOfDay = Number(m[3]);
    this.startYear = this.asOfYear - 106;
    this.startMs = Date.UTC(this.startYear, 0, 1);
    this.days = this.indexOf(this.asOfYear, this.asOfMonth, this.asOfDay) + 1;
    this.iso = new Array<string>(this.days);
    this.years = new Int16Array(this.days);
    this.monthDay = new Int16Array(this.days);
    for (let i = 0; i < this.days; i++) {
      const d = new Date(this.startMs + i * DAY_MS);
      const y = d.getUTCFullYear();
      const mo = d.getUTCMonth() + 1;
      const da = d.getUTCDate();
      this.iso[i] = `${y}-${mo < 10 ? '0' : ''}${mo}-${da < 10 ? '0' : ''}${da}`;
      this.years[i] = y;
      this.monthDay[i] = mo * 100 + da;
    }
    this.ageLo = new Int32Array(Calendar.MAX_AGE + 1);
    this.ageHi = new Int32Array(Calendar.MAX_AGE + 1);
    for (let age = 0; age <= Calendar.MAX_AGE; age++) {
      this.ageHi[age] = Math.min(this.days - 1, this.indexOf(this.asOfYear - age, this.asOfMonth, this.asOfDay));
      this.ageLo[age] = Math.max(0, this.indexOf(this.asOfYear - age - 1, this.asOfMonth, this.asOfDay) + 1);
    }
  }

  /** Day index of a calendar date (Date.UTC rolls 29 Feb of a common year to 1 March). */
  indexOf(year: number, month: number, day: number): number {
    return Math.round((Date.UTC(year, month - 1, day) - this.startMs) / DAY_MS);
  }

  isoDate(index: number): string {
    return this.iso[index]!;
  }

  year(index: number): number {
    return this.years[index]!;
  }

  /** Age in whole years on asOf, as `ageOn` in @anju/core counts it. */
  ageOf(index: number): number {
    const md = this.asOfMonth * 100 + this.asOfDay;
    return this.asOfYear - this.years[index]! - (md < this.monthDay[index]! ? 1 : 0);
  }

  /** Lowest day index of people who are exactly `age` (0…MAX_AGE) on asOf. */
  firstDayForAge(age: number): number {
    return this.ageLo[age]!;
  }

  /** Highest day index of people who are exactly `age` on asOf. */
  lastDayForAge(age: number): number {
    return this.ageHi[age]!;
  }
}

const cache = new Map<string, Calendar>();

export function calendarFor(asOf: string): Calendar {
  let cal = cache.get(asOf);
  if (!cal) {
    cal = new Calendar(asOf);
    cache.set(asOf, cal);
  }
  return cal;
}
