import { addDays, type CommandDataByType, type CommandType } from '../../libs/domain';
import { exampleData } from '../../test/fixtures/commands';
import { eventsOf, MemoryDocs, type Envelope } from '../testing/harness';
import { treasuryProjection } from './projection';

/** A command of the example story (test/fixtures/commands.ts), with some fields changed. */
export const command = <T extends CommandType>(type: T, changes: Partial<CommandDataByType[T]> = {}): Envelope => ({
  type,
  data: { ...exampleData(type), ...changes } as Record<string, unknown>,
});

/** The treasury read models after the commands (each must be accepted). */
export const treasuryAfter = async (commands: Envelope[]): Promise<MemoryDocs> => new MemoryDocs().run(treasuryProjection, await eventsOf(commands));

/** Coodyssée with e-001 under a CESA from its integration on 11 Jan 2016, under the given contribution. */
export const cesaFromJanuary = (contribution: CommandDataByType['RegisterCae']['contribution'] = { rate: '0.12', base: 'revenue' }): Envelope[] => [
  command('RegisterCae', { contribution }),
  command('IntegrateEntrepreneur'),
  command('SignCesa', { signedOn: '2016-01-11' }),
];

/** One invoice of `amount` excl. VAT (20% VAT) issued by e-001, due 30 days later unless said. */
export const invoice = (issuedOn: string, amount: string, dueOn = addDays(issuedOn, 30)): Envelope =>
  command('IssueInvoice', { issuedOn, dueOn, lines: [{ description: 'Prestation', quantity: '1', unitPrice: amount, vatRate: '20' }] });
