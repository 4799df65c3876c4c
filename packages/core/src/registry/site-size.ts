/** SPEC §3.1/§9: the population thresholds the responsibility rules use (100, 800, 3,000, 10,000). */
export const SITE_SIZE_THRESHOLDS = [100, 800, 3000, 10000] as const;

export const siteSizeLabels = ['100人以下', '100–799人', '800–2999人', '3000–9999人', '10000人及以上'] as const;

export function siteSizeClass(population: number): number {
  return SITE_SIZE_THRESHOLDS.filter((t) => population >= t).length;
}
