import { Controller, Get, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@tracker/read-models';
import type { FastifyReply } from 'fastify';
import { readModelHealth } from '../read-models/read-model-health.js';

/** Liveness and readiness in one: 200 when the event store answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await this.eventStore.health();
    const status = eventStore.status === 'up' ? 'up' : 'down';
    reply.status(status === 'up' ? 200 : 503);
    // A failing or lagging read model is reported, not fatal: queries still answer from what it holds.
    const readModel = await readModelHealth(this.runner, this.eventStore);
    return { status, eventStore, readModel };
  }
}
