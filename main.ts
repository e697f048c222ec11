import { App } from "cdktf";
import { addPresetStacks } from "./stacks";

// The three classic labs, each on libvirt and on vSphere.
const app = new App();
addPresetStacks(app);
app.synth();
