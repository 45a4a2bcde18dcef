import type { DpopFindingCode, DpopPasteContext } from '../../header-diagnosis/dpop-headers.ts';
import type { HeaderFindingSeverity } from '../../header-diagnosis/findings.ts';

/**
 * One DPoP call a person pastes into Check a header (its `Authorization: DPoP` line, its `DPoP:`
 * proof, a request line), and the truth about it, written out by hand: the verdict, the finding the
 * page names first, and the true cause in words.
 */
export interface DpopHeaderPasteScenario {
  readonly name: string;
  readonly pasted: string;
  /**
   * What the page computes with Web Crypto before the check: the token's SHA-256 (`ath`) and the
   * proof key's RFC 7638 thumbprint. Here made with other tools (Node's crypto, jose).
   */
  readonly context: DpopPasteContext;
  readonly verdict: HeaderFindingSeverity;
  readonly firstCause: DpopFindingCode;
  readonly trueCause: string;
}

// Made once with jose 6 (Node) for a fixed clock: an RS256 access token bound (cnf.jkt) to an
// ES256 key, proofs signed by that key or another, and hashes from Node's crypto. No value below
// comes from the code it checks.
const NOW = 1780000000;
/** RFC 7638 thumbprint of the key the token is bound to, and of another key. */
const JKT = 'hIJCkjaNDt9V6kJUZzhI4zXmzGryEd5yCaHIz6339OE';
const OTHER_JKT = 'l0ygKdi4mvkkK7jKobew4lsF9HttBfMf3qugBjGekj8';
/** base64url(SHA-256) of TOKEN_JWT and of UNBOUND_JWT. */
const TOKEN_HASH = '1_AlZHEbQN55AzRG1fY8WMteOQyiCcm5dlanThKdSzs';
const UNBOUND_HASH = 'Do13i-UkN-a-in5BlzU2YgMQOr7x0T2GDaNHODNixhY';
const TOKEN_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImRlbW8ifQ.eyJzY29wZSI6InJlcG9ydHM6cmVhZCIsImNuZiI6eyJqa3QiOiJoSUpDa2phTkR0OVY2a0pVWnpoSTR6WG16R3J5RWQ1eUNhSEl6NjMzOU9FIn0sImNsaWVudF9pZCI6ImRlbW8tZHBvcCIsImlzcyI6Imh0dHBzOi8vYXMuZXhhbXBsZS5jb20iLCJhdWQiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbSIsImlhdCI6MTc3OTk5OTk3MCwiZXhwIjoxNzgwMDAzNTcwLCJqdGkiOiJ0b2sxIn0.GYGfwMgtPqcP4oU0Pazy9Sy2LhaRwAWcZELZu56iynXdGeJ7uuQdDsuRdnYFARFbXM5LdpPIYirLFrjHuwLndU4cuhlM6NLYIgF4-zh3Ibpe2yhJ26jlhpfC8n7f9sw_t0LV-WFfwVcBR3Dv3NTL4alTMHju2kksIMZ8ftr-QEFm644qPdoTYmJFiUK-alN5NWoXzxc3ksk3Y2AWumZqwExP1AQEpfTt28M2aT0tHceVpY30ZcTIwLZtdEXNinIeG1hJizBweExCw9548D0oRa3vm-DtvreekzQ5k2QxRqwiAOC_whdQGPJR_qgkgK5caVLxHOTndnIMpwzdLdWucg';
const UNBOUND_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzY29wZSI6InJlcG9ydHM6cmVhZCIsImlhdCI6MTc4MDAwMDAwMH0.G1g9NNrBf_xZlhONgsSMNX9N3TAJZ2cGJo79cLCC59LU_XVf3Eziz_3gIayu7tXVykeaxxfjJz-rbiy4_nYX5ChGRrWi13qttPQEfv2HW0iuF_RiI9ano1Co9jZ6kNkgQcWulCDpKohEUQZC_ZrVu9V7xFQJdXujxJIf1gjqwxi-E2XKVSXCGZ5GNmEzvPQuk54P1dCRd3YRm-uA85551l_nzCwROySHFE1ze5A6jvRGgxCyFpqXjb_KfnZhImKD4LiRnQgrtSKn_vueuKdpHSABqAEF_T0VqNoOVBo_IvR92LRVBjRvGNPP8FaahrzSmxwPuipKtJSs2PEH8lBkJg';
const GOOD_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLWZwaDg2biIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTUsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.xG-9sVrxEy2n-FXgkjzcRG5ftwDRJxIDL7qHa6jz6xXTY5A9-U_4cJ0DH2w5FEaRHz3aOgG5y2gRZpCZCiCu4A';
const TOKEN_REQUEST_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLWxrd3Q1cyIsImh0bSI6IlBPU1QiLCJodHUiOiJodHRwczovL2FzLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNzc5OTk5OTk1LCJub25jZSI6ImV5SjdTX3pHLmV5SkgwLVouSFg0dy03diJ9.Ebl5UnTNq04-NyNl2gSLWdJzfOPIMVqH1OryBbbUKf6mwucnug1fDAsoqNBa0S4bE02xmDah6VlMYGvYtZWh-g';
const NO_ATH_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLWI5eThweSIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTV9.GMhhZTBIO06XQVeYfWw4qbYBavfBe12oQsdb9La085y5SYJZmKYKDeGRGDG1xwAC0wOWrqs7E8sUCtFP5AZrwg';
const OTHER_TOKEN_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLWV5MDZqbCIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTUsImF0aCI6Im5uaTh1VUNSdDFFSl9XZHpVa19JMXFUNHB0LXoydU9hbkNiRkFCaDV2UE0ifQ.FZGOOynbl3Y9nXczlt0Hu1_zQe0qTV7p7fUb_r_28nIZQacbP8vta5P3UFFdbYAOEInCCsjc-eXrZWKJwrCVkw';
const OTHER_KEY_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IlUzSFpwbzFSVS11UFU0X3Iydm9EWXJQOFJKZHoxOW0wY2EtbGZzUC1xdmciLCJ5IjoieHdLWG81WDQydmdxcDU1aE15ZkdUMUR1bmJjdzk5WWZwS0xKVG5DSUNuSSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLTNqeThubiIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTUsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.NXc9EMSCNQKr_a_Sj-her2D2RE688wbtQpjnUxZB3zaFGbdNfCTUAC-Lz84U7BV_843xQ_57Eyjrx9-YaSuXUg';
const PRIVATE_JWK_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2IiwiZCI6Ino1SWFURGNaMkRBeGNiYUtDS010ckszWFNhSzdFVi1teURwNFVuOUdBeW8ifX0.eyJqdGkiOiJwLTBzbXNjZyIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTUsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.8h8TnN96kCSwEoFTrksmAz6qx0Su19iU8qZq33uvfVqdaAP0vE89dHYhL0CSMbiSeqv5F6_UbbWksS53CHkwmw';
const WRONG_TYP_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImp3ayI6eyJrdHkiOiJFQyIsIngiOiI0aUhqa1ZlT3ZScThNSEMwOWNXVzdkVi1uWFJXUV9Sc1VvUTJmc3FOS3hBIiwieSI6ImJ1bW9iWHN2MHZYNzlNZE5ORi1HZjIwN0FlMklXNXVBYVhQQnRJY0VNU2ciLCJjcnYiOiJQLTI1NiJ9fQ.eyJqdGkiOiJwLTV3Znd6MiIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTk5OTUsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.3BsHxPQvkZtrGVFeq1JMhvYdZD2KV_NYitZ69Z43f9iOSyQjyko1TmzRXLP_Q8HBEcoiRIKfvqjMVBVjEWMTSw';
const OLD_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLW5hc2JzYiIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3Nzk5OTY0MDAsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.UAujCJThvc3f5HNoaBKvJKUavqFwf48XYlYDVjIbha3-nDRzhqiILY6iSGpI0SvVMjOXgE7eSGnqbr8lgJe6SA';
const FUTURE_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLTU0OW5vaiIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3ODAwMDA2MDAsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.rT7-xvoqwBWo2cky-M1yTN-A5iZi0mhfGUflWrleYPJGPzPK27_15JJ3yzNYgFlcFcaI956YHz-SMl3LgxN0bw';
const POST_HTM_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJwLTR0d2hxNSIsImh0bSI6IlBPU1QiLCJodHUiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS9yZXBvcnRzIiwiaWF0IjoxNzc5OTk5OTk1LCJhdGgiOiIxX0FsWkhFYlFONTVBelJHMWZZOFdNdGVPUXlpQ2NtNWRsYW5UaEtkU3pzIn0.lCp-Sv_7zTRiJuv5BLcTvHy9vlj74hQCT_uzbRa3WMOImPml_hQvTLsPIUGgDznWlJ_snUuk6O604ooBo2kCLQ';
const NO_JTI_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJodG0iOiJHRVQiLCJodHUiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS9yZXBvcnRzIiwiaWF0IjoxNzgwMDAwMDAwLCJhdGgiOiIxX0FsWkhFYlFONTVBelJHMWZZOFdNdGVPUXlpQ2NtNWRsYW5UaEtkU3pzIn0.V-ML3yBk0SdmVSlHPDn5eRKUN_CRQx8W1Wrv2z18hFNpJli-Tc26YmQ7SNFjomT4HZinZRS36YoUC7_UC_qT6Q';
const HS_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6ImRwb3Arand0IiwiandrIjp7Imt0eSI6IkVDIiwieCI6IjRpSGprVmVPdlJxOE1IQzA5Y1dXN2RWLW5YUldRX1JzVW9RMmZzcU5LeEEiLCJ5IjoiYnVtb2JYc3Ywdlg3OU1kTk5GLUdmMjA3QWUySVc1dUFhWFBCdEljRU1TZyIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJoMSIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3ODAwMDAwMDAsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.7VoKxn8_X0U4jP35xvqYA7g3kf7nfMmTkg7ilnyBqmY';
const NONE_JWT =
  'eyJhbGciOiJub25lIiwidHlwIjoiZHBvcCtqd3QiLCJqd2siOnsia3R5IjoiRUMiLCJ4IjoiNGlIamtWZU92UnE4TUhDMDljV1c3ZFYtblhSV1FfUnNVb1EyZnNxTkt4QSIsInkiOiJidW1vYlhzdjB2WDc5TWROTkYtR2YyMDdBZTJJVzV1QWFYUEJ0SWNFTVNnIiwiY3J2IjoiUC0yNTYifX0.eyJqdGkiOiJuMSIsImh0bSI6IkdFVCIsImh0dSI6Imh0dHBzOi8vYXBpLmV4YW1wbGUuY29tL3JlcG9ydHMiLCJpYXQiOjE3ODAwMDAwMDAsImF0aCI6IjFfQWxaSEViUU41NUF6UkcxZlk4V010ZU9ReWlDY201ZGxhblRoS2RTenMifQ.';

