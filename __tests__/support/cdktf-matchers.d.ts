// The matchers setup.js installs (cdktf's Testing.setupJest), declared for the type check.
import "cdktf/lib/testing/adapters/jest";
