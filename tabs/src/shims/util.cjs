/*
 * The browser build's stand-in for the parts of Node's `util` that adaptive-expressions and
 * antlr4ts touch while loading: the inspect/promisify symbols and the text codecs.
 */
function inspect(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
function promisify(fn) {
  return (...args) => new Promise((resolve, reject) => fn(...args, (error, value) => (error ? reject(error) : resolve(value))));
}
promisify.custom = Symbol.for('nodejs.util.promisify.custom');
module.exports = { inspect, promisify, TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder };
module.exports.default = module.exports;
