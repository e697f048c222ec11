import { App } from "cdktf";

// The stacks are added as the topology constructs land.
const app = new App();
app.synth();
