import { MUNICIPALITIES } from '../geography/index.js';
import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import {
  MUNICIPALITY_SETTING_LIMITS,
  MunicipalityModel,
  type MunicipalitySettingName,
  type MunicipalitySettings,
} from './municipality-model.js';

/** Loads the 98 municipalities from the reference data; safe to repeat (upsert by code). */
export async function importMunicipalities(): Promise<number> {
  const existing = await MunicipalityModel.countDocuments();
  if (existing >= MUNICIPALITIES.length) return 0;
  await MunicipalityModel.bulkWrite(
    MUNICIPALITIES.map((m) => ({
      updateOne: {
        filter: { code: m.code },
        update: { $set: { name: m.name, region: m.region }, $setOnInsert: { onboarded: false } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return MUNICIPALITIES.length - existing;
}

export async function onboardMunicipality(code: string): Promise<void> {
  await MunicipalityModel.updateOne({ code }, { $set: { onboarded: true } });
}

export async function listOnboardedMunicipalities() {
  return MunicipalityModel.find({ onboarded: true }).sort({ name: 1 }).lean();
}

export async function listAllMunicipalities() {
  return MunicipalityModel.find({}).sort({ onboarded: -1, name: 1 }).lean();
}

export async function findMunicipalityRecord(code: string) {
  return (await MunicipalityModel.findOne({ code }).lean()) ?? undefined;
}

/** A municipality's settings, each one falling back to its default where none has been chosen. */
export async function settingsOf(code: string): Promise<MunicipalitySettings> {
  const record = await MunicipalityModel.findOne({ code }).lean();
  const chosen = (record?.settings ?? {}) as Partial<MunicipalitySettings>;
  return Object.fromEntries(
    Object.entries(MUNICIPALITY_SETTING_LIMITS).map(([name, limit]) => [
      name,
      chosen[name as MunicipalitySettingName] ?? limit.default,
    ]),
  ) as MunicipalitySettings;
}

/** The municipality's after-hours number for a child in danger, or undefined when none is set. */
export async function afterHoursPhoneOf(code: string): Promise<string | undefined> {
  const record = await MunicipalityModel.findOne({ code }, { afterHoursPhone: 1 }).lean();
  return record?.afterHoursPhone ?? undefined;
}

/** Sets the after-hours number outside the settings form (seeding a municipality's data). */
export async function setAfterHoursPhone(code: string, phone: string): Promise<void> {
  await MunicipalityModel.updateOne({ code }, { $set: { afterHoursPhone: phone } }, { runValidators: true });
}

/** Changes the settings of the actor's own municipality, and audits what changed from what. */
export async function updateSettings(
  actor: Actor,
  form: MunicipalitySettings & { afterHoursPhone?: string },
  context: RequestContext,
): Promise<void> {
  const code = actor.municipalityCode;
  if (!code || !can(actor, 'municipality:configure', { municipalityCode: code })) throw new NotFoundError();
  const { afterHoursPhone, ...settings } = form;
  const before = { ...(await settingsOf(code)), afterHoursPhone: await afterHoursPhoneOf(code) };
  const stamp = { settings, settingsChangedAt: new Date(), settingsChangedBy: actor.userId };
  await MunicipalityModel.updateOne(
    { code },
    afterHoursPhone
      ? { $set: { ...stamp, afterHoursPhone } }
      : { $set: stamp, $unset: { afterHoursPhone: 1 } },
  );
  const changed = Object.fromEntries(
    Object.entries({ ...settings, afterHoursPhone })
      .filter(([name, value]) => before[name as MunicipalitySettingName | 'afterHoursPhone'] !== value)
      .map(([name, value]) => [
        name,
        { from: before[name as MunicipalitySettingName | 'afterHoursPhone'] ?? null, to: value ?? null },
      ]),
  );
  await recordAudit(
    {
      action: 'municipality.settings-changed',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: code,
      objectType: 'municipality',
      objectId: code,
      details: changed,
    },
    context.origin,
  );
}
