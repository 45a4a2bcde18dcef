import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressTextAssets } from '../build/compress-assets.ts';
import { playgroundServer } from '../vite-plugin.ts';
import { createStaticHandler } from './static-files.ts';

// The build's compressed copies and how both hosts of the built files (the standalone server and
// `vite preview`) choose among them, on a temporary build folder removed afterwards.

const script = `export const greeting = ${JSON.stringify('héllo, wörld '.repeat(400))};\n`;
const style = 'p{margin:0}';
const html = `<!doctype html><title>t</title><style>${style}</style><p>${'prerendered '.repeat(300)}</p>\n`;
// The CSP source of the inline style, by Node's own crypto (not the code under test).
const styleHash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
// A prerendered view (server/web/prerendered-views.ts), with a stylesheet of its own.
const viewStyle = 'p{margin:1px}';
const viewHtml = `<!doctype html><title>v</title><style>${viewStyle}</style><p>guided embed</p>\n`;
const viewStyleHash = `'sha256-${createHash('sha256').update(viewStyle).digest('base64')}'`;
const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);

let dist: string;
let server: Server;
let vitePreview: PreviewServer;
const origins: Record<string, string> = {};

function get(
  url: string,
  acceptEncoding?: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'playground-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'assets', 'app-abc123.js'), script);
  await writeFile(path.join(dist, 'index.html'), html);
  await writeFile(path.join(dist, 'view-embed-guided.html'), viewHtml);
  await writeFile(path.join(dist, 'logo.png'), image);
  await compressTextAssets(dist);

  server = createServer((req, res) => void createStaticHandler(dist)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origins['npm start'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  vitePreview = await preview({
    configFile: false,
    plugins: [playgroundServer()],
    root: dist,
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  const address = vitePreview.httpServer.address() as AddressInfo;
  origins['vite preview'] = `http://127.0.0.1:${address.port}`;
}, 30_000);

afterAll(async () => {
  await vitePreview?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dist, { recursive: true, force: true });
});

describe('compressTextAssets', () => {
  it('writes a brotli and a gzip copy of text files only, each decoding to the original', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const original = await readFile(path.join(dist, 'assets', 'app-abc123.js'));
    const br = await readFile(path.join(dist, 'assets', 'app-abc123.js.br'));
    const gz = await readFile(path.join(dist, 'assets', 'app-abc123.js.gz'));
    expect(brotliDecompressSync(br).equals(original)).toBe(true);
    expect(gunzipSync(gz).equals(original)).toBe(true);
    expect(br.length).toBeLessThan(original.length / 4);
    expect((await readdir(dist)).filter((name) => name.startsWith('logo'))).toEqual(['logo.png']);
  });
});

describe.each(['npm start', 'vite preview'])('%s serves the built files', (host) => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.1, gzip', 'gzip'],
    ['identity', undefined],
  ])('Accept-Encoding %j gets %s, decoding to the original', async (accept, expected) => {
    const url = `${origins[host]}/assets/app-abc123.js`;
    const { headers, body } = await get(url, accept);
    expect(headers['content-encoding']).toBe(expected);
    expect(headers.vary).toBe('Accept-Encoding');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const decoded =
      expected === 'br'
        ? brotliDecompressSync(body)
        : expected === 'gzip'
          ? gunzipSync(body)
          : body;
    expect(decoded.toString('utf8')).toBe(script);
  });

  it('sends index.html compressed, revalidated, with the security headers', async () => {
    const { headers, body } = await get(`${origins[host]}/`, 'br');
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain(`style-src 'self' ${styleHash};`);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(html);
  });

  it('sends an image as it is', async () => {
    const { headers, body } = await get(`${origins[host]}/logo.png`, 'br, gzip');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.equals(image)).toBe(true);
  });
});

describe('a compressed copy older than its original', () => {
  it('is not sent: the original goes out instead', async () => {
    const file = path.join(dist, 'assets', 'stale-1.js');
    await writeFile(file, 'export const fresh = 1;\n');
    await compressTextAssets(dist);
    const past = new Date(Date.now() - 60_000);
    await utimes(`${file}.br`, past, past);
    await utimes(`${file}.gz`, past, past);
    const { headers, body } = await get(`${origins['npm start']}/assets/stale-1.js`, 'br, gzip');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe('export const fresh = 1;\n');
  });
});

describe('npm start at / with a query', () => {
  it("sends the view prerendered for exactly its query string, with that page's CSP", async () => {
    const { headers, body } = await get(`${origins['npm start']}/?embed=1&guided=1`);
    expect(body.toString('utf8')).toBe(viewHtml);
    expect(headers['content-security-policy']).toContain(viewStyleHash);
  });

  it('sends index.html for any other query (and for a view the build did not write)', async () => {
    for (const query of ['?embed=1&guided=1&clientId=a', '?guided=1&embed=1', '?embed=1']) {
      const { body } = await get(`${origins['npm start']}/${query}`);
      expect(body.toString('utf8')).toBe(html);
    }
  });
});
