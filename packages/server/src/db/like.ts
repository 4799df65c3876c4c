/**
 * LIKE patterns built from what a user typed. `%`, `_` and `\` are LIKE's own characters: left as
 * typed, `q=%` matched every name (all 665,276 divisions, 1.1 s a call) and `_` any one character
 * (finding 13.13). Escaped with a backslash, PostgreSQL's default LIKE escape on 15 and 18 alike,
 * they match themselves. Division-code scopes are digits already; user text always goes through here.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/** Starts with the text. */
export const likePrefix = (text: string): string => `${escapeLike(text)}%`;

/** Contains the text. */
export const likeContains = (text: string): string => `%${escapeLike(text)}%`;
