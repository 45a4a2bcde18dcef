/**
 * An RSA private key as a JWK (RFC 7518 §6.3.2), with every member a signer may use. A type alias,
 * not an interface, so it fits the session's `DemoPrivateJwk` (string members by name).
 */
export type DemoRsaPrivateJwk = {
  readonly kty: 'RSA';
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
};

/** The public half of an RSA JWK (RFC 7518 §6.3.1), which is what a server registers. */
export type DemoRsaPublicJwk = Pick<DemoRsaPrivateJwk, 'kty' | 'kid' | 'alg' | 'use' | 'n' | 'e'>;

/**
 * The private key of the demo server's `demo-private-key-jwt` client (RFC 7517 JWK, RSA 2048, RS256).
 *
 * PUBLIC ON PURPOSE, like the demo client secrets: it is printed in the README and sent to the page
 * in `/api/session`, so anyone can try private_key_jwt without making a key first. It is only
 * registered with the built-in demo server of a running playground (server/demo-as/clients.ts),
 * which issues tokens for nothing but its own made-up API. Never register its public half anywhere
 * else: a key everyone has proves nothing.
 *
 * Generated once with node:crypto; `kid` is the RFC 7638 thumbprint (SHA-256 over `e`, `kty`,
 * `n`), checked against jose in demo-private-key.test.ts.
 */
export const DEMO_PRIVATE_JWK: DemoRsaPrivateJwk = {
  kty: 'RSA',
  kid: 'VyCe-zpt22HQ01F5_y-RjdAMsMmOgMiA31prYpZ6ZF4',
  alg: 'RS256',
  use: 'sig',
  n: 'rhh2dwVsINzy0NTOiS50rprS4BPXzw51NMrtHDAmZFusBkXZlHvVBqp5zecloJXkYbIuL1uNcWdTaYav80XL7U9CJcyGek743Vwf70JGMxNlJjh_Yr7XiJP3p4FgedwMYm2gPbi494lsnpdLjb6-aMGcWVvvqgy59nE29fifmaRCC014my9N-Sr1BrBC2wFQDfsz15yNEQoJsK5drpz7t1ENXNfCnH82l5RD6yo8iKy2bnZGCpVXqqtq_WfHL8Jb3dE3GgVop06BZ4N0BPbx5UdPu9do_BzDyf0xYeGFvyACQPSzgf7GFKUW8j2vdX9ebNoADZPkOgogGkO9-QEuCQ',
  e: 'AQAB',
  d: 'CiDG8odkmhhUgXDh55Hl7Jr58dqBq2xpReYYy3MjJqM9I5vIa8aU9udvwNplwlz5_XOA05U5SivDSuAwp__LXG3IGLwYZjDmMjWH75K80_-YurOeeIuG7S2DgrGIf-pc55R-VhzjGNZ8NNEzLma2e9BopLuwGoXVQzikpIRfX5AZvmk6_EZyUiHzO-rlFg16BqwbzPqFYdHV0DKkApq1rB8HBPiENNaWuPA8TSHKr5QC3ZgH4IrxeEjG9s7X0dQykRIKJ55a2NhQaiyX5rmWrGBQCbGR-mf3bGJLDwGSLPZBpX7B96h79akPOnEyE_qRfHOQn4bQz7JHCO_gT668cQ',
  p: '4mU9q5M7n3vlMvZa3-aXpnlBIOgnvKDgxjgDJMtmBMxWgGzbfnCeqGegjngnYOjRx_hXatgk_ibDfHds1ogoQrCIPKoeHJlfmfFs8QQapLohOFttFqbHUCDwbQdhx8Z6ymx4caRKdt8UgdiC6n2EN0oG84SSz-EQFZmu6nvka9E',
  q: 'xNxxWm4tROGWEqWn93eLGpoMJw5sGmJdcX9NcrvNayyzWanokGQgCYo038BW7X5rnd8eHHc7oZ9aEg3nW86e4Y3d0wmQoa0uyK0Jlu67Y-hzAPD2rWrmSY_Wy13sT_FqP7G-fYN22MN3foxGtznKW3ue5a95ZeUPpXNvavtABLk',
  dp: 'LtQqMXc--foyqpvyqCWWcMTcB-Z9cbMFS3sCi3XXIF7z9ZSOwlShPMxSlaWc35rI6cggrOUQodF61iANz0JSsZi6VXIK0HeZIsqhcikbKb-mZ3Xh1rGgwJ5PnP3N5_jSJVTShQ8qp_P01fbm_YIA-z7AuVZO19kB7rXfTHlcAkE',
  dq: 'N13Ig6Z5FOZdTuFIXFFCzjiFMnbb8I-5uDIVli87luj7iDxBLFr8p7I3LLbru9_SZJRb46WlH8-xhWJjr25tQQKlYLVP-Ci8_7Oq_sgl6_N0ZM9gkWV_XzEVOB0yWUmMmF1lNefDhTN0aCMLwHyAbTpXdkHj4sSJof7VV0FSwAE',
  qi: 'xgavYru6pu7QAB5HwtuMFD-nLRVRmeRTO-hm2NWtiMkcG8fNwijqQc_C1KeRYYwKfkdhG8FzRZfCHh2bPWpeHvdAYm1OXVIdFdSAPlV7LMpbY_QxO1pR47aFF-YI211V4iSC9HwVSoaCUxSPoH4dPYBwMgcbAfDRSJZXvi_u9l0',
};

/** The demo key's public half: only the public members, so no private part can leak through it. */
export function demoPublicJwk(): DemoRsaPublicJwk {
  const { kty, kid, alg, use, n, e } = DEMO_PRIVATE_JWK;
  return { kty, kid, alg, use, n, e };
}
