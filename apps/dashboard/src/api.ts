/** The API of this same origin: the session cookie goes by itself; what changes something sends the CSRF token. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The answer as it came (a refused command's outcome, with its details). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

const csrf = (): string => /(?:^|;\s*)alveole_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';

const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }), ...(method !== 'GET' && { 'x-csrf-token': csrf() }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!response.ok) throw new ApiError(response.status, answer.error?.code ?? 'UNKNOWN', answer.error?.message ?? response.statusText, answer);
  return answer as T;
};

export const get = <T>(path: string, parameters: Record<string, string | number | undefined> = {}): Promise<T> => {
  const query = new URLSearchParams(Object.entries(parameters).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])));
  return call<T>('GET', query.size > 0 ? `${path}?${query}` : path);
};
export const post = <T>(path: string, body: unknown): Promise<T> => call<T>('POST', path, body);
export const remove = (path: string): Promise<void> => call<void>('DELETE', path);

/** What GET /api/session answers. */
export interface Me {
  username: string;
  roles: string[];
  grants: { role: string; caeId?: string; entrepreneurId?: string }[];
}

/** The parts of GET …/statistics the pages show. */
export interface Statistics {
  year: number;
  headcount: { start: number; end: number; entries: number; exits: number; accompanied: number };
  monthly: { month: string; entries: number; exits: number; headcountEnd: number }[];
  exits: { positiveExitRate: string };
  associates: { end: { total: number } };
  revenue: { total: string; byClientKind: Record<string, string>; bySector: Record<string, string>; socialAndFiscalReturnPerSubsidyEuro: string };
  payroll: { grossMass: string };
  /** The network's answer only. */
  network?: { caes: number; byCae: (KeyFigures & { caeId: string; name: string; region: string })[]; byRegion: (KeyFigures & { region: string; caes: number })[] };
}

/** A CAE's or a region's figures as the network compares them. */
export interface KeyFigures {
  accompanied: number;
  entries: number;
  exits: number;
  revenue: string;
  grossMass: string;
  associates: number;
  positiveExitRate: string;
}

/** An invoice of GET …/invoices, the parts the pages show. */
export interface Invoice {
  platformStatuses: { status: PlatformStatus; on: string }[];
  number: string;
  issuedOn: string;
  dueOn: string;
  entrepreneurId: string;
  client: { name: string };
  totalInclVat: string;
  paidInclVat: string;
  amountDue: string;
  status: string;
  creditNotes: { number: string }[];
}

/** The French e-invoicing lifecycle's statuses, as the API names them. */
export type PlatformStatus =
  | 'deposited' | 'issued_by_platform' | 'received_by_platform' | 'made_available' | 'taken_over' | 'approved' | 'partially_approved'
  | 'disputed' | 'suspended' | 'completed' | 'refused' | 'payment_sent' | 'cashed' | 'rejected';
