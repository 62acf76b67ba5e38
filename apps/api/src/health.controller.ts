import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthReport, Runtime } from '../../../libs/application';
import { RUNTIME } from './tokens';

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /** 200 also when degraded: the process is alive and serving; `status` and `problems` say what needs an operator. */
  @Get()
  @ApiOperation({
    summary:
      'Liveness, the event log head, how far behind each projection is, and `status: degraded` with `problems` ' +
      '(EVENT_QUARANTINED, LOG_BEHIND_CHECKPOINT, the log\'s integrity problems) when something needs an operator',
  })
  health(): Promise<HealthReport> {
    return this.runtime.health();
  }
}
