import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables; one interface per table, names as in the SQL migrations. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: 'applicant' | 'reviewer' | 'compliance' | 'butler' | 'admin';
  display_name: string | null;
  subject_key: string | null;
  subject_bound_at: Timestamp | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  email_verified_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  request_ip: string | null;
  last_seen_at: Timestamp;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account_key: string;
  ip: string;
  failed_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  request_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>>;
  stream: string | null;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  person_keys: ColumnType<string[], string[] | undefined, string[]>;
}

export interface OutboxTable {
  id: Generated<number>;
  created_at: Timestamp;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  processed_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  fanned_out_at: Timestamp | null;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Json<Record<string, unknown>>;
  run_at: Timestamp;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  /** While `running`: the worker's lease, on the database's clock (`now()`). */
  locked_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SentMessagesTable {
  id: Generated<number>;
  created_at: Timestamp;
  channel: 'sms' | 'email';
  recipient_hash: string;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  dedupe_key: string;
  adapter: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  params: string | null;
  /** While `sending`: until when the claiming process holds it, on the database's clock (`now()`). */
  lease_until: Timestamp | null;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: string;
  scope: string;
  created_at: Timestamp;
  status_code: number;
  response: Json<unknown>;
}

export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  request_ip: string | null;
}

export interface LoginNameChallengesTable {
  id: string;
  domain: string;
  subject_number: string;
  user_id: string;
  mobile: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface EmailVerificationsTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IdChecksTable {
  id: string;
  person_key: string;
  mobile_hash: string;
  mobile: string | null;
  id_number_masked: string;
  is_matched: boolean;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  access_token_hash: string | null;
  access_expires_at: Timestamp | null;
  references_found: ColumnType<string[], string | undefined, string>;
  created_at: Timestamp;
}

export interface MisuseReportsTable {
  id: string;
  reference: string;
  check_id: string;
  person_key: string;
  id_number_masked: string;
  mobile: string;
  subject_number: string | null;
  order_number: string | null;
  note: string;
  status: 'open' | 'answered';
  created_at: Timestamp;
  due_at: Timestamp;
  answered_at: Timestamp | null;
  answered_by: string | null;
  answer: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
  expires_at: Timestamp;
}

export interface RateBucketsTable {
  key: string;
  tokens: number;
  at: Timestamp;
  allowed: boolean;
  expires_at: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface DB extends FilingTables, ResourceTables, DecisionTables, ButlerTables, AftercareTables, RegulatorTables {
}

/** The truthfulness promise made with a submission (issue 12). */
export interface SubmissionPromisesTable {
  id: Generated<string>;
  order_id: string;
  user_id: string;
  at: Timestamp;
  text_version: string;
  is_explicit: boolean;
}

export interface JourneyTables {
  submission_promises: SubmissionPromisesTable;
}

export interface DB extends FilingTables, ResourceTables, JourneyTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  sent_messages: SentMessagesTable;
  idempotency_keys: IdempotencyKeysTable;
  password_reset_tokens: PasswordResetTokensTable;
  login_name_challenges: LoginNameChallengesTable;
  rate_limits: RateLimitsTable;
  rate_buckets: RateBucketsTable;
  email_verifications: EmailVerificationsTable;
  id_checks: IdChecksTable;
  misuse_reports: MisuseReportsTable;
  schema_migrations: SchemaMigrationsTable;
}

export interface OrdersTable {
  id: string;
  number: string;
  user_id: string;
  kind: string | null;
  status: string;
  version: Generated<number>;
  draft: string;
  province: string | null;
  subject_name: string | null;
  subject_key: string | null;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  filing_number: string | null;
  target_services: ColumnType<string[], string[] | undefined, string[]>;
  reject_reasons: ColumnType<unknown[], string | undefined, string>;
  supplement_items: ColumnType<unknown[], string | undefined, string>;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  sla_due_at: Timestamp | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_activity_at: Timestamp;
  help_requested_at: Timestamp | null;
  /** null until filled (orders created before the column); see filing/person-keys.ts. */
  person_keys: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

export interface OrderMaterialsTable {
  id: string;
  order_id: string;
  kind: string;
  applies_to: string | null;
  issued_on: string | null;
  sha256: string;
  format: string;
  bytes: number;
  width: number | null;
  height: number | null;
  colour: string | null;
  findings: ColumnType<unknown[], string | undefined, string>;
  uploaded_by: string | null;
  created_at: Timestamp;
  replaced_at: Timestamp | null;
}

export interface FaceVerificationsTable {
  id: string;
  order_id: string;
  person_path: string;
  person_key: string;
  outcome: 'passed' | 'failed' | 'error';
  score: number | null;
  vendor_ref: string | null;
  photo_sha256: string | null;
  created_at: Timestamp;
}

export interface ReviewCallsTable {
  id: Generated<number>;
  order_id: string;
  reviewer: string | null;
  person_path: string;
  outcome: 'answered' | 'missed' | 'wrong_number' | 'refused';
  note: string | null;
  created_at: Timestamp;
}

export interface SimSmsChallengesTable {
  id: string;
  /** The simulated regulator's submission the code belongs to (null: written before the regulator port). */
  submission_id: string | null;
  order_id: string;
  mobile_hash: string;
  mobile: string;
  code_hash: string;
  attempts: Generated<number>;
  sent_count: Generated<number>;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SimNumberSequencesTable {
  province: string;
  year: number;
  next: number;
}

export interface FiledSubjectsTable {
  number: string;
  province: string;
  user_id: string | null;
  subject_key: string;
  leader_key: string;
  name: string;
  nature: string;
  draft: string;
  status: 'active' | 'cancelled';
  approved_at: Timestamp;
  updated_at: Timestamp;
}

export interface FiledServicesTable {
  number: string;
  subject_number: string;
  seq: number;
  kind: string;
  name: string;
  domain: string | null;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  home_url: string | null;
  content_types: ColumnType<string[], string[] | undefined, string[]>;
  leader_name: string | null;
  access_state: 'connected' | 'revoked' | 'cancelled';
  approved_at: Timestamp;
  updated_at: Timestamp;
}

export interface FilingHistoryTable {
  id: Generated<number>;
  subject_number: string;
  order_id: string | null;
  kind: string;
  at: Timestamp;
  summary: string;
}

export interface SimNationalRecordsTable {
  id: Generated<number>;
  domain: string | null;
  subject_key: string;
  leader_key: string | null;
  subject_number: string | null;
  /** The service's number in the registry (null: a subject row, or written before services were numbered here). */
  service_number: string | null;
  /** 'pending': an order for this subject is in progress at another provider. */
  status: 'active' | 'cancelled' | 'pending';
  created_at: Timestamp;
}

export interface FilingTables {
  orders: OrdersTable;
  order_materials: OrderMaterialsTable;
  face_verifications: FaceVerificationsTable;
  review_calls: ReviewCallsTable;
  sim_sms_challenges: SimSmsChallengesTable;
  sim_number_sequences: SimNumberSequencesTable;
  filed_subjects: FiledSubjectsTable;
  filed_services: FiledServicesTable;
  filing_history: FilingHistoryTable;
  sim_national_records: SimNationalRecordsTable;
}

export interface ResourcesTable {
  id: string;
  user_id: string;
  kind: string;
  region: string;
  is_mainland: boolean;
  billing: 'subscription' | 'pay_as_you_go';
  paid_months: number;
  first_term_months: number | null;
  has_public_bandwidth: boolean;
  /** numeric: the driver returns it as a string. */
  order_amount_cny: ColumnType<string | number | null, number | null | undefined, number | null>;
  public_ips: ColumnType<string[], string[] | undefined, string[]>;
  label: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
}

export interface ServiceCodesTable {
  code: string;
  resource_id: string;
  user_id: string;
  issued_at: Timestamp;
  bound_order_id: string | null;
  bound_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ResourceTables {
  resources: ResourcesTable;
  service_codes: ServiceCodesTable;
}

export interface OrderDecisionsTable {
  id: Generated<string>;
  order_id: string;
  order_version: number;
  outcome: 'provider_rejected' | 'regulator_rejected' | 'supplement_requested';
  draft: string;
  reasons: ColumnType<unknown[], string | undefined, string>;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface DecisionTables {
  order_decisions: OrderDecisionsTable;
}

export interface ButlerTicketsTable {
  id: string;
  number: string;
  user_id: string;
  service: 'icp_filing' | 'police_filing' | 'commercial_licence' | 'isp_licence';
  status: 'open' | 'responded' | 'confirmed' | 'submitted' | 'accepted' | 'closed';
  note: string;
  contact_mobile: string;
  isp_scope: 'nationwide' | 'provincial' | null;
  /** numeric: the driver returns it as a string. */
  isp_registered_capital_cny: ColumnType<string | number | null, number | null | undefined, number | null>;
  opened_at: Timestamp;
  first_response_due_at: Timestamp;
  responded_at: Timestamp | null;
  butler_id: string | null;
  confirmed_at: Timestamp | null;
  materials_due_at: Timestamp | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  clock_due_at: Timestamp | null;
  first_response_overdue_at: Timestamp | null;
  materials_overdue_at: Timestamp | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ButlerChecklistItemsTable {
  ticket_id: string;
  item_key: string;
  done: Generated<boolean>;
  ticked_by: string | null;
  ticked_role: string | null;
  ticked_at: Timestamp | null;
}

export interface ButlerInvoiceRequestsTable {
  id: string;
  ticket_id: string;
  requested_by: string;
  entity_name: string;
  tax_number: string;
  /** 开票主体: the provider's entity billing invoices the service under (provider facts), null on older requests. */
  invoicing_entity: string | null;
  email: string;
  requested_at: Timestamp;
}

export interface ButlerTables {
  butler_tickets: ButlerTicketsTable;
  butler_checklist_items: ButlerChecklistItemsTable;
  butler_invoice_requests: ButlerInvoiceRequestsTable;
}

export interface PoliceFilingsTable {
  service_number: string;
  subject_number: string;
  /** `date` columns come back as YYYY-MM-DD strings (src/core/db/database.ts). */
  launched_on: string;
  due_on: string;
  police_number: string | null;
  recorded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AftercareTables {
  police_filings: PoliceFilingsTable;
}

export interface RegulatorSubmissionsTable {
  id: string;
  order_id: string;
  order_version: number;
  kind: string;
  adapter: string;
  status: 'sending' | 'accepted' | 'refused' | 'decided';
  regulator_ref: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface RegulatorEventsTable {
  id: Generated<number>;
  adapter: string;
  event_id: string;
  submission_id: string | null;
  type: string;
  outcome: string;
  received_at: Timestamp;
}

export interface RegulatorCursorsTable {
  adapter: string;
  cursor: string | null;
  leased_by: string | null;
  /** The polling process's lease, on the database's clock (`now()`). */
  leased_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface SimSubmissionsTable {
  id: string;
  regulator_ref: string;
  order_id: string;
  order_number: string;
  kind: string;
  province: string;
  subject_key: string | null;
  /** Encrypted JSON. */
  payload: string;
  status: 'received' | 'sms_check' | 'review' | 'approved' | 'rejected';
  created_at: Timestamp;
  decided_at: Timestamp | null;
}

export interface SimEventsTable {
  id: Generated<number>;
  event_id: string;
  submission_id: string;
  body: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface SimAccessChangesTable {
  id: string;
  regulator_ref: string;
  body: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

/** The regulator port (regulator_*) and the simulator behind it (sim_*; sim_national_records is with the filing tables). */
export interface RegulatorTables {
  regulator_submissions: RegulatorSubmissionsTable;
  regulator_events: RegulatorEventsTable;
  regulator_cursors: RegulatorCursorsTable;
  sim_submissions: SimSubmissionsTable;
  sim_events: SimEventsTable;
  sim_access_changes: SimAccessChangesTable;
}

// ---- enforcement change feed and machine tokens (declaration merging keeps this block apart from the list above)

export interface EnforcementChangesTable {
  seq: Generated<number>;
  domain: string;
  allowed: boolean;
  changed_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  scopes: ColumnType<string[], string[], string[]>;
  token_hash: string;
  token_hint: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface DB {
  enforcement_changes: EnforcementChangesTable;
  api_tokens: ApiTokensTable;
}

/** Compliance findings (issue 8, DESIGN §5.9). */
export interface ComplianceFindingsTable {
  id: string;
  sweep_kind: 'dns' | 'footer' | 'registrar' | 'manual';
  code: string;
  subject_number: string;
  service_number: string | null;
  domain: string | null;
  status: 'open' | 'closed' | 'waived' | 'revoked';
  evidence: Json<Record<string, unknown>>;
  sweep_id: string | null;
  detected_at: Timestamp;
  last_seen_at: Timestamp;
  deadline: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DB {
  compliance_findings: ComplianceFindingsTable;
}

/** Revocations of access and in-app notices (issue 8, compliance-core). */
export interface AccessRevocationsTable {
  id: string;
  subject_number: string;
  service_numbers: ColumnType<string[], string[], string[]>;
  domains: ColumnType<string[], string[], string[]>;
  reason: string;
  source: 'staff' | 'finding' | 'violation';
  finding_id: string | null;
  incident_id: string | null;
  actor_user_id: string | null;
  revoked_at: Timestamp;
  regulator_status: 'pending' | 'sent' | 'refused';
  regulator_ref: string | null;
  regulator_attempts: Generated<number>;
  regulator_error: string | null;
  regulator_sent_at: Timestamp | null;
}

export interface InAppNoticesTable {
  id: Generated<number>;
  user_id: string;
  topic: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface DB {
  access_revocations: AccessRevocationsTable;
  in_app_notices: InAppNoticesTable;
}

/** Content-violation incidents and the suspensions they cause (issue 8, SPEC §8). */
export interface ViolationIncidentsTable {
  id: string;
  seq: Generated<number>;
  subject_number: string;
  service_number: string;
  kind: 'violation' | 'owner_unreachable' | 'false_contact' | 'refused_deletion';
  note: string;
  occurred_at: Timestamp;
  recorded_by: string | null;
  action: 'record_only' | 'suspend' | 'close';
  rule_id: string;
  suspended_until: Timestamp | null;
  idempotency_key: string | null;
}

export interface ServiceSuspensionsTable {
  id: string;
  service_number: string;
  incident_id: string;
  starts_at: Timestamp;
  until: Timestamp;
  lifted_at: Timestamp | null;
}

export interface DB {
  violation_incidents: ViolationIncidentsTable;
  service_suspensions: ServiceSuspensionsTable;
}

/** 认领 of an imported subject by an SMS code to its filed mobile (issue 10, src/filing/claims). */
export interface SubjectClaimsTable {
  id: string;
  subject_number: string;
  user_id: string;
  mobile: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DB {
  subject_claims: SubjectClaimsTable;
}

/** Compliance sweep runs (issue 8, sweeps): progress of one run of a sweep kind. */
export interface ComplianceSweepsTable {
  id: string;
  kind: 'dns' | 'footer' | 'registrar';
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: Generated<number>;
  failed: Generated<number>;
  findings: Generated<number>;
  closed: Generated<number>;
  cursor: Json<{ domain: string; service: string }> | null;
  started_by: string | null;
  error: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface DB {
  compliance_sweeps: ComplianceSweepsTable;
}

/** Registrar data imported from files (issue 8): one row per registered domain, the holder encrypted. */
export interface RegistrarFeedRecordsTable {
  domain: string;
  holder_enc: string;
  real_name_verified: boolean;
  /** YYYY-MM-DD; the registration runs to the end of that day, Beijing time. */
  expires_on: string;
  source_file: string;
  source_line: number;
  imported_at: Timestamp;
}

export interface DB {
  registrar_feed_records: RegistrarFeedRecordsTable;
}

/** One row per outbox event × subscriber (issue 10: side effects exactly once). */
export interface OutboxDeliveriesTable {
  event_id: number;
  subscriber: string;
  seq: number;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  done_at: Timestamp | null;
}

export interface DB {
  outbox_deliveries: OutboxDeliveriesTable;
}

/** Demo and test mode: the virtual clock's offset from real time, shared by every process (src/core/shared-clock.ts). */
export interface DevClockTable {
  id: Generated<boolean>;
  offset_ms: number;
  updated_at: Timestamp;
}

export interface DB {
  dev_clock: DevClockTable;
}
