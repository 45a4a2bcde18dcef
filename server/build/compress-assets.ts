import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ENCODING_SUFFIX, isCompressible } from '../static/asset-policy.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Writes `name.br` and `name.gz` beside every text file under `dir`, at the highest levels
 * (brotli 11, gzip 9): done once per build, so servers send them without compressing per request.
 * Returns the files compressed.
 */
export async function compressTextAssets(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter((file) => isCompressible(file));
  await Promise.all(
    files.map(async (file) => {
      const original = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(original, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
          },
        }),
        gzipAsync(original, { level: 9 }),
      ]);
      await writeFile(file + ENCODING_SUFFIX.br, br);
      await writeFile(file + ENCODING_SUFFIX.gzip, gz);
    }),
  );
  return files;
}
