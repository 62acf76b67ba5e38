import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Runtime } from '../../../libs/application';

const RUNTIME = Symbol('RUNTIME');

/** Keeps the projections up to date for as long as the application context lives. */
class ProjectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.startProjections(({ projection, position, head }) => this.logger.log(`rebuilding ${projection}: ${position}/${head}`));
    const lags = await this.runtime.projector.lag();
    this.logger.log(`projecting ${lags.map((l) => `${l.projection} @${l.checkpoint}`).join(', ')} (log head ${lags[0]?.head ?? 0})`);
    for (const feed of this.runtime.feeds) this.logger.log(`${feed.projection.name}: consuming topic ${feed.topic} as group ${feed.group}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const feed of this.runtime.feeds) await feed.stop();
    await this.runtime.projector.stop();
  }
}

@Module({})
export class ProjectorModule {
  static with(runtime: Runtime): DynamicModule {
    return { module: ProjectorModule, providers: [{ provide: RUNTIME, useValue: runtime }, ProjectionService] };
  }
}
