import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Runtime } from '../../../libs/application';

const RUNTIME = Symbol('RUNTIME');

/** Keeps the projections up to date for as long as the application context lives. */
class ProjectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async onApplicationBootstrap(): Promise<void> {
    const summary = await this.runtime.startProjections(({ projection, position, head }) => this.logger.log(`rebuilding ${projection}: ${position}/${head}`));
    for (const line of summary) this.logger.log(line);
  }

  /** What this service started, it stops (runtime.close() would too, but the context may close alone). */
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
