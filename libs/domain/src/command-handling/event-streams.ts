import type { DomainEvent } from '../events';
import { associateStream, caeStream, entrepreneurStream, invoiceSeriesStream, seriesYearOf } from '../streams';

/** The stream every event type is appended to: each is named, so a new event type must say where it goes. */
export const streamOf = (event: DomainEvent): string => {
  switch (event.type) {
    case 'CaeRegistered':
    case 'InformationSessionRecorded':
    case 'IntakeInterviewRecorded':
    case 'SubsidyRecorded':
    case 'PersonForgotten':
      return caeStream(event.data.caeId);
    case 'InvoiceNumberAssigned':
      return invoiceSeriesStream(event.data.caeId, seriesYearOf(event.data.number));
    case 'AssociateAdmitted':
    case 'SharesRedeemed':
      return associateStream(event.data.caeId, event.data.associateId);
    case 'EntrepreneurIntegrated':
    case 'CapeSigned':
    case 'CapeRenewed':
    case 'CesaSigned':
    case 'InvoiceIssued':
    case 'CreditNoteIssued':
    case 'PaymentRecorded':
    case 'RefundRecorded':
    case 'ExpenseRecorded':
    case 'SalaryPaid':
    case 'MeetingRecorded':
    case 'EntrepreneurExited':
      return entrepreneurStream(event.data.caeId, event.data.entrepreneurId);
  }
};
