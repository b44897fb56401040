import { Controller, Get, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import type { FastifyReply } from 'fastify';

/** Liveness and readiness in one: 200 when the event store answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await this.eventStore.health();
    const status = eventStore.status === 'up' ? 'up' : 'down';
    reply.status(status === 'up' ? 200 : 503);
    return { status, eventStore };
  }
}
