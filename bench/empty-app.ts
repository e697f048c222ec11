// The floor synth times are compared with: an empty cdktf app, run the way cdktf.json runs main.ts.
import { App } from "cdktf";

const app = new App();
app.synth();
