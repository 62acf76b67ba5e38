import { integrate, issueInvoice, registerCae, signCape, signCesa } from './commands';
import type { History } from './given-when-then';

/** Coodyssée registered and Alice integrated on 4 Jan 2016. */
export const aliceIntegrated: readonly History[] = [registerCae(), integrate('alice', '2016-01-04')];

/** Alice under a 6-month CAPE from 4 Jan 2016 (last day 3 Jul 2016). */
export const aliceUnderCape: readonly History[] = [...aliceIntegrated, signCape('alice', '2016-01-04', 6)];

/** Alice an entrepreneur salariée from her first day (CESA on 4 Jan 2016, no CAPE). */
export const aliceUnderCesa: readonly History[] = [...aliceIntegrated, signCesa('alice', '2016-01-04')];

/** Under her CESA, Alice invoiced 1,000.00 + 20% VAT on 11 Jan 2016: invoice 2016-000001 (1,200.00). */
export const aliceInvoiced: readonly History[] = [...aliceUnderCesa, issueInvoice('alice', '2016-01-11')];
