// Runs s3rver in its own process for the tests: `node --openssl-legacy-provider s3rver-process.mjs DIRECTORY BUCKET`.
// Its own process because s3rver 3.7.1 makes ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3
// only has behind that flag. Prints {"port": N} once listening; stops when its standard input closes.
import process from 'node:process';
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});
