// Runs every tests/integration/cases/*.cases file against ONE real server on the demo database:
// each file is a test, each case line a subtest named file:line and the line itself. Lines of a
// file run in order and share the variables they capture; files share the database, so each file
// works on its own projects. The syntax is in tests/integration/cases/README.md.
//
//   node --test tests/integration/declarative.test.mjs
//   CASES=stale node --test tests/integration/declarative.test.mjs   # only files whose name has "stale"
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, login, api, anonymous, TODAY, stopCleanly } from './server.mjs';
import { parseLine, prepare, runCheck, capture, substitute } from './cases.mjs';

const DIR = new URL('./cases/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.cases') && (!process.env.CASES || f.includes(process.env.CASES))).sort();

let srv;
const callers = new Map(); // USER → request function; logged in once

before(async () => {
  srv = await startServer();
});
after(() => stopCleanly(srv));

async function caller(user) {
  if (!callers.has(user)) {
    if (user === '-') callers.set(user, anonymous(srv.base));
    else if (user.startsWith('token:')) callers.set(user, api(srv.base, user.slice(6)));
    else callers.set(user, api(srv.base, await login(srv.base, user)));
  }
  return callers.get(user);
}

const brief = (body) => {
  const text = Buffer.isBuffer(body) ? `(${body.length} bytes, not JSON)` : JSON.stringify(body);
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
};

for (const file of files) {
  const lines = readFileSync(new URL(file, DIR), 'utf8').split('\n');
  test(file, async (t) => {
    const vars = { TODAY };
    let cases = 0;
    for (let i = 0; i < lines.length; i++) {
      const where = `${file}:${i + 1}`;
      let c;
      try {
        c = parseLine(lines[i]);
      } catch (e) {
        await t.test(`${where}  ${lines[i].trim()}`, () => assert.fail(`${where}: cannot read the line: ${e.message}`));
        continue;
      }
      if (!c) continue;
      cases++;
      await t.test(`${where}  ${lines[i].trim()}`, async () => {
        let p;
        try {
          p = prepare(c, vars);
        } catch (e) {
          assert.fail(`${where}: ${e.message}`);
        }
        const call = await caller(substitute(c.user, vars));
        const r = await call(c.method, p.path, p.body, p.body === undefined ? {} : { 'Content-Type': 'application/json' });
        const wrong = [];
        if (r.status !== c.status) wrong.push(`status: expected ${c.status}, actual ${r.status}`);
        for (const check of p.checks) {
          const w = runCheck(check, r.body);
          if (w) wrong.push(w);
        }
        if (r.status === c.status) wrong.push(...capture(c, r.body, vars));
        if (wrong.length) {
          assert.fail(`${where}: ${c.method} ${p.path} as ${c.user}\n  ${wrong.join('\n  ')}\n  response ${r.status}: ${brief(r.body)}`);
        }
      });
    }
    assert.ok(cases > 0, `${file} has no cases`);
  });
}
