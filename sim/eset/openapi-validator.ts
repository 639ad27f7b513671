import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates ESET bodies against ESET's own OpenAPI document (../shared/vendor-specs). Test support only.
 *
 * The adapter: the spec declares int64 fields as `type: integer` and uint64 fields as `type: string`, while
 * proto3 JSON (which ESET's gateway follows) writes both 64-bit kinds as decimal strings and accepts numbers.
 * api-contracts.md §2 says they arrive either way, so every `format: int64|uint64` node is widened to
 * "integer, or a string of digits". Nothing else in the spec is changed.
 */
const specPath = new URL('../../../shared/vendor-specs/eset-device-management.openapi.json', import.meta.url);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function widen64(node: Json): Json {
  if (Array.isArray(node)) return node.map(widen64);
  if (node === null || typeof node !== 'object') return node;
  if (node.format === 'int64' || node.format === 'uint64') {
    const { type: _type, format: _format, ...rest } = node;
    return { ...rest, anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?\\d+$' }] };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, widen64(value)]));
}

export function createEsetSpecValidator() {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Json } };
  // OpenAPI annotations (readOnly, title, x-…) are not JSON Schema validation keywords: not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'eset-dm', components: { schemas: widen64(spec.components.schemas) } });
  return (schemaName: string, body: unknown): string[] => {
    const validate = ajv.getSchema(`eset-dm#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`no schema ${schemaName} in the ESET spec`);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
