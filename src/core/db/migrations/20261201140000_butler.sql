-- The butler service (资质管家) and ISP licence consulting (SPEC §11, DESIGN §5.11): tickets with their service-level
-- clocks, the ISP requirements checklist per ticket, and invoice requests.

CREATE TABLE butler_tickets (
  id                     uuid PRIMARY KEY,
  number                 text NOT NULL UNIQUE,                  -- for people: GJ20261123-482913
  user_id                uuid NOT NULL REFERENCES users (id),   -- the applicant who opened it
  service                text NOT NULL CHECK (service IN ('icp_filing', 'police_filing', 'commercial_licence', 'isp_licence')),
  status                 text NOT NULL CHECK (status IN ('open', 'responded', 'confirmed', 'submitted', 'accepted', 'closed')),
  note                   text NOT NULL,
  contact_mobile         text NOT NULL,                         -- encrypted (FieldCipher)
  isp_scope              text CHECK (isp_scope IN ('nationwide', 'provincial')),
  isp_registered_capital_cny numeric(16, 2) CHECK (isp_registered_capital_cny >= 0),
  opened_at              timestamptz NOT NULL,
  first_response_due_at  timestamptz NOT NULL,
  responded_at           timestamptz,
  butler_id              uuid REFERENCES users (id),            -- the butler who answered it
  confirmed_at           timestamptz,                           -- from here on the service is not refundable
  materials_due_at       timestamptz,
  submitted_at           timestamptz,
  accepted_at            timestamptz,
  closed_at              timestamptz,
  close_reason           text,
  -- The due time of the clock running now (first response while open, materials while confirmed), else null: the
  -- butler's queue sorts on it, so what ran out comes first.
  clock_due_at           timestamptz,
  -- When a running-out clock was reported to the butlers (once per clock).
  first_response_overdue_at timestamptz,
  materials_overdue_at   timestamptz,
  version                integer NOT NULL DEFAULT 1,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX butler_tickets_user_idx ON butler_tickets (user_id, opened_at DESC);
CREATE INDEX butler_tickets_queue_idx ON butler_tickets (clock_due_at, opened_at DESC);

CREATE TABLE butler_checklist_items (
  ticket_id   uuid NOT NULL REFERENCES butler_tickets (id),
  item_key    text NOT NULL,                                    -- IspChecklistKey (src/rules/isp-licence.ts)
  done        boolean NOT NULL DEFAULT false,
  ticked_by   uuid REFERENCES users (id),
  ticked_role text,
  ticked_at   timestamptz,
  PRIMARY KEY (ticket_id, item_key)
);

CREATE TABLE butler_invoice_requests (
  id           uuid PRIMARY KEY,
  ticket_id    uuid NOT NULL REFERENCES butler_tickets (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  entity_name  text NOT NULL,                                   -- the invoicing entity (发票抬头)
  tax_number   text NOT NULL,                                   -- 纳税人识别号
  email        text NOT NULL,                                   -- encrypted: where the electronic invoice goes
  requested_at timestamptz NOT NULL
);
CREATE INDEX butler_invoice_requests_ticket_idx ON butler_invoice_requests (ticket_id, requested_at);
