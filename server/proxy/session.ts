// The session body is part of the wire protocol (src/core/proxy-protocol.ts), defined once for the
// page and the proxy; the proxy's modules and its hosts take it from here.
export type {
  DemoClient,
  DemoServerInfo,
  SessionBody,
} from '../../src/core/proxy/proxy-protocol.ts';
