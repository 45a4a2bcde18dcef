import { z } from 'zod';

// The first time it parses an object, zod 4 checks whether it may compile parsers with
// `new Function`. The page's Content-Security-Policy allows no eval, so Chromium refuses the
// check and reports a CSP issue on every page that parses an answer (Lighthouse best practices).
// Its interpreter is plenty for token answers and metadata documents.
z.config({ jitless: true });

export { z };
