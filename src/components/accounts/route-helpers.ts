import type { Request, Response } from 'express';
import { requestOrigin } from '../../shared/audit/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { isSupportedLanguage } from '../../shared/i18n/index.js';
import type { RequestContext } from './request-context.js';

export interface AccountsSettings {
  baseUrl: string;
  encryptionKey: Buffer;
  demoMode: boolean;
  absoluteMs: number;
  idleMs: number;
}

export function contextFor(req: Request, baseUrl: string): RequestContext {
  const lang: unknown = req.res?.locals.lang;
  return { origin: requestOrigin(req), baseUrl, language: isSupportedLanguage(lang) ? lang : 'da' };
}

/** Shows a form again with its field messages (catalog keys), an error summary and what was typed. */
export function renderForm(
  res: Response,
  view: string,
  model: Record<string, unknown>,
  fieldErrors: Record<string, string> = {},
  values: Record<string, string> = {},
  status = 400,
): void {
  // Without errors the status set by the caller (e.g. 410 for a used link) stands.
  if (Object.keys(fieldErrors).length > 0) res.status(status);
  res.render(view, {
    ...model,
    values,
    errors: fieldErrors,
    errorList: Object.entries(fieldErrors).map(([field, message]) => ({ field, message })),
  });
}

/** Runs a service call; a ValidationError becomes the same form with messages, other errors propagate. */
export async function withFieldErrors(
  res: Response,
  view: string,
  model: Record<string, unknown>,
  values: Record<string, string>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ValidationError) return renderForm(res, view, model, error.fieldErrors, values);
    throw error;
  }
}

/** Form values worth echoing back (never passwords or codes). */
export function echo(values: Record<string, unknown>, ...fields: string[]): Record<string, string> {
  return Object.fromEntries(
    fields
      .filter((field) => typeof values[field] === 'string')
      .map((field) => [field, values[field] as string]),
  );
}
