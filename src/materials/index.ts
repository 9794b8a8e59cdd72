export { uploadMaterial, type UploadMaterialInput } from './commands/upload-material.ts';
export { listMaterials, asDraftMaterials, type MaterialView } from './queries/list-materials.ts';
export { storeFile, readStoredFile } from './storage/index.ts';
export { inspectImage } from './inspect/index.ts';
export { purgeOrphanFiles } from './orphan-files.ts';
