import { describe, expect, it } from 'vitest';
import { createInProcessClient } from './in-process-request.ts';

describe('createInProcessClient', () => {
  it('hands the listener the method, path, headers and body, and returns its status and body', async () => {
    const call = createInProcessClient(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.statusCode = 201;
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          type: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    const answer = await call({
      method: 'POST',
      path: '/demo/token/introspection',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=a%20b&é=1',
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({
      method: 'POST',
      url: '/demo/token/introspection',
      type: 'application/x-www-form-urlencoded',
      body: 'token=a%20b&é=1',
    });
    // A second call on the same client gets its own connection.
    expect((await call({ method: 'GET', path: '/x', headers: {}, body: '' })).status).toBe(201);
  });

  it('gives up on a listener that never answers', async () => {
    const call = createInProcessClient(async () => {}, 50);
    await expect(call({ method: 'GET', path: '/', headers: {}, body: '' })).rejects.toThrow(
      'no answer within 50 ms',
    );
  });
});
