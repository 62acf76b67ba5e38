/** Nest injection token of the wired Runtime (libs/application). */
export const RUNTIME = Symbol('RUNTIME');
