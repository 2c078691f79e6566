/**
 * JSON <-> protobuf for the gateway, as etcd's grpc-gateway (jsonpb with
 * the .proto field names) does it: 64-bit integers as decimal strings,
 * bytes as standard base64, enums by name, fields at their zero value
 * left out. Requests accept the .proto names and lowerCamelCase names,
 * numbers or strings for integers, names or numbers for enums; unknown
 * fields are ignored. Bad input throws GatewayInputError with the message
 * Go's decoder gives.
 */
import type { Enum, Field, Type } from 'protobufjs';

/** A request body the gateway cannot turn into a message (HTTP 400, gRPC code 3). */
export class GatewayInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayInputError';
  }
}

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INT_TYPES = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32', ...LONG_TYPES]);
const BASE64_CHARS = /^[A-Za-z0-9+/]$/;

/** Where Go's base64.StdEncoding first fails on `text` (undefined: valid). */
export function base64ErrorOffset(text: string): number | undefined {
  const s = text.replace(/[\r\n]/g, '');
  const firstPad = s.indexOf('=');
  const body = firstPad < 0 ? s : s.slice(0, firstPad);
  for (let i = 0; i < body.length; i++) if (!BASE64_CHARS.test(body[i]!)) return i;
  if (firstPad >= 0) {
    const pad = s.slice(firstPad);
    if (!/^={1,2}$/.test(pad) || s.length % 4 !== 0 || body.length % 4 < 2) return firstPad;
    return undefined;
  }
  return s.length % 4 === 0 ? undefined : s.length - (s.length % 4);
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function fieldFor(type: Type, key: string): Field | undefined {
  return type.fields[key] ?? type.fieldsArray.find((f) => camel(f.name) === key);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

function scalarFromJson(field: Field, value: unknown): unknown {
  const where = `field ${field.name}`;
  if (field.resolvedType && 'values' in field.resolvedType) {
    const e = field.resolvedType as Enum;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && value in e.values) return e.values[value];
    throw new GatewayInputError(`unknown value ${JSON.stringify(value)} for enum ${e.fullName.replace(/^\./, '')}`);
  }
  if (INT_TYPES.has(field.type)) {
    if (typeof value === 'string' && !/^-?\d+$/.test(value) && value !== '') {
      // jsonpb reads a quoted integer as the JSON text inside the quotes.
      throw new GatewayInputError(`invalid character '${value[0]}' looking for beginning of value`);
    }
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type ${field.type} (${where})`);
    return n;
  }
  if (field.type === 'bool') {
    if (typeof value !== 'boolean') throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type bool (${where})`);
    return value;
  }
  if (field.type === 'string') {
    if (typeof value !== 'string') throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type string (${where})`);
    return value;
  }
  if (field.type === 'bytes') {
    if (typeof value !== 'string') throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type []uint8 (${where})`);
    const bad = base64ErrorOffset(value);
    if (bad !== undefined) throw new GatewayInputError(`illegal base64 data at input byte ${bad}`);
    return Buffer.from(value, 'base64');
  }
  if (field.type === 'double' || field.type === 'float') {
    if (typeof value !== 'number') throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type float64 (${where})`);
    return value;
  }
  throw new GatewayInputError(`unsupported field type ${field.type}`);
}

function valueFromJson(field: Field, value: unknown): unknown {
  if (field.resolvedType && !('values' in field.resolvedType)) return messageFromJson(field.resolvedType as Type, value);
  return scalarFromJson(field, value);
}

/** A reflection message from parsed JSON; throws GatewayInputError. */
export function messageFromJson(type: Type, json: unknown): object {
  if (json === null || json === undefined) return type.create({});
  if (typeof json !== 'object' || Array.isArray(json)) throw new GatewayInputError(`json: cannot unmarshal ${typeName(json)} into Go value of type ${type.name}`);
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const field = fieldFor(type, key);
    if (!field || value === null) continue;
    if (field.repeated) {
      if (!Array.isArray(value)) throw new GatewayInputError(`json: cannot unmarshal ${typeName(value)} into Go value of type []${field.type}`);
      props[field.name] = value.map((v) => valueFromJson(field, v));
    } else props[field.name] = valueFromJson(field, value);
  }
  return type.create(props);
}

function scalarToJson(field: Field, value: unknown): unknown {
  if (field.resolvedType && 'values' in field.resolvedType) {
    const n = Number(value);
    return n === 0 ? undefined : ((field.resolvedType as Enum).valuesById[n] ?? n);
  }
  if (LONG_TYPES.has(field.type)) return Number(value) === 0 ? undefined : String(value);
  if (field.type === 'bytes') {
    const bytes = value as Uint8Array;
    return bytes.length === 0 ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  if (value === 0 || value === false || value === '') return undefined;
  return value;
}

/** JSON (as grpc-gateway writes it) of a reflection message. */
export function messageToJson(type: Type, message: Record<string, unknown>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (!Object.prototype.hasOwnProperty.call(message, field.name)) continue;
    const value = message[field.name];
    if (value === null || value === undefined) continue;
    const nested = field.resolvedType && !('values' in field.resolvedType) ? (field.resolvedType as Type) : undefined;
    const one = (v: unknown) => (nested ? messageToJson(nested, v as Record<string, unknown>) : scalarToJson(field, v));
    if (field.repeated) {
      const list = (value as unknown[]).map(one);
      if (list.length > 0) json[field.name] = list;
    } else {
      const converted = one(value);
      if (converted !== undefined) json[field.name] = converted;
    }
  }
  return json;
}

/** Go's encoding/json message for a body JSON.parse refused. */
export function jsonSyntaxMessage(body: string, error: unknown): string {
  const text = error instanceof Error ? error.message : '';
  if (/end of (JSON )?input|Unterminated/i.test(text) || body.trim() === '') return 'unexpected EOF';
  const at = /position (\d+)/.exec(text);
  const c = at ? body[Number(at[1])] : undefined;
  return c === undefined ? 'unexpected EOF' : `invalid character '${c}' looking for beginning of value`;
}
