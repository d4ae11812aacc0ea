import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { activeMemberIdsOf } from '../organisations/index.js';
import { currentYear, declarationModel, declarationsModel } from './declaration-service.js';
import { volunteerModel } from './volunteer-service.js';
import { organisationSettings, readRecordsOf } from './vetting-service.js';
import { expiresWithin, isVettedThrough, type VettingFacts } from './vetting-rules.js';

const NO_FACTS: VettingFacts = { childCertificate: {}, references: [] };

/**
 * Active members not vetted yet or whose børneattest runs out soon, judged as the vetting overview judges
 * them, from the members' ids and records alone (the overview also reads every member's name).
 */
async function membersNeedingVetting(organisationId: string, now: Date): Promise<number> {
  const [settings, memberIds] = await Promise.all([
    organisationSettings(organisationId),
    activeMemberIdsOf(organisationId),
  ]);
  const records = await readRecordsOf(organisationId, memberIds);
  return memberIds.filter((userId) => {
    const facts = records.get(userId)?.facts ?? NO_FACTS;
    return !isVettedThrough(facts, settings, now) || expiresWithin(facts, now);
  }).length;
}

/** Vetting's lines on the home: members to vet and this year's declaration, one's own steps left, associations yet to declare. */
export async function vettingHomeItems(homeActor: HomeActor, now = new Date()): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (actor.organisationId && can(actor, 'vetting:record', { organisationId: actor.organisationId })) {
    const [count, declaration] = await Promise.all([
      membersNeedingVetting(actor.organisationId, now),
      declarationModel(actor, now),
    ]);
    // Only associations declare each year that they ask for børneattester.
    const undeclared = declaration.isAssociation && !declaration.declaration ? 1 : 0;
    return [
      ...(declaration.isAssociation
        ? [
            {
              labelKey: 'home.vetting.ownDeclarationMissing',
              count: undeclared,
              href: '/forening/erklaering',
              urgency: 'due' as const,
            },
          ]
        : []),
      {
        labelKey: 'home.vetting.membersNeedingVetting',
        count,
        href: '/forening/godkendelse',
        urgency: 'due',
      },
    ];
  }
  if (can(actor, 'vetting:own', { ownerId: actor.userId })) {
    const { organisations } = await volunteerModel(actor, now);
    // A renewal consent is a step of the volunteer's own, though the old certificate still counts as done.
    const count = organisations.reduce(
      (sum, organisation) => sum + organisation.missing.length + (organisation.renewalConsentWanted ? 1 : 0),
      0,
    );
    return [{ labelKey: 'home.vetting.stepsLeft', count, href: '/frivillig/godkendelse', urgency: 'due' }];
  }
  const code = actor.municipalityCode;
  if (code && can(actor, 'vetting:declarations', { municipalityCode: code })) {
    const { rows, declaredCount } = await declarationsModel(actor, currentYear(now));
    return [
      {
        labelKey: 'home.vetting.declarationsMissing',
        count: rows.length - declaredCount,
        href: '/kommune/erklaeringer',
      },
    ];
  }
  return [];
}
