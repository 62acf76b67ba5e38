import { handleCommand } from '../command-handling/handle-command';
import { COMMAND_TYPES, type Command, type IsoDate } from '../commands';
import type { Decided, DecisionContext } from '../command-handling/decision';
import type { DomainError, ErrorCode } from '../errors';
import type { DomainEvent } from '../events';
import { InMemoryStreams } from './in-memory-streams';

/**
 * Given / When / Then for the deciders (after emmett's DeciderSpecification): a rule reads like the rule.
 *
 *   await given(registerCae(), integrate('alice', '2016-01-04'), signCape('alice', '2016-01-04', 6))
 *     .when(signCape('alice', '2016-02-01', 6))
 *     .thenRejects('CAPE_ALREADY_SIGNED');
 *
 * The history mixes events and commands: a command stands for the events it was decided into (it must be
 * accepted), so fixtures never drift from the deciders. Commands go through the application's own handler
 * (`handleCommand`) over an in-memory log, so the state is loaded exactly as in production.
 */

export type History = DomainEvent | Command | readonly History[];

const COMMANDS: readonly string[] = COMMAND_TYPES;
const isCommand = (item: DomainEvent | Command): item is Command => COMMANDS.includes(item.type);

export const TODAY: IsoDate = '2026-01-15';

const describeError = (error: DomainError) => `${error.code}: ${error.message}`;

/** Decides a command on a history, through the one command handler. */
export const decideOn = async (events: readonly DomainEvent[], command: Command, context: DecisionContext = { today: TODAY }): Promise<Decided> =>
  handleCommand(command, new InMemoryStreams(events), context);

/** The events of a history, commands replayed through the handler (each must be accepted). */
export const record = async (...history: History[]): Promise<DomainEvent[]> => {
  const log = new InMemoryStreams();
  const visit = async (item: History): Promise<void> => {
    if (Array.isArray(item)) {
      for (const inner of item as readonly History[]) await visit(inner);
      return;
    }
    const one = item as DomainEvent | Command;
    if (!isCommand(one)) return log.append(one);
    const decided = await handleCommand(one, log, { today: TODAY });
    if (!decided.ok) throw new Error(`The history's ${one.type} was refused: ${describeError(decided.error)}`);
    decided.value.events.forEach((p) => log.append(p.event));
  };
  for (const item of history) await visit(item);
  return log.events;
};

export interface Then {
  /** The events decided, in order (deep, strict equality), or a check of them and of the result. */
  then(expected: DomainEvent[] | ((events: DomainEvent[], result: Record<string, unknown>) => void)): Promise<void>;
  /** Refused with this code (and a message containing `messageContains`); resolves to the error for more checks. */
  thenRejects(code: ErrorCode, messageContains?: string): Promise<DomainError>;
}

export const given = (...history: History[]) => ({
  when: (command: Command, context: DecisionContext = { today: TODAY }): Then => {
    const decision = async () => decideOn(await record(...history), command, context);
    return {
      async then(expected) {
        const decided = await decision();
        if (!decided.ok) throw new Error(`Expected ${command.type} to be accepted, it was refused: ${describeError(decided.error)}`);
        const decidedEvents = decided.value.events.map((p) => p.event);
        if (typeof expected === 'function') expected(decidedEvents, decided.value.result);
        else expect(decidedEvents).toStrictEqual(expected);
      },
      async thenRejects(code, messageContains) {
        const decided = await decision();
        if (decided.ok)
          throw new Error(`Expected ${command.type} to be refused with ${code}, it was accepted: ${JSON.stringify(decided.value.events.map((p) => p.event))}`);
        expect(decided.error.code).toBe(code);
        if (messageContains !== undefined) expect(decided.error.message).toContain(messageContains);
        return decided.error;
      },
    };
  },
});

/** The single event a command decides (for rules about one field of it). */
export const decidedEvent = async <T extends DomainEvent['type']>(history: History[], command: Command, type: T): Promise<Extract<DomainEvent, { type: T }>> => {
  const decided = await decideOn(await record(...history), command);
  if (!decided.ok) throw new Error(`${command.type} was refused: ${describeError(decided.error)}`);
  const event = decided.value.events.map((p) => p.event).find((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`${command.type} decided no ${type}`);
  return event;
};
