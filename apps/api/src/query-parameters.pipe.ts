import type { PipeTransform } from '@nestjs/common';
import { queryParameters, validateQuery } from '../../../libs/domain';
import type { Schema } from '../../../libs/domain/src/validation/schema';
import { fromDomain } from './api-error';

type Routes = typeof queryParameters;
type ParametersOf<K extends keyof Routes> = Routes[K] extends { parse(...args: never[]): infer T } ? Exclude<T, symbol> : never;

/** A route's query string, checked as the domain checks command fields: refused with VALIDATION_FAILED, or typed. */
export class QueryParameters<K extends keyof Routes> implements PipeTransform<Record<string, unknown> | undefined, ParametersOf<K>> {
  constructor(private readonly route: K) {}

  transform(raw: Record<string, unknown> | undefined): ParametersOf<K> {
    // Each route's schema, widened once: TypeScript cannot pick one member of the union of schemas by K.
    const result = validateQuery(queryParameters[this.route] as Schema<unknown>, raw ?? {});
    if (!result.ok) throw fromDomain(result.error);
    return result.value as ParametersOf<K>;
  }
}
