/** True when `value` has a character outside ASCII (which console code pages may not carry). */
export function hasNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return true;
  return false;
}
