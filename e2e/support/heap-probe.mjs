// Preloaded into the playground process by the load test (`node --expose-gc --import`): on the
// IPC message 'heap' it answers with `heapUsed` after full collections, so the test measures the
// server's own heap without any code of the server knowing about it.
process.on('message', (message) => {
  if (message !== 'heap' || typeof globalThis.gc !== 'function') return;
  globalThis.gc();
  // A second collection after a turn of the event loop frees what finalizers released.
  setImmediate(() => {
    globalThis.gc();
    process.send?.({ heapUsed: process.memoryUsage().heapUsed });
  });
});
