import { randomUUID } from 'node:crypto';
import { CATALOGUE_VERSION, catalogueHash } from '../../../audit';
import { validateEnvelope, type KnownAt } from '../../../domain';
import { dayInFrance } from '../../../domain/src/day-in-france';
import type { EventStore } from '../../../event-store';
import type { PersonalDataVault } from '../../../personal-data';
import type { AuditDoc } from '../../../../projections/audits/documents';
import type { CommandService } from '../command-service';
import { auditHistoryOf, type AuditCut } from './audit-history';
import { auditReport, reportBody, type AuditReport, type ReportBody } from './audit-report';
import { signHead, type SigningKeys } from './signing-keys';

/** What reading an audit again can answer: its report, made again, or why it cannot be the same one. */
export type AuditReading =
  | { ok: true; report: AuditReport }
  | { ok: false; code: 'AUDIT_CATALOGUE_CHANGED' | 'AUDIT_NOT_REPRODUCIBLE'; message: string; recorded: AuditDoc };

/** The moment of the log an audit was recorded as known at, as written in its event (a position or an instant). */
const knownAtWritten = (written: string | undefined): KnownAt | undefined =>
  written === undefined ? undefined : /^\d+$/.test(written) ? { position: Number(written) } : { instant: written };

/**
 * The label audits of a CAE: the catalogue evaluated over its history as of a date, the report signed on the chain
 * head it stands on, recorded in the log as AuditPerformed. A report is not stored: it is made again from the log,
 * and must come out with the same hash.
 */
export class Audits {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly commands: CommandService,
    private readonly keys: SigningKeys,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The report's body, nothing recorded (the CLI's offline audit); undefined when the CAE has no event in the cut.
   * `asked`: the knownAt the report states, when it is not the cut's (an audit made again on its chain head).
   */
  async body(caeId: string, cut: AuditCut, asked: { knownAt: KnownAt | undefined } = { knownAt: cut.knownAt }): Promise<ReportBody | undefined> {
    const found = await auditHistoryOf(this.store, this.vault, caeId, cut);
    if (found === undefined) return undefined;
    return reportBody(found.history, signHead(this.keys, caeId, found.head), asked.knownAt);
  }

  /** Runs the audit and records it, the auditor as its actor. */
  async perform(caeId: string, cut: AuditCut, auditor: string): Promise<AuditReport | undefined> {
    const body = await this.body(caeId, cut);
    if (body === undefined) return undefined;
    const performedAt = this.clock();
    const run = { id: `audit-${randomUUID()}`, performedBy: auditor, performedAt: performedAt.toISOString() };
    const report = auditReport(body, run);
    const data = {
      caeId,
      auditId: run.id,
      asOf: body.asOf,
      ...(body.knownAt !== null && { knownAt: String(body.knownAt) }),
      chainHead: { position: body.chainHead.position, hash: body.chainHead.hash },
      catalogue: body.catalogue,
      score: body.score,
      failingMandatory: body.rules.filter((rule) => rule.level === 'mandatory' && rule.outcome === 'fail').map((rule) => rule.id),
      reportHash: report.reportHash,
      auditor,
      performedAt: run.performedAt,
      performedOn: dayInFrance(performedAt),
    };
    const envelope = validateEnvelope({ type: 'RecordAudit', commandId: run.id, data });
    if (!envelope.ok) throw new Error(`The audit's record is invalid: ${envelope.error.message}`);
    const outcome = await this.commands.handle({ ...envelope.value, actor: auditor });
    if (outcome.status !== 'accepted') throw new Error(`The audit could not be recorded: ${outcome.error?.code} ${outcome.error?.message}`);
    return report;
  }

  /** The report of a recorded audit, made again on the chain head it stood on; refused when it would differ. */
  async read(recorded: AuditDoc): Promise<AuditReading> {
    if (recorded.catalogue.hash !== catalogueHash())
      return { ok: false, code: 'AUDIT_CATALOGUE_CHANGED', message: `This audit used catalogue version ${recorded.catalogue.version}; this server runs version ${CATALOGUE_VERSION}, so its report cannot be made again here.`, recorded };
    const asked = knownAtWritten(recorded.knownAt);
    const body = await this.body(recorded.caeId, { asOf: recorded.asOf, knownAt: { position: recorded.chainHead.position } }, { knownAt: asked });
    const report = body && auditReport(body, { id: recorded.auditId, performedBy: recorded.auditor, performedAt: recorded.performedAt });
    if (report === undefined || report.reportHash !== recorded.reportHash)
      return { ok: false, code: 'AUDIT_NOT_REPRODUCIBLE', message: `The report made again from the log does not have the recorded hash ${recorded.reportHash}: verify the log (npm run cli -- verify).`, recorded };
    return { ok: true, report };
  }
}
