import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Runtime } from '../../../libs/application';
import { RUNTIME } from './tokens';

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, the event log head, and how far behind each projection is (events and milliseconds)' })
  async health(): Promise<Record<string, unknown>> {
    return {
      status: 'ok',
      profile: this.runtime.profile,
      eventLog: { headPosition: await this.runtime.store.headPosition() },
      projections: await this.runtime.lag(),
    };
  }
}
