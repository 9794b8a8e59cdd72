// Public API of mobile hand-off links. Other contexts import only this file.
export {
  signHandoffToken,
  verifyHandoffToken,
  type HandoffFailure,
  type HandoffPayload,
  type HandoffVerification,
} from './handoff-token.ts';
export { handoffQr } from './handoff-qr.ts';
