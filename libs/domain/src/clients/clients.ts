import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions } from '../command-handling/define-command';
import { refuse } from '../errors';
import { clientStream } from '../streams';
import type { Nothing } from '../validation/results';
import { clientOf } from './client-of';
import { registerClientResult, registerClientSchema, type ClientCommands, type RegisterClient } from './commands';

/** The CAE's client directory: each client registered once under its id, named by its invoices. */

export const registerClient = (c: RegisterClient, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  if (s.client?.registered) return refuse('CLIENT_ALREADY_REGISTERED', `Client "${c.clientId}" is already in the directory of CAE "${c.caeId}".`, { clientId: c.clientId });
  const { caeId, clientId, registeredOn, ...client } = c;
  return decided([{ streamId: clientStream(caeId, clientId), event: { type: 'ClientRegistered', data: { caeId, clientId, registeredOn, client: clientOf(client) } } }]);
};

export const CLIENT_COMMANDS: CommandDefinitions<ClientCommands> = {
  RegisterClient: defineCommand(registerClientSchema, {
    result: registerClientResult,
    plan: (c) => ({ caeId: c.caeId, clientId: c.clientId, writes: ['client'] }),
    decide: registerClient,
  }),
};
