/** Coded values of job openings that the web shows as labels (kept free of zod for the light pages). */
import { labelled } from '../registry/enums.js';

export const openingStatuses = labelled({ open: '招聘中', closed: '已结束' });

/** The least labour capacity an opening accepts, weakest first; lost and none never match. */
export const openingCapacities = labelled({ weak: '弱劳动力或半劳动力', ordinary: '普通劳动力', skilled: '技能劳动力' });
