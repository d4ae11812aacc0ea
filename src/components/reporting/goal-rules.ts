import type { GoalFigures } from './figures-rules.js';

/**
 * The targets a municipality may set for a year. Shares are whole per cent; `childrenSupported` is a
 * number of children with a running match in the year.
 */
export const GOAL_METRICS = [
  'matchedWithin30Share',
  'lastingSixMonthsShare',
  'followUpsOnTimeShare',
  'childrenSupported',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export const isShareMetric = (metric: GoalMetric) => metric !== 'childrenSupported';

/** The measured value of a metric and the group it is measured over (for suppression). */
export function measure(
  metric: GoalMetric,
  figures: GoalFigures,
): { value: number; part: number; of: number } {
  const share = (part: number, whole: number) => ({
    value: whole === 0 ? 0 : Math.round((100 * part) / whole),
    part,
    of: whole,
  });
  switch (metric) {
    case 'matchedWithin30Share':
      return share(figures.matchedWithin30, figures.requestsCreated);
    case 'lastingSixMonthsShare':
      return share(figures.lasting.lasted, figures.lasting.started);
    case 'followUpsOnTimeShare': {
      const { onTime, late, missed } = figures.followUps;
      return share(onTime, onTime + late + missed);
    }
    case 'childrenSupported':
      return {
        value: figures.childrenSupported,
        part: figures.childrenSupported,
        of: figures.childrenSupported,
      };
  }
}

/** Whether a measured value meets its target. */
export const reached = (value: number, target: number) => value >= target;
