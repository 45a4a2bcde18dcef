import './jwt-parts.css';

/**
 * A compact JWS (RFC 7515 §7.1) with its header, payload and signature coloured; the dots stay, so
 * the text is exactly the JWT.
 */
export function JwtParts({ jwt }: { readonly jwt: string }) {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  return (
    <>
      <span className="jwt-header">{header}</span>.<span className="jwt-payload">{payload}</span>.
      <span className="jwt-signature">{signature}</span>
    </>
  );
}
