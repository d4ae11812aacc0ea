import type { z } from 'zod';
import { BadRequestError } from '../errors/index.js';

export type FormResult<T> =
  { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

// Keys that must never reach a schema or a model, whatever the form says.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Fields echoed back into a re-rendered form must never include secrets: passwords, tokens and one-time
// codes (TOTP and recovery codes are fields named "code"; a postcode is no secret and is echoed).
const NEVER_ECHOED = /password|token|_csrf|^code$|recovery/i;

/**
 * Validates a flat form body (urlencoded with extended: false) against a zod schema whose messages are
 * catalog keys. Unknown or dangerous keys are a 400 (a tampered form), anything else is field messages
 * for the form to show again with what the person typed.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (FORBIDDEN_KEYS.has(key)) throw new BadRequestError('Forbidden field name');
    if (key !== '_csrf') fields[key] = value;
  }
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };

  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') throw new BadRequestError('Unexpected form fields');
    const field = String(issue.path[0] ?? '_form');
    // Repeated parameters arrive as arrays; say "invalid" rather than echo the array.
    fieldErrors[field] ??= issue.code === 'invalid_type' ? 'forms.errors.invalid' : issue.message;
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !NEVER_ECHOED.test(key)) values[key] = value;
  }
  return { ok: false, fieldErrors, values };
}
