import { formatTable, runScenario, tally } from "../../lab/common/report";

describe("runScenario", () => {
  it("returns a pass with the body's figures, and logs it", async () => {
    const lines: string[] = [];
    const r = await runScenario("1 x", async () => ({ detail: "ok", outageS: 1.5 }), { log: (l) => lines.push(l) });
    expect(r).toEqual({ scenario: "1 x", passed: true, detail: "ok", outageS: 1.5 });
    expect(lines).toEqual(["=== 1 x", "PASS 1 x: ok"]);
  });

  it("turns a throw into a failure with the partial figures, after the diagnostics", async () => {
    const lines: string[] = [];
    const r = await runScenario<{ detail: string; outageS?: number }>(
      "2 y",
      async () => {
        throw Object.assign(new Error("no page"), { outageS: 3 });
      },
      {
        log: (l) => lines.push(l),
        onFailure: () => {
          lines.push("diagnose");
          throw new Error("ssh down");
        },
        partialOf: (e) => ({ outageS: (e as Error & { outageS: number }).outageS }),
      },
    );
    expect(r).toEqual({ scenario: "2 y", passed: false, outageS: 3, detail: "no page" });
    expect(lines).toEqual(["=== 2 y", "FAIL 2 y: no page", "diagnose", "diagnostics failed: ssh down"]);
  });
});

describe("formatTable", () => {
  it("pads every column but the last, numbers to the right", () => {
    const rows = [
      { s: "a", n: 1.5, d: "first" },
      { s: "longer", n: 12.25, d: "second" },
    ];
    const text = formatTable<(typeof rows)[number]>(
      [
        { title: "scenario", cell: (r) => r.s },
        { title: "s", cell: (r) => r.n.toFixed(1), align: "right" },
        { title: "detail", cell: (r) => r.d },
      ],
      rows,
    );
    expect(text).toBe(["scenario     s  detail", "a          1.5  first", "longer    12.3  second"].join("\n"));
  });

  it("counts passes and failures", () => {
    expect(
      tally([
        { scenario: "a", passed: true, detail: "" },
        { scenario: "b", passed: false, detail: "" },
      ]),
    ).toBe("1 passed, 1 failed");
  });
});
