/**
 * The adapter's client of KurrentDB, replaced when it stops being usable.
 *
 * @kurrent/kurrentdb-client reads through a Rust core whose connection gives up for good once it fails to
 * reach the server (observed against the protocol double: after an outage every read of that client keeps
 * failing with UnavailableError while a fresh client reads at once). So a connection failure retires the
 * client: calls already running on it finish, the next call gets a new one, and reads (which change
 * nothing) are retried once on the new client.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { isConnectionFailure, OperationTimeoutError } from './kurrentdb-errors.js';

interface Lease {
  client: KurrentDBClient;
  running: number;
  retired: boolean;
}

export class KurrentDbConnection {
  private current: Lease | undefined;
  private readonly leases = new Set<Lease>();

  constructor(
    readonly connectionString: string,
    private readonly operationTimeoutMs: number,
  ) {}

  /** A client for a long-lived use (a subscription) that its user disposes. */
  dedicatedClient(): KurrentDBClient {
    return KurrentDBClient.connectionString(this.connectionString);
  }

  /**
   * Runs `operation` on the current client within the operation timeout. A connection failure (or the
   * timeout) retires the client; with `retry`, the operation runs once more on a fresh one.
   */
  async run<T>(operation: (client: KurrentDBClient) => Promise<T>, options: { retry: boolean }): Promise<T> {
    try {
      return await this.runOnce(operation);
    } catch (error) {
      if (!options.retry || !isConnectionFailure(error)) throw error;
      return this.runOnce(operation);
    }
  }

  /** Disposes every client; calls still running on them fail. */
  async dispose(): Promise<void> {
    const leases = [...this.leases];
    this.leases.clear();
    this.current = undefined;
    await Promise.allSettled(leases.map((lease) => lease.client.dispose()));
  }

  private async runOnce<T>(operation: (client: KurrentDBClient) => Promise<T>): Promise<T> {
    const lease = this.lease();
    lease.running++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new OperationTimeoutError(this.operationTimeoutMs)),
        this.operationTimeoutMs,
      );
    });
    try {
      return await Promise.race([operation(lease.client), timeout]);
    } catch (error) {
      if (isConnectionFailure(error)) this.retire(lease);
      throw error;
    } finally {
      clearTimeout(timer);
      lease.running--;
      if (lease.retired && lease.running === 0) this.release(lease);
    }
  }

  private lease(): Lease {
    if (!this.current) {
      this.current = {
        client: KurrentDBClient.connectionString(this.connectionString),
        running: 0,
        retired: false,
      };
      this.leases.add(this.current);
    }
    return this.current;
  }

  private retire(lease: Lease): void {
    lease.retired = true;
    if (this.current === lease) this.current = undefined;
  }

  private release(lease: Lease): void {
    if (!this.leases.delete(lease)) return;
    lease.client.dispose().catch(() => undefined);
  }
}
