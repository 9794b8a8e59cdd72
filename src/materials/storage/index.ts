import type { Config } from '../../core/config.ts';
import { createLocalDiskStore } from './local-disk.ts';
import type { FileStore } from './port.ts';
import { createS3Store } from './s3.ts';

export type { FileStore, StoredFileEntry } from './port.ts';
export { createLocalDiskStore } from './local-disk.ts';
export { createS3Store, type S3StoreSettings } from './s3.ts';
export { storeFile, readStoredFile, resealStoredFile } from './sealed-files.ts';

/** The store `OPENBEIAN_STORAGE` names, built once at boot (createContext). */
export function createFileStore(config: Config): FileStore {
  const storage = config.storage;
  switch (storage.adapter) {
    case 'local':
      return createLocalDiskStore(config.dataDir);
    case 's3':
      return createS3Store(storage);
  }
}
