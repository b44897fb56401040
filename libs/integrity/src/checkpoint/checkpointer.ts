import type { MerkleLog } from '../log/merkle-log.js';
import type { LogSigner } from './log-signer.js';

/**
 * Signs a checkpoint of the log whenever it has grown, at most once an interval, and keeps every one: a
 * reader can then prove a record was logged by a given time, and that the log only ever grew.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: MerkleLog,
    private readonly signer: LogSigner,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      try {
        this.signIfGrown();
      } catch (error) {
        onError(error);
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Signs the log as it stands, unless the latest checkpoint already covers it. Returns the size signed. */
  signIfGrown(): number | undefined {
    const size = this.log.size();
    if (size === 0 || (this.log.checkpoint()?.size ?? 0) >= size) return undefined;
    const root = this.log.root(size);
    const time = this.clock().toISOString();
    this.log.addCheckpoint({ size, root, time, note: this.signer.sign({ size, root, time }) });
    return size;
  }
}
