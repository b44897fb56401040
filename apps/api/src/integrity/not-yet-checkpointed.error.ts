/** The event is in the log, but no signed checkpoint covers it yet: one is signed within the interval. */
export class NotYetCheckpointedError extends Error {
  readonly code = 'NOT_YET_CHECKPOINTED';
  constructor(leafIndex: number, intervalMs: number) {
    super(
      `Leaf ${leafIndex} is logged, but no signed checkpoint covers it yet; one is signed within ${Math.ceil(
        intervalMs / 1000,
      )} s: ask again then.`,
    );
    this.name = 'NotYetCheckpointedError';
  }
}
