/**
 * A time limit for one import. A reader that waits for bytes that never come (exceljs on a
 * truncated .xlsx waited for ever) or a file that takes hours must end the import with a reason,
 * not hold it open; so must a shutdown. The watch aborts with that reason, and `abortable` makes
 * a row source give up at once even while it is stuck inside an await.
 */
export class ImportAborted extends Error {}

export interface WatchLimits {
  /** The whole import, reading to merge. */
  timeLimitMs: number;
  /** Reading with no new row. */
  stallMs: number;
}

export class ImportWatch {
  private readonly controller = new AbortController();
  private readonly deadline: NodeJS.Timeout;
  private stall: NodeJS.Timeout | undefined;

  constructor(private readonly limits: WatchLimits) {
    this.deadline = setTimeout(() => this.abort(`导入超过时间上限（${Math.round(limits.timeLimitMs / 60_000)} 分钟），已中止`), limits.timeLimitMs).unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A row arrived: the no-progress clock starts again. */
  progress(): void {
    clearTimeout(this.stall);
    this.stall = setTimeout(() => this.abort(`读取文件 ${Math.round(this.limits.stallMs / 1000)} 秒没有进展，导入已中止`), this.limits.stallMs).unref();
  }

  /** Reading is over; the database phases are bounded by the time limit alone. */
  readingDone(): void {
    clearTimeout(this.stall);
  }

  abort(reason: string): void {
    if (!this.signal.aborted) this.controller.abort(new ImportAborted(reason));
  }

  /** Throws the abort's reason, if any: called between phases. */
  check(): void {
    this.signal.throwIfAborted();
  }

  stop(): void {
    clearTimeout(this.deadline);
    clearTimeout(this.stall);
  }
}

/** The rows of `source`, until the watch aborts: then its reason is thrown at once. */
export async function* abortable<T>(source: AsyncIterable<T>, watch: ImportWatch): AsyncGenerator<T> {
  const { signal } = watch;
  signal.throwIfAborted();
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  aborted.catch(() => undefined);
  const iterator = source[Symbol.asyncIterator]();
  watch.progress();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      watch.progress();
      yield next.value;
    }
  } finally {
    watch.readingDone();
    // A stuck source would never finish returning: let it go rather than wait for it.
    if (signal.aborted) void iterator.return?.()?.catch(() => undefined);
    else await iterator.return?.();
  }
}
