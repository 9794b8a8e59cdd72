import type { Bilingual } from '../api/client.ts';

/** The answers of /api/v1/butler/… as src/butler/routes.ts declares them. */
export type TicketAction = 'respond' | 'confirm' | 'submit' | 'accept' | 'close';
export type TicketStatus = 'open' | 'responded' | 'confirmed' | 'submitted' | 'accepted' | 'closed';
export type ButlerService = 'icp_filing' | 'police_filing' | 'commercial_licence' | 'isp_licence';
export type ClockView = {
  kind: 'first_response' | 'materials';
  startedAt: string;
  dueAt: string;
  metAt: string | null;
  isRunning: boolean;
  isOverdue: boolean;
  wasLate: boolean;
};
export type TicketView = {
  id: string;
  number: string;
  service: ButlerService;
  serviceName: Bilingual;
  status: TicketStatus;
  statusLabel: Bilingual;
  note: string;
  contactMobile: string;
  applicant: string | null;
  openedAt: string;
  firstResponseDueAt: string;
  openedOutsideBusinessHours: boolean;
  respondedAt: string | null;
  confirmedAt: string | null;
  materialsDueAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  isRefundable: boolean;
  noRefundNotice: Bilingual;
  clocks: ClockView[];
  isOverdue: boolean;
  /** The running clock spans a year without holiday data: its due time counts weekends only. */
  calendarWarning: Bilingual | null;
  isp: { scope: string; registeredCapitalCny: number; eligible: boolean } | null;
  actions: TicketAction[];
  version: number;
  updatedAt: string;
};
export type ChecklistItem = {
  key: string;
  title: Bilingual;
  detail: Bilingual;
  done: boolean;
  tickedAt: string | null;
  tickedBy: { role: string; name: string } | null;
};
export type InvoiceRequest = { id: string; ticketId: string; invoicingEntity: string | null; entityName: string; taxNumber: string; email: string; requestedAt: string };
export type TicketEvent = {
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  actorRole: string;
  note: string | null;
  subject: string | null;
  done: boolean | null;
};
export type TicketDetail = TicketView & { checklist: ChecklistItem[]; invoicingEntity: string | null; invoiceRequests: InvoiceRequest[]; timeline: TicketEvent[]; now: string };
export type TicketList = { items: TicketView[]; total: number; page: number; pageSize: number; now: string };
export type IspEligibility = {
  eligible: boolean;
  scope: 'nationwide' | 'provincial';
  minimumCny: number;
  reasons: { code: string; message: Bilingual }[];
  checklist: { key: string; title: Bilingual; detail: Bilingual }[];
};

export const SERVICES: ButlerService[] = ['icp_filing', 'police_filing', 'commercial_licence', 'isp_licence'];
