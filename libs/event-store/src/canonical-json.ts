/**
 * The canonical bytes of a value, what the chain hashes and command fingerprints digest: JSON with object keys sorted recursively and no whitespace; arrays keep their order.
 * Follows JSON.stringify for everything else (toJSON, undefined, functions, non-finite numbers), so
 * canonicalJson(x) === canonicalJson(JSON.parse(JSON.stringify(x))): a value hashes the same before and
 * after a trip through a JSON column.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalOrUndefined(value, '');
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return text;
}

function canonicalOrUndefined(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonicalOrUndefined(item, String(index)) ?? 'null').join(',')}]`;
  }
  const members: string[] = [];
  for (const name of Object.keys(value).sort()) {
    const member = canonicalOrUndefined((value as Record<string, unknown>)[name], name);
    if (member !== undefined) members.push(`${JSON.stringify(name)}:${member}`);
  }
  return `{${members.join(',')}}`;
}
