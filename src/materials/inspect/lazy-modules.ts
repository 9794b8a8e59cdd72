import type { Sharp, SharpOptions } from 'sharp';

// sharp and file-type are loaded with the first upload, not at start-up: together they cost about 150 ms of CPU,
// a twentieth of the embedded start's budget (issue 13), for a feature no one uses in the first seconds.

type SharpFactory = (input?: Buffer, options?: SharpOptions) => Sharp;
let sharpModule: Promise<SharpFactory> | undefined;
export const loadSharp = (): Promise<SharpFactory> => (sharpModule ??= import('sharp').then((module) => module.default as SharpFactory));

let fileTypeModule: Promise<typeof import('file-type')> | undefined;
export const loadFileType = (): Promise<typeof import('file-type')> => (fileTypeModule ??= import('file-type'));
