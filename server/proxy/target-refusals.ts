import { addressKindLabel, type AddressKind } from './ip-address.ts';
import type { TargetDecision } from './proxy-core.ts';

/**
 * The target refusals every host words the same way (the Node host's DNS-pinning guard and the
 * static policy of fetch runtimes), so a page, a log reader or a test sees one message per rule
 * whichever host answered.
 */
export function plainHttpRefusal(url: URL): TargetDecision {
  return {
    allowed: false,
    reason: `Plain http is refused for ${url.host}: use https, or allow the host with PROXY_ALLOWED_HOSTS=${url.host}.`,
  };
}

/** An IP literal outside public space (`hostname` as the URL holds it, brackets and all). */
export function nonPublicAddressRefusal(hostname: string, kind: AddressKind): TargetDecision {
  const address =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return {
    allowed: false,
    reason: `${address} is a ${addressKindLabel[kind]} address; the proxy only calls public hosts unless PROXY_ALLOWED_HOSTS allows it.`,
  };
}
