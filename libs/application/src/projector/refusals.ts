import type { GenerationRef } from '../../../read-store';

/** The log's head is below a generation's checkpoint: the log lost events that were projected. */
export interface LogBehindCheckpoint {
  code: 'LOG_BEHIND_CHECKPOINT';
  message: string;
  details: { projection: string; generation: number; checkpoint: number; head: number };
}

const keyOf = (ref: GenerationRef): string => `${ref.projection}\u0000${ref.generation}`;

/**
 * Generations refused because the log's head went below their checkpoint (the log was truncated, or restored from
 * an older copy): positions would be reused by new events and never projected. Never written again, even once the
 * head has passed the checkpoint.
 */
export class Refusals {
  private readonly refused = new Map<string, LogBehindCheckpoint>();

  has(ref: GenerationRef): boolean {
    return this.refused.has(keyOf(ref));
  }

  get(ref: GenerationRef): LogBehindCheckpoint | undefined {
    return this.refused.get(keyOf(ref));
  }

  /** Refuses the generation for good if its checkpoint is above the head (read after the checkpoint). */
  refuseIfBehind(ref: GenerationRef, checkpoint: number, head: number): boolean {
    if (this.has(ref)) return true;
    if (checkpoint <= head) return false;
    const problem: LogBehindCheckpoint = {
      code: 'LOG_BEHIND_CHECKPOINT',
      message:
        `The event log's head (${head}) is below the checkpoint of ${ref.projection} (generation ${ref.generation}, ${checkpoint}): ` +
        'the log has lost events that were projected (truncated, or restored from an older copy). The projector no longer ' +
        'writes that generation. Restore the log, or accept it as it is and rebuild the read models (npm run cli -- rebuild).',
      details: { projection: ref.projection, generation: ref.generation, checkpoint, head },
    };
    this.refused.set(keyOf(ref), problem);
    console.error(`Projector: ${problem.message}`);
    return true;
  }
}
