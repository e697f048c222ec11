/**
 * One bench case as its own cdktf app, run the way cdktf.json runs main.ts:
 *   bench/app.ts <preset>-<platform>   one preset stack, such as ha-lb-libvirt
 *   bench/app.ts ha-lb-web <n>          the ha-lb topology with n web servers (libvirt)
 * Output goes where cdktf puts it (CDKTF_OUTDIR, else cdktf.out).
 */
import { App } from "cdktf";
import { PLATFORMS, PRESET_STACKS, ScaledHaLbStack } from "../stacks";

const [what, count] = process.argv.slice(2);
const app = new App();
if (what === "ha-lb-web") {
  const n = Number(count);
  new ScaledHaLbStack(app, `ha-lb-${n}-libvirt`, { webServers: n });
} else {
  const preset = Object.keys(PRESET_STACKS).find((name) => PLATFORMS.some((kind) => what === `${name}-${kind}`));
  if (!preset) throw new Error(`bench/app.ts: unknown case ${what}; give <preset>-<platform> or ha-lb-web <n>`);
  const kind = PLATFORMS.find((k) => what === `${preset}-${k}`)!;
  new PRESET_STACKS[preset as keyof typeof PRESET_STACKS](app, what, { platform: { kind } });
}
app.synth();
