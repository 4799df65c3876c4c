/**
 * ID numbers that are unique over a whole run by construction, without remembering the IDs.
 *
 * An ID is region code (the person's origin county) + birth date + 3-digit sequence (odd for
 * men) + check character. Two people can only collide if they share origin county, birth date
 * and sex. People of origin county R are created by exactly two producers in a run:
 *   - destination county R itself (its local households), and
 *   - the one destination county that imports from R (the county-plan makes each county the
 *     cross-county neighbour of exactly one other county).
 * Each county is generated once and alone, so a counter per (birth day, sex) per producer is
 * enough, provided the two producers draw from disjoint sequence ranges: local people take
 * sequences 000–899, imported people 900–999. The counters are two flat typed arrays that are
 * reset between counties: memory is bounded by the calendar, not by the number of people.
 */
import { makeIdNumber } from '@anju/core';
import type { Calendar } from './calendar.js';

const LOCAL_SLOTS = 450; // per sex: sequences 0–899
const IMPORTED_SLOTS = 50; // per sex: sequences 900–999

export interface AllocatedId {
  idNumber: string;
  /** The birth day actually used: a full day moves the person to the day before. */
  day: number;
}

export class IdAllocator {
  private readonly local: Uint16Array;
  private readonly imported: Uint16Array;

  constructor(private readonly calendar: Calendar) {
    this.local = new Uint16Array(calendar.days * 2);
    this.imported = new Uint16Array(calendar.days * 2);
  }

  /** Called when the generator moves on to the next destination county. */
  reset(): void {
    this.local.fill(0);
    this.imported.fill(0);
  }

  allocate(regionCode: string, imported: boolean, day: number, sex: 'M' | 'F'): AllocatedId {
    const counters = imported ? this.imported : this.local;
    const slots = imported ? IMPORTED_SLOTS : LOCAL_SLOTS;
    const base = imported ? LOCAL_SLOTS : 0;
    const male = sex === 'M' ? 1 : 0;
    // 450 people of one sex born on one day in one county is far beyond any real county, but
    // step back a day rather than ever reuse a sequence.
    for (let d = day; d >= 0; d--) {
      const slot = d * 2 + male;
      const used = counters[slot]!;
      if (used < slots) {
        counters[slot] = used + 1;
        const sequence = (base + used) * 2 + male; // odd for men, even for women
        return { idNumber: makeIdNumber(regionCode, this.calendar.isoDate(d), sequence, sex), day: d };
      }
    }
    throw new Error(`no ID sequence left for region ${regionCode}`);
  }
}
