-- Demo and test mode only: how far the virtual clock has been moved ahead of the real one, so that several
-- `openbeian serve` processes on one PostgreSQL agree on the time (src/core/shared-clock.ts). One row at most;
-- production never writes it.
CREATE TABLE dev_clock (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  offset_ms  bigint NOT NULL CHECK (offset_ms >= 0),
  updated_at timestamptz NOT NULL
);
