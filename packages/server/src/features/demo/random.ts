/**
 * Seeded randomness for the demo generator. Everything random in the demo comes from a `Rand`
 * built from the run's seed and a label (county code, purpose), never from Math.random or the
 * clock, so the same seed and options give byte-identical output and one county's data does not
 * shift when another county's plan changes.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Murmur3 finaliser: spreads nearby seeds (1, 2, 3…) over the whole 32-bit space. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** A 32-bit seed from the run seed and labels (FNV-1a over the labels, then mixed). */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = fmix32((seed | 0) ^ 0x9e3779b9) ^ Math.floor(seed / 4294967296);
  for (const label of labels) {
    const s = String(label);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h = fmix32(h ^ 0x2f);
  }
  return h;
}

export class Rand {
  private readonly gen: RandomGenerator;

  constructor(seed: number, ...labels: (string | number)[]) {
    this.gen = xoroshiro128plus(deriveSeed(seed, ...labels));
    // xoroshiro's first outputs from a low-entropy state are correlated; skip a few.
    for (let i = 0; i < 8; i++) this.gen.next();
  }

  /** Integer in [lo, hi], both included, without modulo bias. */
  int(lo: number, hi: number): number {
    return uniformInt(this.gen, lo, hi);
  }

  /** Float in [0, 1). 32 bits are plenty for shares and probabilities. */
  float(): number {
    return (this.gen.next() >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Roughly normal (Irwin–Hall of 4), clamped: enough for ages and sizes, and cheap. */
  normalInt(mean: number, sd: number, lo: number, hi: number): number {
    const z = (this.float() + this.float() + this.float() + this.float() - 2) * 1.7320508;
    return Math.min(hi, Math.max(lo, Math.round(mean + z * sd)));
  }

  /** Fisher–Yates on a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }
}

/** A fixed weighted list; picking is a binary search over cumulative weights. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('empty weighted list');
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rand: Rand): T {
    const x = rand.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
