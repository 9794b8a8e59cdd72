// Public API of material image inspection. Other contexts import only this file.
export {
  inspectImage,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PIXELS,
  DEFAULT_MIN_BYTES,
  type ImageInspection,
  type ImageMime,
  type InspectImageOptions,
} from './inspect-image.ts';
export {
  MATERIAL_FINDING_CODES,
  type BilingualText,
  type FindingSeverity,
  type MaterialFinding,
  type MaterialFindingCode,
} from './findings.ts';
export type { ImageFormat } from './layout.ts';
export { measureChroma, judgeColour, type ChromaStats } from './colour.ts';
