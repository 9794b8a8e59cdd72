-- The simulated national registry also knows orders in progress at other providers ('pending'), so the simulator
-- can refuse a certificate that already has an order in flight elsewhere (CERTIFICATE_HAS_ORDER_IN_PROGRESS).
ALTER TABLE sim_national_records DROP CONSTRAINT sim_national_records_status_check;
ALTER TABLE sim_national_records ADD CONSTRAINT sim_national_records_status_check CHECK (status IN ('active', 'cancelled', 'pending'));
