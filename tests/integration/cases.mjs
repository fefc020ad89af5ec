// The declarative API case format (tests/integration/cases/*.cases): parsing a line and checking a
// response against it. The syntax is described in tests/integration/cases/README.md; the runner is
// declarative.test.mjs.
//
//   METHOD PATH as USER [BODY] -> STATUS [CHECK …] [=> NAME=PATH …]

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Splits on white space, keeping "quoted strings" (with \ escapes) and [...] / {...} / (...) groups whole. */
export function tokenize(text) {
  const out = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      cur += ch;
      if (ch === '\\' && i + 1 < text.length) cur += text[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if ('[{('.includes(ch)) depth++;
    else if (']})'.includes(ch)) depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (quoted || depth !== 0) throw new Error(`unbalanced quotes or brackets in: ${text}`);
  if (cur) out.push(cur);
  return out;
}

/** "a.b[0].c", "items[*].id", "details[?].field" → ['a', 'b', 0, 'c'] (with '*' / '?' as steps). */
export function parsePath(path) {
  if (path === '' || path === '.') return [];
  const steps = [];
  const re = /([^.[\]]+)|\[(\d+|\*|\?|-1)\]/g;
  let m;
  let at = 0;
  while ((m = re.exec(path))) {
    const between = path.slice(at, m.index);
    if (between !== '' && between !== '.') throw new Error(`bad JSON path: ${path}`);
    steps.push(m[1] !== undefined ? m[1] : /^-?\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
    at = re.lastIndex;
  }
  if (at !== path.length) throw new Error(`bad JSON path: ${path}`);
  return steps;
}

/** The values a path reaches: one for a plain path, every element's for [*] / [?] (with their quantifier). */
function reach(value, steps) {
  let quant = null;
  let values = [value];
  for (const step of steps) {
    if (step === '*' || step === '?') {
      if (quant) throw new Error('one [*] or [?] per path');
      quant = step;
      values = values.flatMap((v) => (Array.isArray(v) ? v : [undefined]));
      continue;
    }
    values = values.map((v) => {
      if (v === null || typeof v !== 'object') return undefined;
      if (typeof step === 'number' && Array.isArray(v)) return v.at(step);
      return Object.prototype.hasOwnProperty.call(v, step) ? v[step] : undefined;
    });
  }
  return { quant, values };
}

/** A literal: JSON when it parses (numbers, true, null, "strings", [..], {..}), else the bare text. */
export function literal(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

const COMPARE = {
  '=': (a, e) => deepEqual(a, e),
  '!=': (a, e) => a !== undefined && !deepEqual(a, e),
  '>=': (a, e) => typeof a === 'number' && a >= e,
  '<=': (a, e) => typeof a === 'number' && a <= e,
  '>': (a, e) => typeof a === 'number' && a > e,
  '<': (a, e) => typeof a === 'number' && a < e,
  '~': (a, e) => typeof a === 'string' && new RegExp(e).test(a),
};

/** One CHECK token → { text, path, len, op, expected } (op 'exists' / 'absent' take no value). */
export function parseCheck(token) {
  if (token.startsWith('!')) return { text: token, path: parsePath(token.slice(1)), op: 'absent' };
  const m = /^(len\(([^)]*)\)|[^!=<>~]+)(!=|>=|<=|=|>|<|~)(.*)$/s.exec(token);
  if (!m) {
    if (token === 'exists' || token === 'absent') throw new Error(`"${token}" alone: write PATH for "exists", !PATH for "absent"`);
    return { text: token, path: parsePath(token), op: 'exists' };
  }
  const len = m[2] !== undefined;
  const path = parsePath(len ? m[2] : m[1]);
  const op = m[3];
  const expected = literal(m[4]);
  if (['>=', '<=', '>', '<'].includes(op) && typeof expected !== 'number') throw new Error(`${token}: ${op} compares numbers`);
  if (op === '~') new RegExp(expected); // a bad pattern is a parse error, not a failing case
  return { text: token, path, len, op, expected };
}

/** Checks one parsed CHECK against a response body; returns null or what was wrong. */
export function runCheck(check, body) {
  const { quant, values } = reach(body, check.path);
  const test = (v) => {
    if (check.op === 'exists') return v !== undefined;
    if (check.op === 'absent') return v === undefined;
    const actual = check.len ? (Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : undefined) : v;
    return COMPARE[check.op](actual, check.expected);
  };
  if (quant === '*') {
    if (values.length === 0) return `${check.text}: the list is empty ([*] never passes vacuously)`;
    const bad = values.findIndex((v) => !test(v));
    return bad < 0 ? null : `${check.text}: element ${bad} is ${show(values[bad])}`;
  }
  if (quant === '?') {
    return values.some(test) ? null : `${check.text}: no element matches; the elements are ${show(values).slice(0, 400)}`;
  }
  const v = values[0];
  if (test(v)) return null;
  const actual = check.len && v !== undefined ? `${show(v).slice(0, 200)} (length ${v?.length ?? Object.keys(v ?? {}).length})` : show(v).slice(0, 400);
  return `${check.text}: actual ${actual}`;
}

/** Replaces {name} with the variable's text; an unknown name is an error naming it. */
export function substitute(text, vars) {
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
    if (!(name in vars)) throw new Error(`variable {${name}} is not set (the line that captures it failed or comes later)`);
    const v = vars[name];
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

/**
 * One line → a case, or null for a blank line or a comment. Variables are substituted when the case
 * runs (see prepare), so only the shape is checked here.
 */
export function parseLine(line) {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return null;
  const arrow = text.indexOf(' -> ');
  if (arrow < 0) throw new Error('no " -> " between the request and the expectation');
  const request = text.slice(0, arrow).trim();
  const m = /^(\S+)\s+(\S+)\s+as\s+(\S+)(?:\s+(.*))?$/s.exec(request);
  if (!m) throw new Error('the request must read METHOD PATH as USER [BODY]');
  const [, method, path, user, body] = m;
  if (!METHODS.has(method)) throw new Error(`unknown method ${method}`);
  if (!path.startsWith('/')) throw new Error(`the path must start with /: ${path}`);
  let expect = text.slice(arrow + 4).trim();
  let captures = '';
  const cap = expect.indexOf(' => ');
  if (cap >= 0) {
    captures = expect.slice(cap + 4);
    expect = expect.slice(0, cap);
  }
  const [status, ...checks] = tokenize(expect);
  if (!/^\d{3}$/.test(status || '')) throw new Error(`the expectation must start with a status code, not ${status}`);
  return {
    method, path, user, body: body?.trim() || undefined, status: Number(status),
    checks, // still text: they may hold {variables}
    captures: tokenize(captures).map((c) => {
      const eq = c.indexOf('=');
      if (eq < 1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.slice(0, eq))) throw new Error(`a capture reads NAME=PATH, not ${c}`);
      return { name: c.slice(0, eq), path: parsePath(c.slice(eq + 1)), text: c };
    }),
  };
}

/** A case with its variables filled in: { path, body (text to send or undefined), checks (parsed) }. */
export function prepare(c, vars) {
  let body;
  if (c.body !== undefined) {
    const filled = substitute(c.body, vars);
    if (filled.startsWith('raw ')) body = filled.slice(4);
    else {
      try {
        JSON.parse(filled);
      } catch (e) {
        throw new Error(`the body is not JSON (write "raw …" to send malformed text on purpose): ${e.message}`);
      }
      body = filled;
    }
  }
  return { path: substitute(c.path, vars), body, checks: c.checks.map((t) => parseCheck(substitute(t, vars))) };
}

/** Reads the captures of a response into vars; returns what could not be captured. */
export function capture(c, body, vars) {
  const missing = [];
  for (const cap of c.captures) {
    const { quant, values } = reach(body, cap.path);
    if (quant || values[0] === undefined) missing.push(`${cap.text}: nothing there`);
    else vars[cap.name] = values[0];
  }
  return missing;
}
