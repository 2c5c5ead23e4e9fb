'use strict';
/*
 * passk's isolated judge, process B: the candidate's part of a JavaScript program, without the
 * benchmark's tests. Started by `isolated-judge.cjs` (A) with fd 3 as its only channel; its
 * stdout and stderr go nowhere. Protocol: one JSON line per message.
 *   A → B  {load: code, names: [...]}      run the candidate part as a CommonJS module body
 *   B → A  {names: {name: 'function' | value form}}  the names the tests use that it defines
 *   A → B  {call: name, args: [forms]}    call one of them
 *   B → A  {value: form} | {error: {name, message}}
 * What B answers is the candidate's answer, whatever the candidate does to B: A decodes it into
 * its own plain values, so nothing of B's objects (valueOf, toString, getters, prototypes)
 * reaches the tests.
 */
const { createInterface } = require('node:readline');
const { Socket } = require('node:net');
const { Module } = require('node:module');
const { runInThisContext } = require('node:vm');
const { resolve } = require('node:path');

const keys = Object.keys;
const isArray = Array.isArray;
const toTag = Function.prototype.call.bind(Object.prototype.toString);
const unboxers = {
  '[object Number]': Function.prototype.call.bind(Number.prototype.valueOf),
  '[object String]': Function.prototype.call.bind(String.prototype.valueOf),
  '[object Boolean]': Function.prototype.call.bind(Boolean.prototype.valueOf),
};
const dateTime = Function.prototype.call.bind(Date.prototype.getTime);
const stringify = JSON.stringify;
const parse = JSON.parse;
const MAX_DEPTH = 64;

const channel = new Socket({ fd: 3, readable: true, writable: true });

function send(message) {
  channel.write(`${stringify(message)}\n`);
}

/** A value as a plain-data form (see `decode` in isolated-judge.cjs). */
function encode(value, depth) {
  if (depth > MAX_DEPTH) return { x: 'too deep' };
  switch (typeof value) {
    case 'undefined':
      return { u: 1 };
    case 'number':
      if (Number.isNaN(value)) return { n: 'NaN' };
      if (value === Infinity || value === -Infinity) return { n: String(value) };
      if (Object.is(value, -0)) return { n: '-0' };
      return { v: value };
    case 'string':
    case 'boolean':
      return { v: value };
    case 'bigint':
      return { b: value.toString() };
    case 'function':
    case 'symbol':
      return { x: typeof value };
    default:
      break;
  }
  if (value === null) return { v: null };
  try {
    if (isArray(value)) {
      const items = [];
      for (let index = 0; index < value.length; index++)
        items.push(encode(value[index], depth + 1));
      return { a: items };
    }
    const tag = toTag(value);
    const unbox = unboxers[tag];
    if (unbox !== undefined) {
      try {
        return encode(unbox(value), depth + 1);
      } catch {
        // A forged tag: an ordinary object.
      }
    }
    if (tag === '[object Date]') {
      try {
        return { d: dateTime(value) };
      } catch {}
    }
    if (value instanceof Map) {
      return { m: [...value].map(([k, v]) => [encode(k, depth + 1), encode(v, depth + 1)]) };
    }
    if (value instanceof Set) return { s: [...value].map((item) => encode(item, depth + 1)) };
    if (typeof value.then === 'function') return { x: 'promise' };
    const entries = [];
    for (const key of keys(value)) entries.push([String(key), encode(value[key], depth + 1)]);
    return { o: entries };
  } catch (error) {
    return { x: `unreadable: ${error?.message}` };
  }
}

function decode(form) {
  if ('v' in form) return form.v;
  if ('u' in form) return undefined;
  if ('n' in form) return form.n === '-0' ? -0 : Number(form.n);
  if ('b' in form) return BigInt(form.b);
  if ('a' in form) return form.a.map(decode);
  if ('o' in form) return Object.fromEntries(form.o.map(([key, item]) => [key, decode(item)]));
  if ('m' in form) return new Map(form.m.map(([k, v]) => [decode(k), decode(v)]));
  if ('s' in form) return new Set(form.s.map(decode));
  if ('d' in form) return new Date(form.d);
  return undefined;
}

let lookup = () => undefined;

function load(code, names) {
  const file = resolve('candidate.js');
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n;return (passk$name) => eval(passk$name);\n})`,
    { filename: file },
  );
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(process.cwd());
  const require = (id) => module.require(id);
  require.resolve = (id) => Module._resolveFilename(id, module);
  const found = wrapper.call(module.exports, module.exports, require, module, file, process.cwd());
  if (typeof found === 'function') lookup = found;
  const defined = {};
  for (const name of names) {
    let value;
    try {
      if (lookup(`typeof ${name}`) === 'undefined') continue;
      value = lookup(name);
    } catch {
      continue;
    }
    defined[name] = typeof value === 'function' ? 'function' : encode(value, 0);
  }
  return defined;
}

function answer(message) {
  if (typeof message.load === 'string') return { names: load(message.load, message.names) };
  const fn = lookup(message.call);
  const result = fn(...message.args.map(decode));
  return { value: encode(result, 0) };
}

const lines = createInterface({ input: channel });
lines.on('line', (line) => {
  let reply;
  try {
    reply = answer(parse(line));
  } catch (error) {
    const name = error && typeof error.name === 'string' ? error.name : 'Error';
    const message = error && typeof error.message === 'string' ? error.message : String(error);
    reply = { error: { name, message: message.slice(0, 500) } };
  }
  send(reply);
});
