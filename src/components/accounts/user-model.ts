import { model, Schema } from 'mongoose';
import { ROLES } from './roles.js';

const roleGrantSchema = new Schema(
  {
    role: { type: String, required: true, enum: ROLES },
    municipalityCode: { type: String },
    organisationId: { type: String },
    active: { type: Boolean, required: true, default: true },
    grantedAt: { type: Date, required: true },
    grantedBy: { type: String },
  },
  { _id: false },
);

/**
 * A person who can log in. Data minimisation: name, e-mail, optional phone, language; never a CPR number.
 * Roles are grants with their tenant; one person may hold several (a social worker who coaches football).
 */
const userSchema = new Schema(
  {
    // Normalised (trimmed, NFC, lower case) before saving; unique and therefore required.
    email: { type: String, required: true, maxlength: 254 },
    name: { type: String, required: true, maxlength: 120 },
    phone: { type: String, maxlength: 30 },
    language: { type: String, required: true, enum: ['da', 'en'], default: 'da' },
    passwordHash: { type: String, required: true },
    status: { type: String, required: true, enum: ['unverified', 'active', 'disabled'] },
    emailVerifiedAt: { type: Date },
    roles: { type: [roleGrantSchema], required: true, default: [] },
    // Changing it ends every session (logout everywhere, password change, disable, role change).
    sessionEpoch: { type: String, required: true },
    totp: {
      sealedSecret: { type: String },
      enabledAt: { type: Date },
      // The last accepted time step: a code is accepted once (no replay).
      lastTimeStep: { type: Number },
    },
    recoveryCodeHashes: { type: [String], default: [] },
    passwordChangedAt: { type: Date },
    lastLoginAt: { type: Date },
    // Bumped by every change of the role grants (see writeNextVersion in shared/db).
    writeVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ 'roles.municipalityCode': 1, 'roles.role': 1 });
userSchema.index({ 'roles.organisationId': 1 });
// Everyone holding a role across municipalities (the platform administrator's overview).
userSchema.index({ 'roles.role': 1 });
// A municipality's staff by name.
userSchema.index({ 'roles.municipalityCode': 1, name: 1 });

export const UserModel = model('User', userSchema);
