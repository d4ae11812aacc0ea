import type { RequestHandler } from 'express';
import { BadRequestError } from '../errors/index.js';

/**
 * A path whose percent-encoding does not decode ("/tilbud/%ZZ", a lone "%", a cut-off or overlong UTF-8
 * sequence) is answered 400 here, once for every route and before any session or database work. Left to
 * the router, it would throw while decoding a path parameter, and only on routes that have one.
 */
export const rejectMalformedPath: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    next(new BadRequestError('Malformed percent-encoding in the path'));
    return;
  }
  next();
};
