// Runs s3rver in its own process for the tests: `node --openssl-legacy-provider s3rver-process.mjs DIRECTORY BUCKET`.
// Its own process because s3rver 3.7.1 makes ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3
// only has behind that flag. Prints {"port": N} once listening; stops when its standard input closes.
import { Buffer } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import process from 'node:process';
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });

// S3 replaces an object whole: concurrent PUTs of one key leave one of them, never a mix. s3rver writes the object
// file in place, so two PUTs at once interleave; here each is written beside and renamed over, as S3 behaves.
const store = server.store;
store.putObject = async (object) => {
  const chunks = [];
  if (Buffer.isBuffer(object.content)) chunks.push(object.content);
  else for await (const chunk of object.content) chunks.push(chunk);
  const content = Buffer.concat(chunks);
  const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(dirname(objectPath), { recursive: true });
  const temporary = `${objectPath}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, objectPath);
  const md5 = createHash('md5').update(content).digest('hex');
  await store.putMetadata(object.bucket, object.key, object.metadata, md5);
  return { size: content.length, md5 };
};

const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});
