import { FormatFactoryService, InvoiceService, type Logger } from '@e-invoice-eu/core';
import type { DocumentFacts } from '../../../projections/invoice-documents/queries';
import { en16931 } from './en16931';
import { invoicePdf } from './invoice-pdf';

type Services = Record<string, { prototype: Record<string, unknown> }>;
type Method = (this: unknown, ...args: unknown[]) => unknown;
const services = (new FormatFactoryService() as unknown as { formatServices: Services }).formatServices;

/** The prototype in the chain of `service` that defines `method` itself. */
const definer = (service: string, method: string): Record<string, unknown> => {
  for (let proto = services[service]!.prototype; proto !== null; proto = Object.getPrototypeOf(proto))
    if (Object.hasOwn(proto, method)) return proto;
  throw new Error(`@e-invoice-eu/core: no ${method} on ${service} (a new version? check libs/documents/src/factur-x.ts)`);
};

/** The document being made: generation is one at a time (see `oneAtATime`), and the patches below read it. */
let current: DocumentFacts | undefined;

/**
 * Two fixes to the CII the library writes. It puts all notes into one IncludedNote, their #CODE# prefixes as
 * text: each note becomes its own, with its subject code (PMD, PMT, AAB; one note per code, FX-SCH-A-000160). It
 * drops a credit note's preceding invoice (BT-25, BR-FR-CO-05): written here.
 */
const ciiProto = definer('CII', 'postProcess');
const postProcess = ciiProto['postProcess'] as Method;
ciiProto['postProcess'] = function (this: unknown, cii: Record<string, Record<string, Record<string, unknown>>>) {
  postProcess.call(this, cii);
  const root = cii['rsm:CrossIndustryInvoice'];
  const exchanged = root?.['rsm:ExchangedDocument'] as Record<string, unknown> | undefined;
  const note = exchanged?.['ram:IncludedNote'] as { 'ram:Content': string | string[] } | { 'ram:Content': string | string[] }[] | undefined;
  if (exchanged !== undefined && note !== undefined) {
    exchanged['ram:IncludedNote'] = [note].flat().flatMap((n) => [n['ram:Content']].flat()).map((text) => {
      const coded = /^#([A-Z]{3})#(.*)$/s.exec(text);
      return coded ? { 'ram:Content': coded[2], 'ram:SubjectCode': coded[1] } : { 'ram:Content': text };
    });
  }
  const settlement = (root?.['rsm:SupplyChainTradeTransaction'] as Record<string, Record<string, unknown>> | undefined)?.['ram:ApplicableHeaderTradeSettlement'];
  if (current?.kind === 'credit_note' && settlement !== undefined) {
    // Last of the settlement, where the schema places it (after the monetary summation).
    settlement['ram:InvoiceReferencedDocument'] = {
      'ram:IssuerAssignedID': current.invoice.number,
      'ram:FormattedIssueDateTime': { 'qdt:DateTimeString': current.invoice.issuedOn.replaceAll('-', ''), 'qdt:DateTimeString@format': '102' },
    };
  }
};

/**
 * The library dates the PDF's metadata and attachment with `new Date()`: the document's own day instead, so that
 * the same facts give the same bytes. Only for the synchronous start of each method, where it reads the clock
 * (nothing else runs meanwhile), and in UTC whatever the machine's time zone.
 */
const RealDate = Date;
class DocumentDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0 && current !== undefined) super(`${issuedOn(current)}T00:00:00Z`);
    else super(...(args as [string]));
  }
  override getTimezoneOffset(): number {
    return 0;
  }
}
for (const method of ['createPDFA', 'attachFile']) {
  const proto = definer('Factur-X-EN16931', method);
  const original = proto[method] as Method;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    globalThis.Date = DocumentDate as DateConstructor;
    try {
      return original.apply(this, args);
    } finally {
      globalThis.Date = RealDate;
    }
  };
}

const quiet: Logger = { log: () => undefined, warn: () => undefined, error: (message) => console.error(`factur-x: ${message}`) };

/** A document as a client receives it: Factur-X (PDF/A-3 with its CII XML, EN 16931 profile), and the CII XML alone. */
export type InvoiceFiles = { pdf: Buffer; xml: Buffer };

/** Runs one generation after another: the patches read the document being made from `current`. */
let queue: Promise<void> = Promise.resolve();
const oneAtATime = <T>(facts: DocumentFacts, make: () => Promise<T>): Promise<T> => {
  const made = queue.then(async () => {
    current = facts;
    try {
      return await make();
    } finally {
      current = undefined;
    }
  });
  queue = made.then(
    () => undefined,
    () => undefined,
  );
  return made;
};

const issuedOn = (facts: DocumentFacts) => (facts.kind === 'invoice' ? facts.invoice.issuedOn : facts.creditNote.issuedOn);

/** The CII XML of the document (UN/CEFACT, EN 16931), what a platform (PA) takes alone. */
export const ciiXml = (facts: DocumentFacts): Promise<Buffer> => {
  const invoice = en16931(facts);
  return oneAtATime(facts, async () => Buffer.from((await new InvoiceService(quiet).generate(invoice, { format: 'CII', lang: 'fr-fr', noWarnings: true })) as string, 'utf8'));
};

/** The Factur-X PDF: the French page the client reads, its CII XML inside. */
export const facturX = async (facts: DocumentFacts): Promise<Buffer> => {
  const invoice = en16931(facts);
  const page = await invoicePdf(facts);
  const number = facts.kind === 'invoice' ? facts.invoice.number : facts.creditNote.number;
  const options = { format: 'Factur-X-EN16931', lang: 'fr-fr', noWarnings: true, pdf: { buffer: page, filename: `${number}.pdf`, mimetype: 'application/pdf' } };
  return oneAtATime(facts, async () => Buffer.from((await new InvoiceService(quiet).generate(invoice, options)) as Uint8Array));
};
