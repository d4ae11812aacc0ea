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

/** Changes the settings of the actor's own municipality, and audits what changed from what. */
export async function updateSettings(
  actor: Actor,
  settings: MunicipalitySettings,
  context: RequestContext,
): Promise<void> {
  const code = actor.municipalityCode;
  if (!code || !can(actor, 'municipality:configure', { municipalityCode: code })) throw new NotFoundError();
  const before = await settingsOf(code);
  await MunicipalityModel.updateOne(
    { code },
    { $set: { settings, settingsChangedAt: new Date(), settingsChangedBy: actor.userId } },
  );
  const changed = Object.fromEntries(
    Object.entries(settings)
      .filter(([name, value]) => before[name as MunicipalitySettingName] !== value)
      .map(([name, value]) => [name, { from: before[name as MunicipalitySettingName], to: value }]),
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
