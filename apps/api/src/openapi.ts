import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { COMMAND_TYPES, ERROR_CODES } from '../../../libs/domain';

const envelopeSchema = {
  type: 'object',
  required: ['type', 'commandId', 'data'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: [...COMMAND_TYPES] },
    commandId: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Makes the command idempotent, also across restarts' },
    data: { type: 'object', description: 'The fields of the command type (API.md). Money, rates, quantities and hours are decimal strings.' },
    actor: { type: 'string', maxLength: 200 },
    correlationId: { type: 'string', maxLength: 128 },
    causationId: { type: 'string', maxLength: 128 },
  },
  example: {
    type: 'IssueInvoice',
    commandId: 'inv-2016-0001',
    data: {
      caeId: 'coodyssee',
      entrepreneurId: 'e-001',
      issuedOn: '2016-03-01',
      client: { name: 'Mairie de Gap', kind: 'public_body' },
      lines: [{ description: 'Atelier', quantity: '2', unitPrice: '450.00', vatRate: '20' }],
    },
  },
};

export const commandBodySchema = {
  oneOf: [envelopeSchema, { type: 'array', minItems: 1, maxItems: 1000, items: envelopeSchema }],
};

export const commandOutcomeSchema = {
  type: 'object',
  properties: {
    commandId: { type: 'string' },
    status: { type: 'string', enum: ['accepted', 'duplicate', 'rejected'] },
    events: {
      type: 'array',
      items: { type: 'object', properties: { type: { type: 'string' }, streamId: { type: 'string' }, revision: { type: 'integer' }, position: { type: 'integer' } } },
    },
    result: { type: 'object', description: 'e.g. the invoice number and totals' },
    error: {
      type: 'object',
      properties: { code: { type: 'string', enum: [...ERROR_CODES] }, message: { type: 'string' }, details: { type: 'object' } },
    },
  },
};

export const setUpOpenApi = (app: INestApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('Alvéole')
    .setDescription('Back office for networks of CAEs (coopératives d’activité et d’emploi): commands (API.md) and queries.')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'api/docs-json' });
};
