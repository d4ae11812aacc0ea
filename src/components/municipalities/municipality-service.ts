import { MUNICIPALITIES } from '../geography/index.js';
import { MunicipalityModel } from './municipality-model.js';

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
