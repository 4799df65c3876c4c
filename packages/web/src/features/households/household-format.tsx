import type { HouseholdOutput } from '../../api/types';

/** 楼栋 单元 房号 on one line. */
export function address(h: Pick<HouseholdOutput, 'building' | 'unit' | 'room'>): string {
  return [h.building, h.unit, h.room].filter(Boolean).join(' ') || '—';
}
