import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.js';

// argon2id (the library's default algorithm) with OWASP's second recommended setting.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password);
}

/**
 * At least 8 characters with letters and digits (the floor 等保 level 3 auditors ask for), not
 * the username inside it and not a commonly used password: those fall to the first guesses of
 * any attacker whatever their length.
 */
export async function passwordProblem(password: string, username: string): Promise<string | undefined> {
  if (password.length < 8) return '密码至少8位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return '密码不能包含用户名';
  if ((await commonPasswords()).has(lower)) return '该密码是常见密码，容易被猜中，请换一个';
  return undefined;
}
