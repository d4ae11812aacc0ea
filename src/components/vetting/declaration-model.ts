import { model, Schema } from 'mongoose';

/**
 * A folkeoplysende association's yearly declaration to its municipalities that it obtains børneattester,
 * valid to 31 December of that year. One per (organisation, year): the unique key makes a second click,
 * or a second coordinator, a no-op rather than a duplicate.
 */
const declarationSchema = new Schema(
  {
    organisationId: { type: String, required: true },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    declaredBy: { type: String, required: true },
    declaredAt: { type: Date, required: true },
    validUntil: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);

declarationSchema.index({ organisationId: 1, year: 1 }, { unique: true });
declarationSchema.index({ year: 1 });

export const DeclarationModel = model('VettingDeclaration', declarationSchema, 'vetting_declarations');
