// Test fixture: production settings that pass every start-up check, for tests that need a production config.
/** A key as `openssl rand -hex 32` gives one (fixed here so the test reads the same every run). */
export const SAFE_PRODUCTION_KEY = '3f9c2a71d84e05b6c1f7e2a9043d8b5e6a1c7f30b9d2e48a5f06c3b7e1d9a248';

/** The look-up-hash key, as random as the encryption key and different from it. */
export const SAFE_PRODUCTION_LOOKUP_KEY = 'b84d17e0c59a236f0e8b4c71d3a925f6c0e7b1482d9f3a65e1c08b7d4f29a3c6';

/** Production with every setting safe: each config test breaks one or more. */
export const SAFE_PRODUCTION_ENV = {
  OPENBEIAN_MODE: 'production',
  OPENBEIAN_ENCRYPTION_KEY: SAFE_PRODUCTION_KEY,
  DATABASE_URL: 'postgres://openbeian@db.internal:5432/openbeian',
  OPENBEIAN_REGULATOR: 'http',
  OPENBEIAN_REGULATOR_URL: 'https://regulator-gateway.internal',
  OPENBEIAN_REGULATOR_KEY: 'gateway-key',
  OPENBEIAN_FACE_VERIFIER: 'http',
  OPENBEIAN_FACE_URL: 'https://face.vendor.example/verify',
  OPENBEIAN_FACE_KEY: 'face-key',
  OPENBEIAN_SMS: 'http',
  OPENBEIAN_SMS_URL: 'https://sms.vendor.example/send',
  OPENBEIAN_MAIL: 'smtp',
  OPENBEIAN_SMTP_URL: 'smtps://mailer.example:465',
  OPENBEIAN_PUBLIC_URL: 'https://beian.provider.example',
  OPENBEIAN_LOOKUP_KEY: SAFE_PRODUCTION_LOOKUP_KEY,
};

