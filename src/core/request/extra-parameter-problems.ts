import { filledLines, isReservedParameterName } from './extra-parameters.ts';

/** Who sets a reserved parameter, for the sentence refusing it as an extra one. */
function ownerOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'grant_type') return 'the client credentials flow sets it';
  if (lower === 'client_id' || lower === 'client_secret')
    return 'the client credentials fields and Client authentication set it';
  if (lower.startsWith('client_assertion')) return 'the signed client assertion sets it';
  return `use the ${lower === 'scope' ? 'Scope' : lower === 'audience' ? 'Audience' : 'Resource'} field`;
}

/**
 * Why each line of the `Extra parameters` field that is not sent is left out, one sentence per
 * line, in the words of the rule it breaks (see `extraParameterPairs`).
 */
export function extraParameterProblems(text: string): string[] {
  return filledLines(text).flatMap(({ line, value }) => {
    const equals = value.indexOf('=');
    const name = value.slice(0, equals).trim();
    if (equals === -1) return [`Line ${line} is not sent: write it as name=value.`];
    if (name === '') return [`Line ${line} is not sent: it has no name before "=".`];
    if (isReservedParameterName(name))
      return [`Line ${line} is not sent: ${name} is not an extra parameter (${ownerOf(name)}).`];
    return [];
  });
}

/**
 * What is wrong with the `Resource` field: RFC 8707 §2 requires each to be an absolute URI
 * without a fragment. One sentence per line at fault.
 */
export function resourceProblems(resources: string): string[] {
  return filledLines(resources).flatMap(({ line, value }) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value))
      return [
        `Resource line ${line} is not an absolute URI (RFC 8707 §2): write https://… or api://….`,
      ];
    if (value.includes('#'))
      return [`Resource line ${line} has a fragment (#…), which RFC 8707 §2 does not allow.`];
    return [];
  });
}
