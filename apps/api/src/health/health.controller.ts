import { Controller, Get, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@tracker/read-models';
import type { FastifyReply } from 'fastify';
import { READ_MODEL_STALL_MS, readModelHealth } from '../read-model-wiring/read-model-health.js';

/**
 * Liveness and readiness in one: 200 when the event store answers (`up`, or `degraded` while the read
 * model is failing or stalled behind the store: writes are durable, reads are stale), 503 when it does not.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await this.eventStore.health();
    // A failing or lagging read model is reported, not fatal: queries still answer from what it holds.
    const readModel = readModelHealth(this.runner, eventStore);
    const stalled = readModel.stalledForMs > READ_MODEL_STALL_MS;
    const status = eventStore.status !== 'up' ? 'down' : readModel.failing || stalled ? 'degraded' : 'up';
    reply.status(status === 'down' ? 503 : 200);
    return { status, eventStore, readModel };
  }
}
