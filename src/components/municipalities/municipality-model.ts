import { model, Schema, type InferSchemaType } from 'mongoose';

/** A municipality (kommune): the tenant that every child-related record belongs to. */
const municipalitySchema = new Schema(
  {
    // The official code, e.g. "0101" for København; required because it is unique.
    code: { type: String, required: true, match: /^\d{4}$/ },
    name: { type: String, required: true },
    region: { type: String, required: true },
    // True once the municipality uses Brobygning (an administrator approved it).
    onboarded: { type: Boolean, required: true, default: false },
  },
  { timestamps: true, strict: 'throw' },
);

municipalitySchema.index({ code: 1 }, { unique: true });
municipalitySchema.index({ onboarded: 1, name: 1 });

export type Municipality = InferSchemaType<typeof municipalitySchema>;
export const MunicipalityModel = model('Municipality', municipalitySchema);
