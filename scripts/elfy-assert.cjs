// The one `assert` call elfy makes (assert.equal on a section type), for the CLI bundle: Node's
// assert module costs the CLI's start-up ~5 ms (it creates process.stderr to pick its colours).
"use strict";
function equal(actual, expected, message) {
  if (actual != expected) throw new Error(message ?? `${String(actual)} == ${String(expected)}`);
}
module.exports = { equal };
