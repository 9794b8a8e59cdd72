// Public API of face verification. Other contexts import only this file.
export {
  createDemoFaceVerifier,
  createHttpFaceVerifier,
  DEMO_MIN_EDGE,
  type FaceOutcome,
  type FacePerson,
  type FaceVerificationInput,
  type FaceVerificationResult,
  type FaceVerifier,
  type HttpFaceVerifierOptions,
} from './face-verifier.ts';
