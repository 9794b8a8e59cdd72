-- Registrar data sent as files (`openbeian registrar-feed import FILE`), read by the registrar sweep before RDAP.
-- One row per registered domain: a later import of the same domain replaces it. The holder may be a person's name,
-- so it is kept encrypted like other personal data (FieldCipher).
CREATE TABLE registrar_feed_records (
  domain             text PRIMARY KEY,
  holder_enc         text NOT NULL,
  real_name_verified boolean NOT NULL,
  expires_on         date NOT NULL,
  source_file        text NOT NULL,
  source_line        integer NOT NULL,
  imported_at        timestamptz NOT NULL
);
