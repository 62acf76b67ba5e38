import { Query } from '@nestjs/cqrs';
import type { Cut, DocumentFormat, FecFile, HealthReport, InvoiceDocument } from '../../../../libs/application';
import type { accessRegister } from '../../../../projections/access/queries';
import type { auditsOf, networkAudits } from '../../../../projections/audits/queries';
import type { caeStatistics, caeStatisticsByYear, networkStatistics, networkStatisticsByYear } from '../../../../projections/network-statistics/queries';
import type { associatesRegister, clientsDirectory, compliance, entrepreneurFile, entrepreneursRegister, invoices, shareMovements } from '../../../../projections/registers/queries';
import type { caeAccounts, caeTreasury, entrepreneurAccount, networkCaes } from '../../../../projections/treasury/queries';

/** What a read-model query answers when it finds what it was asked for. */
type Answer<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;

/** One query per GET route, carrying its checked parameters to its handler over the QueryBus; `cut`: as of when. */

export class CaeStatisticsQuery extends Query<Answer<typeof caeStatistics>> {
  constructor(readonly caeId: string, readonly year: number, readonly cut: Cut = {}) {
    super();
  }
}

export class CaeStatisticsYearsQuery extends Query<Answer<typeof caeStatisticsByYear>> {
  constructor(readonly caeId: string, readonly cut: Cut = {}) {
    super();
  }
}

export class NetworkStatisticsYearsQuery extends Query<Answer<typeof networkStatisticsByYear>> {
  constructor(readonly cut: Cut = {}) {
    super();
  }
}

export class NetworkCaesQuery extends Query<Answer<typeof networkCaes>> {
  constructor(readonly cut: Cut = {}) {
    super();
  }
}

export class NetworkStatisticsQuery extends Query<Answer<typeof networkStatistics>> {
  constructor(readonly year: number, readonly cut: Cut = {}) {
    super();
  }
}

export class ActivityAccountQuery extends Query<Answer<typeof entrepreneurAccount>> {
  constructor(readonly caeId: string, readonly entrepreneurId: string, readonly cut: Cut = {}) {
    super();
  }
}

export class EntrepreneurFileQuery extends Query<Answer<typeof entrepreneurFile>> {
  constructor(readonly caeId: string, readonly entrepreneurId: string, readonly cut: Cut = {}) {
    super();
  }
}

/** The queries that name a CAE and nothing else. */
abstract class CaeQuery<T> extends Query<T> {
  constructor(readonly caeId: string, readonly cut: Cut = {}) {
    super();
  }
}

export class CaeTreasuryQuery extends CaeQuery<Answer<typeof caeTreasury>> {}
export class EntrepreneursRegisterQuery extends CaeQuery<Answer<typeof entrepreneursRegister>> {}
export class AssociatesRegisterQuery extends CaeQuery<Answer<typeof associatesRegister>> {}
export class ClientsDirectoryQuery extends CaeQuery<Answer<typeof clientsDirectory>> {}
export class CaeAccountsQuery extends CaeQuery<Answer<typeof caeAccounts>> {}
export class ShareMovementsQuery extends CaeQuery<Answer<typeof shareMovements>> {}

/** `only`: the one entrepreneur whose invoices the caller may read; undefined: all of them. */
export class InvoicesQuery extends Query<Answer<typeof invoices>> {
  constructor(readonly caeId: string, readonly only?: { entrepreneurId: string }, readonly cut: Cut = {}) {
    super();
  }
}
export class AccessRegisterQuery extends CaeQuery<Answer<typeof accessRegister>> {}
export class AuditsQuery extends CaeQuery<Answer<typeof auditsOf>> {}

export class NetworkAuditsQuery extends Query<Answer<typeof networkAudits>> {
  constructor(readonly asOf: string | undefined) {
    super();
  }
}

export class ComplianceQuery extends Query<Answer<typeof compliance>> {
  constructor(readonly caeId: string, readonly today: string | undefined, readonly cut: Cut = {}) {
    super();
  }
}

/** Only the status for an anonymous probe; the whole report for a caller allowed to read it. */
export class HealthQuery extends Query<HealthReport | Pick<HealthReport, 'status'>> {
  constructor(readonly detailed: boolean) {
    super();
  }
}

/** An invoice's or credit note's document: Factur-X (pdf) or CII (xml); an entrepreneur's own only. */
export class InvoiceDocumentQuery extends Query<InvoiceDocument> {
  constructor(readonly caeId: string, readonly number: string, readonly format: DocumentFormat, readonly only: { entrepreneurId: string } | undefined) {
    super();
  }
}

/** A CAE's FEC for a year, made at a log position (default: the head). */
export class FecQuery extends Query<FecFile> {
  constructor(readonly caeId: string, readonly year: number, readonly position: number | undefined) {
    super();
  }
}
