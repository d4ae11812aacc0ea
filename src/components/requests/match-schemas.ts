import { z } from 'zod';
import { identifierText, optionalText, writtenText } from '../../shared/http/index.js';
import { askNamesChild, ENDING_REASONS } from './match-rules.js';

const id = z.string('forms.errors.invalid').regex(/^[0-9a-f]{24}$/, 'forms.errors.invalid');

/**
 * A proposal, as the candidate page posts it: who (hidden ids, checked again on the server) and what the
 * adult may see: the alias the social worker chooses and what the adult is asked to do.
 */
export const proposalSchema = z
  .strictObject({
    volunteerId: id,
    organisationId: id,
    offerId: z
      .union([id, z.literal('')], 'forms.errors.invalid')
      .optional()
      .transform((value) => value || undefined),
    // The name the adult knows the child by: hidden characters are refused, as in any name.
    childAlias: identifierText().min(1, 'matching.propose.aliasRequired').max(40, 'forms.errors.tooLong'),
    askText: writtenText().min(10, 'matching.propose.askRequired').max(1000, 'forms.errors.tooLong'),
  })
  // The ask text is a field of its own under the family's consent: it must not carry the alias.
  .refine((form) => !askNamesChild(form.askText, form.childAlias), {
    message: 'matching.propose.askNamesChild',
    path: ['askText'],
  });

export const declineSchema = z.strictObject({
  reason: writtenText().min(2, 'matching.answer.reasonRequired').max(500, 'forms.errors.tooLong'),
});

/** Activating: the reason, when the worker goes ahead without the young person's own consent. */
export const activateSchema = z.strictObject({
  acknowledgement: optionalText(500),
});

/**
 * Ending a match or withdrawing a proposal: a reason is required (nothing is pre-selected on the page).
 * Whether the reason belongs to the match's state (a close reason, or a withdrawal reason) is checked
 * against the match itself, in the service.
 */
const ENDING_CHOICES: readonly string[] = ENDING_REASONS.filter((reason) => reason !== 'volunteer-left');

export const closeMatchSchema = z.strictObject({
  // A missing choice and an unknown one read alike: choose a reason.
  closeReason: z
    .string()
    .optional()
    .refine((value) => value !== undefined && ENDING_CHOICES.includes(value), 'caseState.end.reasonRequired'),
  note: optionalText(500),
});

export { emptySchema } from '../../shared/http/index.js';
