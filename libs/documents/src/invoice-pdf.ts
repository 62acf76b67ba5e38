import { readFileSync } from 'node:fs';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { DocumentFacts } from '../../../projections/invoice-documents/queries';
import { clientName, legalLine } from './en16931';
import { euros, frenchDay, frenchDecimal } from './french';
import { mentionsOf } from './mentions';

// Embedded whole (PDF/A-3 wants every glyph used embedded; subsetting with fontkit loses some).
const FONTS = { regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
const fontBytes = () => (fontFiles ??= { regular: readFileSync(FONTS.regular), bold: readFileSync(FONTS.bold) });

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const GREY = rgb(0.35, 0.35, 0.35);

/** Writes top to bottom, a new page when the current one is full. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(private readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Room for `height` more points, or a new page. */
  room(height: number): void {
    if (this.y - height >= MARGIN + 24) return;
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  text(text: string, x: number, options: { size?: number; bold?: boolean; right?: boolean; grey?: boolean } = {}): void {
    const size = options.size ?? 9;
    const font = options.bold ? this.bold : this.regular;
    const at = options.right ? x - font.widthOfTextAtSize(text, size) : x;
    this.page.drawText(text, { x: at, y: this.y, size, font, color: options.grey ? GREY : rgb(0, 0, 0) });
  }

  /** Lines of at most `width` points, cut at spaces. */
  wrap(text: string, width: number, size = 9, bold = false): string[] {
    const font = bold ? this.bold : this.regular;
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/)) {
      const tried = current === '' ? word : `${current} ${word}`;
      if (font.widthOfTextAtSize(tried, size) <= width || current === '') current = tried;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current !== '') lines.push(current);
    return lines;
  }

  paragraph(text: string, x: number, width: number, options: { size?: number; bold?: boolean; grey?: boolean } = {}): void {
    const size = options.size ?? 9;
    for (const line of this.wrap(text, width, size, options.bold)) {
      this.room(size + 3);
      this.text(line, x, options);
      this.y -= size + 3;
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 9 }, end: { x: A4[0] - MARGIN, y: this.y + 9 }, thickness: 0.5, color: GREY });
  }
}

const RIGHT = A4[0] - MARGIN;
const COLUMNS = { description: MARGIN, quantity: 330, unitPrice: 410, vat: 450, total: RIGHT };

/**
 * The page a client reads: the CAE, the client, the lines and totals, the mentions, in French. Its dates are the
 * document's, so that the same facts give the same bytes.
 */
