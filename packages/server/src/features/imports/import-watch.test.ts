/** The watch ends an import whose reader waits for ever, and any import at its time limit or a shutdown. */
import { describe, expect, it } from 'vitest';
import { abortable, ImportAborted, ImportWatch } from './import-watch.js';

/** A row source that yields `rows` rows and then waits for bytes that never come. */
async function* stalling(rows: number): AsyncGenerator<number> {
  for (let i = 0; i < rows; i++) yield i;
  await new Promise(() => undefined);
}

async function drain(source: AsyncIterable<number>): Promise<number> {
  let n = 0;
  for await (const row of source) n += row >= 0 ? 1 : 0;
  return n;
}

describe('import watch', () => {
  it('13.3b a reader stuck waiting for bytes is aborted by the no-progress limit, with the reason', async () => {
    const watch = new ImportWatch({ timeLimitMs: 60_000, stallMs: 20 });
    await expect(drain(abortable(stalling(3), watch))).rejects.toThrow('读取文件 0 秒没有进展，导入已中止');
    watch.stop();
  });

  it('13.3b an import at its time limit is aborted even while rows keep coming', async () => {
    const watch = new ImportWatch({ timeLimitMs: 1, stallMs: 60_000 });
    async function* endless(): AsyncGenerator<number> {
      for (let i = 0; ; i++) {
        await new Promise((r) => setTimeout(r, 5));
        yield i;
      }
    }
    await expect(drain(abortable(endless(), watch))).rejects.toThrow('导入超过时间上限（0 分钟），已中止');
    watch.stop();
  });

  it('13.3c a shutdown aborts a stuck reader at once with its reason, and later phases see it too', async () => {
    const watch = new ImportWatch({ timeLimitMs: 60_000, stallMs: 60_000 });
    const reading = drain(abortable(stalling(1), watch));
    watch.abort('服务关闭，导入中止');
    await expect(reading).rejects.toBeInstanceOf(ImportAborted);
    expect(() => watch.check()).toThrow('服务关闭，导入中止');
    watch.stop();
  });
});