const AUTHORIZATION = `Authorization: DPoP ${TOKEN_JWT}`;
const REQUEST = 'GET https://api.example.com/reports HTTP/1.1';
const BOTH = { nowSeconds: NOW, tokenHash: TOKEN_HASH, proofThumbprint: JKT };
const call = (proof: string, request = REQUEST) => `${request}\n${AUTHORIZATION}\nDPoP: ${proof}`;

export const DPOP_HEADER_PASTE_SCENARIOS: readonly DpopHeaderPasteScenario[] = [
  {
    name: 'a right DPoP call to an API: request line, token and proof',
    pasted: call(GOOD_JWT),
    context: BOTH,
    verdict: 'fine',
    firstCause: 'dpop-scheme',
    trueCause:
      'nothing: the proof is for this token, this key, this method and URL, signed 5 s ago',
  },
  {
    name: 'the same lines as curl -H arguments, shell quotes and all',
    pasted: `-H '${AUTHORIZATION}'\n-H 'DPoP: ${GOOD_JWT}'`,
    context: BOTH,
    verdict: 'fine',
    firstCause: 'dpop-scheme',
    trueCause: 'nothing: the shell takes the quotes off',
  },
  {
    name: 'the request line with a query: htu leaves it out (RFC 9449 §4.2)',
    pasted: call(GOOD_JWT, 'GET https://api.example.com/reports?year=2026 HTTP/1.1'),
    context: BOTH,
    verdict: 'fine',
    firstCause: 'dpop-scheme',
    trueCause: 'nothing: the query is not part of htu',
  },
  {
    name: 'the Authorization line alone',
    pasted: AUTHORIZATION,
    context: { nowSeconds: NOW, tokenHash: TOKEN_HASH },
    verdict: 'note',
    firstCause: 'proof-not-pasted',
    trueCause: 'only half of the call was pasted: a DPoP proof header must go beside it',
  },
  {
    name: 'the proof of a token request alone, with the server nonce',
    pasted: `DPoP: ${TOKEN_REQUEST_JWT}`,
    context: { nowSeconds: NOW, proofThumbprint: JKT },
    verdict: 'fine',
    firstCause: 'proof-typ-ok',
    trueCause: 'nothing: a token request proof has no ath',
  },
  {
    name: 'a proof without ath sent with a token',
    pasted: call(NO_ATH_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'ath-missing',
    trueCause: 'the code signs the proof as for a token request, without the token hash',
  },
  {
    name: 'a proof signed for another token',
    pasted: call(OTHER_TOKEN_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'ath-differs',
    trueCause: 'the proof was made for an earlier token (the code caches proofs or hashes)',
  },
  {
    name: 'a proof signed with another key than the token is bound to',
    pasted: call(OTHER_KEY_JWT),
    context: { ...BOTH, proofThumbprint: OTHER_JKT },
    verdict: 'error',
    firstCause: 'key-differs',
    trueCause: 'the key pair was made again after the token was issued',
  },
  {
    name: 'a proof whose jwk carries the private key',
    pasted: call(PRIVATE_JWK_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'proof-jwk-private',
    trueCause: 'the code put the whole exported JWK (d included) in the header: the key leaked',
  },
  {
    name: 'a proof typed JWT',
    pasted: call(WRONG_TYP_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'proof-typ-wrong',
    trueCause: 'the JWT library set its default typ instead of dpop+jwt',
  },
  {
    name: 'a proof signed with a shared secret (HS256)',
    pasted: call(HS_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'proof-alg-symmetric',
    trueCause: 'the code signs with a client secret instead of the key pair',
  },
  {
    name: 'an unsigned proof (alg none)',
    pasted: call(NONE_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'proof-alg-none',
    trueCause: 'the proof was never signed',
  },
  {
    name: 'a proof without jti',
    pasted: call(NO_JTI_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'proof-claims-missing',
    trueCause: 'the code leaves out jti, which the server needs to refuse replays',
  },
  {
    name: 'a proof for POST on a GET request',
    pasted: call(POST_HTM_JWT),
    context: BOTH,
    verdict: 'error',
    firstCause: 'htm-differs',
    trueCause: 'the proof was copied from the token request code, which signs POST',
  },
  {
    name: 'a proof for /reports on a request to /reports/',
    pasted: call(GOOD_JWT, 'GET https://api.example.com/reports/ HTTP/1.1'),
    context: BOTH,
    verdict: 'error',
    firstCause: 'htu-differs',
    trueCause: 'a trailing slash makes another URI (RFC 3986 §6.2.3 does not remove it)',
  },
  {
    name: 'a request line without the host',
    pasted: call(GOOD_JWT, 'GET /reports HTTP/1.1'),
    context: BOTH,
    verdict: 'note',
    firstCause: 'request-target-relative',
    trueCause: 'the request line of an HTTP/1.1 log names the path only: htu cannot be checked',
  },
  {
    name: 'a path-only request line with its Host line, as an HTTP/1.1 log shows it',
    pasted: call(GOOD_JWT, 'GET /reports HTTP/1.1\nHost: API.example.com:443'),
    context: BOTH,
    verdict: 'fine',
    firstCause: 'dpop-scheme',
    trueCause: "nothing: Host and path make the proof's htu (https taken from the proof)",
  },
  {
    name: 'a path-only request line whose Host is another server than htu',
    pasted: call(GOOD_JWT, 'GET /reports HTTP/1.1\nHost: staging.example.com'),
    context: BOTH,
    verdict: 'error',
    firstCause: 'htu-differs',
    trueCause: 'the proof was signed for the production API and sent to staging',
  },
  {
    name: 'a proof signed an hour before the page looked at it',
    pasted: call(OLD_JWT),
    context: BOTH,
    verdict: 'note',
    firstCause: 'proof-iat-old',
    trueCause: 'unknown from the paste: a log copied later, or a proof reused past its window',
  },
  {
    name: 'a proof signed ten minutes ahead of the page clock',
    pasted: call(FUTURE_JWT),
    context: BOTH,
    verdict: 'warning',
    firstCause: 'proof-iat-future',
    trueCause: 'the clock of the machine that signs is ahead (or this one is behind)',
  },
  {
    name: 'a bound token sent as Bearer beside its proof',
    pasted: `Authorization: Bearer ${TOKEN_JWT}\nDPoP: ${GOOD_JWT}`,
    context: BOTH,
    verdict: 'error',
    firstCause: 'bearer-with-proof',
    trueCause: 'the API call kept the Bearer scheme from before DPoP was switched on',
  },
  {
    name: 'an unbound token sent with the DPoP scheme',
    pasted: `Authorization: DPoP ${UNBOUND_JWT}\nDPoP: ${NO_ATH_JWT}`,
    context: { nowSeconds: NOW, tokenHash: UNBOUND_HASH, proofThumbprint: JKT },
    verdict: 'error',
    firstCause: 'ath-missing',
    trueCause: 'the token request went without DPoP, so the token is a Bearer token',
  },
  {
    name: 'a token wrapped over two lines by a terminal',
    pasted: `Authorization: DPoP ${TOKEN_JWT.slice(0, 80)} ${TOKEN_JWT.slice(80)}\nDPoP: ${GOOD_JWT}`,
    context: { nowSeconds: NOW, proofThumbprint: JKT },
    verdict: 'error',
    firstCause: 'token-not-b64token',
    trueCause: 'a space inside the token splits it',
  },
];