export const invoicePdf = async (facts: DocumentFacts): Promise<Uint8Array> => {
  const identity = facts.seller.identity!;
  const document = facts.kind === 'invoice' ? facts.invoice : facts.creditNote;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = fontBytes();
  const w = new Writer(pdf, await pdf.embedFont(fonts.regular, { subset: true }), await pdf.embedFont(fonts.bold, { subset: true }));
  const title = `${facts.kind === 'invoice' ? 'Facture' : 'Avoir'} n° ${document.number}`;
  const at = new Date(`${document.issuedOn}T00:00:00Z`);
  pdf.setTitle(`${identity.legalName} — ${title}`);
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);

  // The seller, left; the title and dates, right.
  const top = w.y;
  w.text(identity.legalName, MARGIN, { size: 13, bold: true });
  w.y -= 16;
  for (const line of [identity.address.line1, identity.address.line2, `${identity.address.postalCode} ${identity.address.city}`, identity.email]) {
    if (!line) continue;
    w.text(line, MARGIN);
    w.y -= 12;
  }
  w.text(`SIRET ${identity.siret} — TVA ${identity.vatNumber}`, MARGIN, { grey: true });
  const below = w.y;
  w.y = top;
  w.text(title, RIGHT, { size: 15, bold: true, right: true });
  w.y -= 18;
  w.text(`Date : ${frenchDay(document.issuedOn)}`, RIGHT, { right: true });
  if (facts.kind === 'invoice') {
    w.y -= 12;
    w.text(`Échéance : ${frenchDay(facts.invoice.dueOn)}`, RIGHT, { right: true });
  }
  w.y = Math.min(below, w.y) - 28;

  // The client.
  const client = facts.invoice.client;
  const clientAddress = client.address ?? client.individual?.address;
  w.text('Client', 330, { bold: true });
  w.y -= 13;
  for (const line of [
    clientName(client),
    clientAddress?.line1,
    clientAddress?.line2,
    clientAddress ? `${clientAddress.postalCode} ${clientAddress.city}` : (client.postalCode ?? client.individual?.postalCode),
    client.siren && `SIREN ${client.siren}`,
    client.vatNumber && `TVA ${client.vatNumber}`,
    client.chorusServiceCode && `Code service : ${client.chorusServiceCode}`,
  ]) {
    if (!line) continue;
    w.text(line, 330);
    w.y -= 12;
  }
  const delivery = facts.invoice.deliveryAddress;
  if (delivery) {
    w.y -= 4;
    w.text(`Lieu de livraison : ${[delivery.line1, delivery.line2, `${delivery.postalCode} ${delivery.city}`].filter(Boolean).join(', ')}`, 330, { grey: true });
    w.y -= 12;
  }
  w.y -= 18;

  // The lines.
  const header = (): void => {
    w.text('Désignation', COLUMNS.description, { bold: true });
    w.text('Qté', COLUMNS.quantity, { bold: true, right: true });
    w.text('PU HT', COLUMNS.unitPrice, { bold: true, right: true });
    w.text('TVA', COLUMNS.vat, { bold: true, right: true });
    w.text('Total HT', COLUMNS.total, { bold: true, right: true });
    w.y -= 14;
    w.rule();
  };
  header();
  for (const line of document.lines) {
    const described = w.wrap(line.description, COLUMNS.quantity - COLUMNS.description - 40);
    const before = w.page;
    w.room(12 * described.length + 4);
    if (w.page !== before) header();
    w.text(frenchDecimal(line.quantity), COLUMNS.quantity, { right: true });
    w.text(euros(line.unitPrice), COLUMNS.unitPrice, { right: true });
    w.text(`${frenchDecimal(line.vatRate)} %`, COLUMNS.vat, { right: true });
    w.text(euros(line.totalExclVat), COLUMNS.total, { right: true });
    for (const text of described) {
      w.text(text, COLUMNS.description);
      w.y -= 12;
    }
    w.y -= 4;
  }
  w.rule();
  w.y -= 6;

  // The totals, VAT by rate.
  const total = (label: string, value: string, bold = false): void => {
    w.room(14);
    w.text(label, 450, { bold, right: true });
    w.text(value, RIGHT, { bold, right: true });
    w.y -= 14;
  };
  total('Total HT', euros(document.totalExclVat));
  for (const rate of document.vatBreakdown) total(`TVA ${frenchDecimal(rate.vatRate)} % sur ${euros(rate.baseExclVat)}`, euros(rate.vat));
  total(facts.kind === 'invoice' ? 'Total TTC à payer' : 'Total TTC de l’avoir', euros(document.totalInclVat), true);
  w.y -= 12;

  // Payment, then the mentions.
  if (facts.kind === 'invoice') {
    const payment = [
      `Paiement au plus tard le ${frenchDay(facts.invoice.dueOn)}`,
      facts.invoice.paymentTerms,
      identity.iban && `par virement : IBAN ${identity.iban}${identity.bic ? ` — BIC ${identity.bic}` : ''}`,
    ].filter(Boolean);
    w.paragraph(payment.join(', '), MARGIN, RIGHT - MARGIN);
    w.y -= 6;
  }
  for (const mention of mentionsOf(facts)) w.paragraph(mention.text, MARGIN, RIGHT - MARGIN, { size: 8, grey: true });

  // Every page's foot: who the seller is in law.
  const foot = `${identity.legalName}, ${legalLine(facts.seller.legalForm, identity)}, TVA ${identity.vatNumber}`;
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const lines = w.wrap(foot, RIGHT - MARGIN - 40, 7);
    lines.forEach((line, j) => page.drawText(line, { x: MARGIN, y: MARGIN - j * 9, size: 7, font: w.regular, color: GREY }));
    const number = `${i + 1}/${pages.length}`;
    page.drawText(number, { x: RIGHT - w.regular.widthOfTextAtSize(number, 7), y: MARGIN, size: 7, font: w.regular, color: GREY });
  });
  return pdf.save({ useObjectStreams: false });
};
