import type { ExpressionSyntax } from './placeholders.ts';
import { quotePowerShell } from './quote-powershell.ts';

/**
 * PowerShell over `$env:` (Windows PowerShell 5.1 and PowerShell 7). A sum is put in
 * parentheses, so it is one value as a hashtable entry and as a command's argument alike.
 */
export const POWERSHELL_EXPRESSIONS: ExpressionSyntax = {
  text: quotePowerShell,
  variable: (name) => `$env:${name}`,
  // WebUtility.UrlEncode is application/x-www-form-urlencoded (space as +), RFC 6749 Appendix B.
  formEncode: (code) => `[System.Net.WebUtility]::UrlEncode(${code})`,
  // The UTF-8 bytes, as RFC 7617 §2.1 asks (not the console's code page).
  base64: (code) => `[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(${code}))`,
  concat: (codes) => `(${codes.join(' + ')})`,
};
