/**
 * `npm run coverage:options`: the option -> scenario table as markdown, for the issue note. Every
 * option path the types have (options.ts), with its scenarios, the reason it does not change what a
 * VM runs, or "not yet proven".
 */
import { OPTION_COVERAGE, UNPROVEN_TODAY } from "./map";
import { publicOptionPaths } from "./options";

export function coverageTable(paths: readonly string[]): string {
  const counts = { proven: 0, inert: 0, unproven: 0 };
  const rows = paths.map((option) => {
    const entry = OPTION_COVERAGE[option];
    let cell: string;
    if (!entry) {
      counts.unproven++;
      cell = UNPROVEN_TODAY.includes(option) ? "**not yet proven**" : "**not in the map**";
    } else if ("inert" in entry) {
      counts.inert++;
      cell = `does not change what a VM runs: ${entry.inert}`;
    } else {
      counts.proven++;
      cell = entry.scenarios.join("<br>") + (entry.note ? ` (${entry.note})` : "");
    }
    return `| \`${option}\` | ${cell} |`;
  });
  const summary = `${paths.length} options: ${counts.proven} run by a lab scenario, ${counts.inert} do not change what a VM runs, ${counts.unproven} not yet proven.`;
  return [
    summary,
    "",
    "| option | lab scenarios (netns: `<variant> / <scenario>`; VM: acceptance/watchdog) |",
    "| --- | --- |",
    ...rows,
  ].join("\n");
}

if (require.main === module) {
  console.log(coverageTable(publicOptionPaths()));
}
