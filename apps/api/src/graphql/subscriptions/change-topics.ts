/** Mercurius pubsub topics the projection runner's change notices are published on. */
export const CHANGE_TOPICS = {
  recordChanged: 'RECORD_CHANGED',
  commitmentStatusChanged: 'COMMITMENT_STATUS_CHANGED',
} as const;
