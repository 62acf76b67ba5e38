export * from './src/rule';
export { CATALOGUE, CATALOGUE_VERSION, DECLARED_RULES, catalogueHash } from './src/catalogue';
export { evaluateCatalogue, type Evaluation, type Tally } from './src/evaluate';
