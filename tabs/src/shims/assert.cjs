/*
 * The browser build's stand-in for Node's `assert`: antlr4ts (under adaptivecards-templating)
 * calls `require("assert")(condition)`, which the bundler's own polyfill does not make callable.
 */
function assert(value, message) {
  if (!value) throw new Error(message || 'Assertion failed');
}
assert.ok = assert;
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(message || 'Expected ' + String(actual) + ' to equal ' + String(expected));
};
assert.fail = function fail(message) {
  throw new Error(message || 'Failed');
};
module.exports = assert;
