// Face verification of a responsible person against their own identity document [SPEC §5.3, 002 §1.3.2].
//
// Two implementations behind one interface:
//  - demo: no vendor; passes any photo that decodes as an image of at least 64×64 pixels. For demo and test
//    mode only; it proves nothing about the face.
//  - http: a real liveness/face-comparison vendor reached over HTTPS.
//
// Vendor contract (the HTTP verifier speaks exactly this; put an adapter service in front of a vendor with
// another shape):
//   POST <url>
//   Authorization: Bearer <apiKey>
//   Content-Type: application/json
//   { "name": "张三", "idType": "resident_id", "idNumber": "…", "photo": "<base64 of the image bytes>" }
//   → 2xx { "match": boolean, "score": number (vendor's similarity, 0..1 or 0..100 as the vendor defines),
//           "requestId": string (vendor's reference, kept for audit and disputes) }
//   match=true → 'passed'; match=false → 'failed'. Any non-2xx status, a body not of that shape, a network
//   failure or no answer within timeoutMs → 'error' (the applicant may retry; nothing is decided).
//
// verify() never throws: an exception here would surface as a 500 in the middle of an applicant's filing.
// `reason` is a short stable code for logs and the UI to translate; it never contains personal data or the key.
import { loadSharp } from '../inspect/lazy-modules.ts';
import { z } from 'zod';

export interface FacePerson {
  name: string;
  idType: string;
  idNumber: string;
}

export interface FaceVerificationInput {
  person: FacePerson;
  photo: Buffer;
}

export type FaceOutcome = 'passed' | 'failed' | 'error';

/**
 * reason codes: 'no_match' (vendor says another face), 'not_an_image', 'too_small' (demo),
 * 'timeout', 'network', 'http_<status>', 'bad_response'.
 */
export interface FaceVerificationResult {
  outcome: FaceOutcome;
  score?: number;
  vendorRef?: string;
  reason?: string;
}

export interface FaceVerifier {
  verify(input: FaceVerificationInput): Promise<FaceVerificationResult>;
}

/** Smallest edge the demo verifier accepts: below this no real vendor could find a face either. */
export const DEMO_MIN_EDGE = 64;
/** Photos are phone selfies; anything above this is not one and is not worth decoding. */
const DEMO_MAX_PIXELS = 40_000_000;

export function createDemoFaceVerifier(): FaceVerifier {
  return {
    async verify({ photo }) {
      try {
        const sharp = await loadSharp();
        const image = sharp(photo, { limitInputPixels: DEMO_MAX_PIXELS, failOn: 'error' });
        // Decoding a thumbnail (not just reading the header) proves the pixel data is really there.
        const { info } = await image
          .clone()
          .resize(8, 8, { fit: 'inside' })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const { width, height } = await image.metadata();
        if (info.width === 0 || !width || !height) return { outcome: 'failed', reason: 'not_an_image' };
        if (width < DEMO_MIN_EDGE || height < DEMO_MIN_EDGE)
          return { outcome: 'failed', score: 0, reason: 'too_small' };
        return { outcome: 'passed', score: 1, vendorRef: 'demo' };
      } catch {
        return { outcome: 'failed', reason: 'not_an_image' };
      }
    },
  };
}

export interface HttpFaceVerifierOptions {
  url: string;
  apiKey: string;
  timeoutMs: number;
}

const vendorAnswer = z.object({
  match: z.boolean(),
  score: z.number(),
  requestId: z.string().min(1),
});

export function createHttpFaceVerifier(options: HttpFaceVerifierOptions): FaceVerifier {
  const { url, apiKey, timeoutMs } = options;
  // Misconfiguration is a boot-time bug, so it throws here rather than turning every verification into 'error'.
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new TypeError('face verifier url must be http(s)');
  if (!apiKey) throw new TypeError('face verifier apiKey is required');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('face verifier timeoutMs must be positive');
  return {
    async verify({ person, photo }) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${apiKey}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({
            name: person.name,
            idType: person.idType,
            idNumber: person.idNumber,
            photo: photo.toString('base64'),
          }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error', // never resend the photo and the key to wherever a redirect points
        });
      } catch (error) {
        return { outcome: 'error', reason: isTimeout(error) ? 'timeout' : 'network' };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { outcome: 'error', reason: `http_${response.status}` };
      }
      let body: unknown;
      try {
        body = await response.json(); // the timeout signal also covers a body that trickles in too slowly
      } catch (error) {
        return { outcome: 'error', reason: isTimeout(error) ? 'timeout' : 'bad_response' };
      }
      const parsed = vendorAnswer.safeParse(body);
      if (!parsed.success) return { outcome: 'error', reason: 'bad_response' };
      const { match, score, requestId } = parsed.data;
      return match
        ? { outcome: 'passed', score, vendorRef: requestId }
        : { outcome: 'failed', score, vendorRef: requestId, reason: 'no_match' };
    },
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
