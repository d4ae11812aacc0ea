import { caseloadChartOf } from './caseload-chart.js';
import type { CaseloadFigures } from './caseload-rules.js';
import type { WorkerCaseload } from './caseload-service.js';

/** The series as the page shows it: the chart, and the same numbers in a table with the total per month. */
function monthsModel(figures: CaseloadFigures) {
  return {
    chart: caseloadChartOf(figures.months),
    rows: figures.months.map((point) => ({ ...point, total: point.openRequests + point.liveMatches })),
  };
}

/** The sentence beside the chart: where the caseload stands now against a year ago, and what waits. */
function summaryOf(figures: CaseloadFigures) {
  const first = figures.months[0]!;
  const last = figures.months[figures.months.length - 1]!;
  return {
    open: last.openRequests,
    openBefore: first.openRequests,
    live: last.liveMatches,
    liveBefore: first.liveMatches,
    firstMonth: first.month,
    due: figures.due.familyDue + figures.due.familyOverdue,
    overdue: figures.due.familyOverdue,
    checkInsOverdue: figures.due.checkInsOverdue,
  };
}

export function ownPageModel(figures: CaseloadFigures) {
  return {
    titleKey: 'caseload.own.title',
    figures,
    months: monthsModel(figures),
    summary: summaryOf(figures),
  };
}

export function teamPageModel({ workers, team }: { workers: WorkerCaseload[]; team: CaseloadFigures }) {
  const row = (figures: CaseloadFigures) => ({
    open: figures.requests.find((entry) => entry.state === 'open')!.count,
    matched: figures.requests.find((entry) => entry.state === 'matched')!.count,
    live: figures.months[figures.months.length - 1]!.liveMatches,
    openBefore: figures.months[0]!.openRequests,
    ...figures.due,
  });
  return {
    titleKey: 'caseload.team.title',
    workers: workers.map((worker) => ({
      id: worker.id,
      name: worker.name,
      current: worker.current,
      ...row(worker.figures),
    })),
    total: row(team),
    team,
    months: monthsModel(team),
    summary: { ...summaryOf(team), workers: workers.filter((worker) => worker.current).length },
  };
}
