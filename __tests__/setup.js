const cdktf = require("cdktf");
cdktf.Testing.setupJest();

// cdktf records a full stack trace for every token it makes (Error.captureStackTrace on a plain
// object, not an Error), and jest's source-map-support maps each frame of each one: seconds of
// every synth. Those traces get V8's plain frames; thrown errors keep their mapped traces.
const mapStackTrace = Error.prepareStackTrace;
if (typeof mapStackTrace === "function") {
  Error.prepareStackTrace = (error, frames) =>
    Object.prototype.toString.call(error) === "[object Error]"
      ? mapStackTrace(error, frames)
      : [String(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
}
