// The slice of passport-oauth2-client-password 0.1 that the interop tests use (it ships no types).
declare module 'passport-oauth2-client-password' {
  import type { Strategy as PassportStrategy } from 'passport';

  export class Strategy extends PassportStrategy {
    constructor(
      verify: (
        clientId: string,
        clientSecret: string,
        done: (error: Error | null, client?: object | false) => void,
      ) => void,
    );
  }
}
