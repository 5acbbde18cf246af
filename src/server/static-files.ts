import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json'
};

/**
 * The built app's file for a URL path, never outside `root`; a page route without a file gets
 * the SPA fallback (`index.html`), as the static adapter is configured.
 */
export function staticFile(root: string, urlPath: string): { body: Buffer; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return {
        body: readFileSync(candidate),
        type: TYPES[extname(candidate)] ?? 'application/octet-stream'
      };
    }
  }
  if (extname(path) !== '') return null;
  return { body: readFileSync(join(root, 'index.html')), type: TYPES['.html']! };
}
