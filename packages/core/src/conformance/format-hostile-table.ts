import type { HostileOutcome, HostileSuiteReport } from './hostile-suite.ts';

/** The report as a Markdown table: threat, program, expected, observed, machine clean, time. */
export function formatHostileTable(report: HostileSuiteReport): string {
  const rows = report.outcomes.map((outcome) => {
    const observed = `${outcome.observed}${outcome.reference ? ` (reference: ${outcome.reference.status})` : ''}`;
    return `| ${outcome.threat} | ${outcome.name} | ${outcome.expected.join(' or ')} | ${observed} | ${cleanliness(outcome)} | ${Math.round(outcome.durationMs)} ms |`;
  });
  return [
    '| threat | program | expected | observed | machine clean | time |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `yes`, or `NO: ` and what the program reached or left behind. */
function cleanliness(outcome: HostileOutcome): string {
  const problems = [
    ...outcome.leftovers.map((process) => `left ${process}`),
    ...outcome.outside.map((path) => `changed ${path}`),
    ...(outcome.connections > 0 ? [`${outcome.connections} connection(s) to 127.0.0.1`] : []),
    ...(outcome.leakedKey ? ['printed the API key'] : []),
  ];
  return problems.length === 0 ? 'yes' : `NO: ${problems.join('; ')}`;
}
