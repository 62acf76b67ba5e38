import { accessProjection } from './access/projection';
import { auditsProjection } from './audits/projection';
import { invoiceDocumentsProjection } from './invoice-documents/projection';
import { ledgerProjection } from './ledger/projection';
import { networkStatistics } from './network-statistics/projection';
import type { Projection } from './projection';
import { registersProjection } from './registers/projection';
import { treasuryProjection } from './treasury/projection';

/** Every projection the projector runs, in the order it applies them. */
export const ALL_PROJECTIONS: readonly Projection[] = [treasuryProjection, registersProjection, networkStatistics, accessProjection, auditsProjection, invoiceDocumentsProjection, ledgerProjection];
