/**
 * The policy packs shipped with Anju (packages/core/policy-packs/*.yaml), one per source
 * document. The server stores them as the first revision of each pack; the CLI evaluates case
 * files against them without a database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackText, type PolicyPack } from '@anju/core';

export const BUNDLED_PACK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../core/policy-packs');

export class BundledPackError extends Error {}

/** Every bundled pack, checked; a broken one is a bug in the repository, so it throws. */
export function bundledPacks(dir = BUNDLED_PACK_DIR): PolicyPack[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const result = checkPackText(readFileSync(path.join(dir, file), 'utf8'));
      if (!result.pack) {
        const lines = result.issues.map((i) => `${i.where} ${i.field}：${i.reason}`).join('\n');
        throw new BundledPackError(`政策包 ${file} 未通过校验：\n${lines}`);
      }
      return result.pack;
    });
}
