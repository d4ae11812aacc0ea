import { model, Schema, type InferSchemaType } from 'mongoose';

export const ORGANISATION_KINDS = ['association', 'business', 'faith', 'other'] as const;
export const ORGANISATION_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;

/** A club, business, church or other civil-society actor that offers volunteers' time to children. */
const organisationSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 120 },
    kind: { type: String, required: true, enum: ORGANISATION_KINDS },
    description: { type: String, required: true, maxlength: 2000 },
    postcode: { type: String, required: true, match: /^\d{4}$/ },
    // The municipalities (codes) it works in; an organisation may work in several.
    municipalityCodes: { type: [String], required: true },
    status: { type: String, required: true, enum: ORGANISATION_STATUSES, default: 'pending' },
  },
  { timestamps: true, strict: 'throw' },
);

organisationSchema.index({ municipalityCodes: 1, status: 1 });
organisationSchema.index({ name: 1 });

export type Organisation = InferSchemaType<typeof organisationSchema>;
export const OrganisationModel = model('Organisation', organisationSchema);
