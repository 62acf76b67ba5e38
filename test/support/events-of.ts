import { openInMemory, toProjectedEvent, type Runtime } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import type { ProjectedEvent } from '../../projections/projection';

/** Commands through the real command side, for the scenarios that check read models end to end (test/acceptance, libs/scenarios). */
export interface Envelope {
  type: string;
  commandId?: string;
  data: Record<string, unknown>;
}

let counter = 0;

/** Runs the envelopes in order (every one must be accepted) and returns the log as projections see it. */
export const eventsOf = async (envelopes: Envelope[], runtime: Runtime = openInMemory()): Promise<ProjectedEvent[]> => {
  for (const raw of envelopes) {
    const validated = validateEnvelope({ commandId: `spec-${++counter}`, ...raw });
    if (!validated.ok) throw new Error(`Invalid ${raw.type}: ${validated.error.message}`);
    const outcome = await runtime.commands.handle(validated.value);
    if (outcome.status === 'rejected') throw new Error(`${raw.type} rejected: ${outcome.error!.code} ${outcome.error!.message}`);
  }
  return projectedLog(runtime);
};

/** The whole log of a runtime, personal data opened. */
export const projectedLog = async (runtime: Runtime): Promise<ProjectedEvent[]> => {
  const out: ProjectedEvent[] = [];
  for (let from = 1; ; ) {
    const page = await runtime.store.readAll(from, { limit: 1000 });
    if (page.length === 0) return out;
    for (const recorded of page) out.push(await toProjectedEvent(recorded, runtime.vault));
    from = page[page.length - 1]!.position + 1;
  }
};
