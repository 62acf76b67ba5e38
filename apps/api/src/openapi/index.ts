import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from './document';

export { openApiDocument, type OpenApiDocument } from './document';

/** Serves the generated document: the UI at /api/docs, the JSON at /api/docs-json. */
export const setUpOpenApi = (app: INestApplication): void => {
  const document = openApiDocument() as unknown as OpenAPIObject;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
};
