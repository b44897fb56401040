/** The event is in the log, but no signed checkpoint covers it yet: one is signed within the interval. */
export class NotYetCheckpointedError extends Error {
  readonly code = 'NOT_YET_CHECKPOINTED';
  /** `leafIndex` undefined: no checkpoint has been signed at all yet. */
  constructor(leafIndex: number | undefined, intervalMs: number) {
    const what =
      leafIndex === undefined
        ? 'The log has no signed checkpoint yet'
        : `Leaf ${leafIndex} is logged, but no signed checkpoint covers it yet`;
    super(`${what}; one is signed within ${Math.ceil(intervalMs / 1000)} s: ask again then.`);
    this.name = 'NotYetCheckpointedError';
  }
}
