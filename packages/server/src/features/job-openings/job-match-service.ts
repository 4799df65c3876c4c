/**
 * 劳务对接: the workers of an opening's division ranked for it, each with the reasons of the
 * score in Chinese. The ranking is one SQL query (job-match-repo.ts); this file only writes the
 * parts of the score of the rows of one page out as words.
 */
import { labourCapacities, maskIdNumber, workPlaces } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import * as repo from './job-match-repo.js';
import { MATCH_WEIGHTS as W } from './job-match-weights.js';
import type { MatchOutput } from './job-opening-schemas.js';
import { assertRead, loadOpening } from './job-opening-service.js';

type Reason = { text: string; points: number };

/** The same parts as the score the SQL adds up, so the points of the reasons sum to the score. */
function reasonsOf(m: repo.MatchRow): Reason[] {
  const reasons: Reason[] = [];
  const add = (when: boolean, text: string, points: number) => {
    if (when) reasons.push({ text, points });
  };
  add(m.matched_skills.length > 0, `技能匹配：${m.matched_skills.join('、')}`, Math.min(m.matched_skills.length, W.maxSkills) * W.skill);
  add(m.zero_household, '零就业家庭（优先推荐）', W.zeroHousehold);
  add(m.wants_work, '有就业意愿', W.wantsWork);
  add(m.training_wish, '有培训意愿', W.trainingWish);
  const capacity = labourCapacities.labels[m.labour_capacity as keyof typeof labourCapacities.labels] ?? m.labour_capacity;
  add(true, `劳动能力：${capacity}`, m.labour_capacity === 'skilled' ? W.skilled : m.labour_capacity === 'ordinary' ? W.ordinary : 0);
  add(m.age_limited, '年龄符合', W.age);
  add(m.opening_place === 'in_county', '就近：县内岗位', W.near);
  const place = workPlaces.labels[m.opening_place as keyof typeof workPlaces.labels] ?? m.opening_place;
  add(m.opening_place !== 'in_county' && m.last_place === m.opening_place, `曾在${place}务工`, W.experience);
  return reasons;
}

function toOutput(m: repo.MatchRow): MatchOutput {
  return {
    personId: m.person_id,
    name: m.name,
    sex: m.sex,
    age: m.age,
    idNumber: maskIdNumber(m.id_number),
    divisionCode: m.dest_division_code,
    labourCapacity: m.labour_capacity,
    score: m.score,
    reasons: reasonsOf(m),
    referral: m.referral_id ? { id: m.referral_id, outcome: m.referral_outcome ?? 'pending' } : null,
  };
}

export async function matchesOf(ctx: AppContext, actor: Actor, openingId: string, query: { period?: string; page: number; pageSize: number }) {
  assertRead(actor);
  const opening = await loadOpening(ctx, actor, openingId);
  // The opening's workers, as far as the actor sees them: a township user of a county opening
  // gets their own township's (the opening is visible only when one division contains the other).
  const prefix = opening.division_code.startsWith(actor.divisionCode) ? opening.division_code : actor.divisionCode;
  const period = query.period ?? (await repo.latestPeriod(ctx.db, prefix));
  if (!period) return { period: null, items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const q = { openingId: String(opening.id), countyCode: opening.county_code, prefix, period, on: today(ctx), page: query.page, pageSize: query.pageSize };
  const rows = await repo.matchWorkers(ctx.db, q);
  const total = rows[0] ? Number(rows[0].total) : query.page > 1 ? await repo.countMatches(ctx.db, q) : 0;
  return { period, items: rows.map(toOutput), total, page: query.page, pageSize: query.pageSize };
}
