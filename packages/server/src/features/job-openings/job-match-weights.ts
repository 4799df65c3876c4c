/**
 * Points of each part of a match. The SQL adds them up and the reasons show the same parts, so
 * the score on the screen is always the sum of its reasons. Skills weigh most (SPEC §5: match by
 * skills, wishes and place); zero-employment households come first for any suitable opening
 * (动态清零, GZ-2022 5: each gets a job offer).
 */
export const MATCH_WEIGHTS = {
  /** Per skill the opening asks for and the worker has, counted up to `maxSkills`. */
  skill: 30,
  maxSkills: 2,
  wantsWork: 25,
  trainingWish: 5,
  skilled: 15,
  ordinary: 10,
  /** Within the opening's age range (only when it has one). */
  age: 5,
  /** The opening is in the county (就地就近). */
  near: 10,
  /** Worked last in the same kind of place as the opening (outside the province, or the county). */
  experience: 10,
  zeroHousehold: 20,
} as const;
