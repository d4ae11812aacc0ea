import type { Actor, RequestContext } from '../accounts/index.js';
import type { RelaxationInput } from './candidate-help-schemas.js';
import { type StoredRequest, valuesFromRequest, requestSchema, updateRequest } from '../requests/index.js';
import { clearWindowValues, WINDOW_ROWS } from '../../shared/window-fields/index.js';

/** The request's form as it is now, with one wish widened: what the worker would have typed. */
function widened(request: StoredRequest, change: RelaxationInput) {
  const { values, chosen } = valuesFromRequest(request);
  switch (change.kind) {
    case 'distance':
      values.maxTravelKm = String(change.km);
      break;
    case 'weekday': {
      const row = request.windows.length + 1;
      if (row > WINDOW_ROWS) return undefined;
      values[`weekday${row}`] = String(change.weekday);
      values[`from${row}`] = change.from;
      values[`to${row}`] = change.to;
      break;
    }
    case 'any-time':
      clearWindowValues(values);
      break;
    case 'any-gender':
      values.adultGender = '';
      break;
  }
  const form = {
    ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')),
    homeLanguages: [...chosen.languages],
    networkOrganisationIds: [...chosen.network],
  };
  return requestSchema.safeParse(form);
}

/**
 * Applies one suggested change to the request's own wishes through the ordinary edit (the responsible
 * worker only, audited as an edit with the names of the changed fields). The change is checked by the
 * request form's own rules, so a suggestion can never store what the form would refuse: false when it
 * would.
 */
export async function applyRelaxation(
  actor: Actor,
  request: StoredRequest,
  change: RelaxationInput,
  context: RequestContext,
): Promise<boolean> {
  const parsed = widened(request, change);
  if (!parsed?.success) return false;
  await updateRequest(actor, String(request._id), parsed.data, context);
  return true;
}
