// Issue 15's parts joined (on the demo, over HTTP): a signed lead becomes or links to a ledger
// project with the same builder code and chain (journaled; a project is one lead's, one outside the
// caller's scope a 404); the ledger's chain is a reference (chain_id) and the text beside it its
// name; a promotion event names leads of its own region (422 naming lead_ids[i]) and the lead page
// lists the events it came from; GET /leads and the summary narrow to ?chain= (a chain's id).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, stopCleanly, login, api, TODAY } from './server.mjs';
import { addDays } from './clock.mjs';

let srv, dong, guan, leader;

before(async () => {
  srv = await startServer();
  dong = api(srv.base, await login(srv.base, 'dongezb'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  leader = api(srv.base, await login(srv.base, 'leader'));
});
after(async () => { if (srv) await stopCleanly(srv); });

// A valid 统一社会信用代码 (GB 32100-2015) from its first 17 characters.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(first17) {
  const sum = [...first17].reduce((s, ch, i) => s + CHARS.indexOf(ch) * WEIGHTS[i], 0);
  return first17 + CHARS[(31 - (sum % 31)) % 31];
}

const day = (n) => addDays(TODAY, -n);

async function chainsOf(who, region) {
  const r = await who('GET', `/chains?region=${region}&as_of=${TODAY}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

// A new 冠县 lead walked to 签约; returns {id, version}.
async function signedLead(body) {
  const made = await guan('POST', '/leads', { region_code: '371525', created_on: day(60), ...body });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  let { id, version } = made.body;
  for (const [step, n] of [['negotiating', 50], ['signed', 40]]) {
    const r = await guan('POST', `/leads/${id}/steps`, { version, step, dated_on: day(n), contract_no: 'GX-L-' + id });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    version = r.body.version;
  }
  return { id, version };
}

async function newProject(who, county, code, extra = {}) {
  const r = await who('POST', '/projects', {
    code, name: '项目' + code, county_code: county, category: 'industrial', level: 'county', kind: 'new',
    track: 'implementation', stage: 'signed', ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('a signed lead becomes a project with the investor’s credit code and the lead’s chain, journaled', async () => {
  const [chain] = await chainsOf(guan, '371525');
  assert.ok(chain, 'the demo has a chain in 冠县');
  const code = creditCode('91371525MA3D1234X');
  const { id, version } = await signedLead({ title: '冠县精密轴承项目', investor_name: '山东某轴承有限公司',
    investor_credit_code: code, chain_id: chain.id, expected_investment: 150000000 });
  const made = await guan('POST', `/leads/${id}/project`, { version, code: 'GXLINK-01' });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  const project = (await guan('GET', `/projects/${made.body.project_id}`)).body;
  assert.equal(project.builder, '山东某轴承有限公司');
  assert.equal(project.builder_code, code);
  assert.equal(project.chain_id, chain.id);
  assert.equal(project.chain, chain.name, 'the text beside the reference is the chain’s name');
  const journal = (await guan('GET', `/projects/${project.id}/journal`)).body.items;
  assert.ok(journal.some((e) => e.action === 'create' && JSON.stringify(e.changes).includes(code)), JSON.stringify(journal));
});

test('a lead linking to an existing project gives it its builder code and chain; one lead a project; scope 404', async () => {
  const chains = await chainsOf(guan, '371525');
  const chain = chains[chains.length - 1];
  const project = await newProject(guan, '371525', 'GXLINK-02', { builder: '原建设单位' });
  assert.equal((await guan('GET', `/projects/${project.id}`)).body.chain_id, null);
  const code = creditCode('91371525MA3D5678Y');
  const { id, version } = await signedLead({ title: '冠县钢球扩能', investor_name: '冠县某钢球公司',
    investor_credit_code: code, chain_id: chain.id });
  // Linked by the step's project_id.
  const linked = await guan('POST', `/leads/${id}/steps`, { version, step: 'registered', dated_on: day(30), project_id: project.id });
  assert.equal(linked.status, 200, JSON.stringify(linked.body));
  assert.equal(linked.body.project_id, project.id);
  const after = (await guan('GET', `/projects/${project.id}`)).body;
  assert.equal(after.builder_code, code);
  assert.equal(after.chain_id, chain.id);
  assert.equal(after.chain, chain.name);
  assert.equal(after.version, project.version + 1, 'through the ledger’s versioned update');
  const journal = (await guan('GET', `/projects/${project.id}/journal`)).body.items;
  assert.ok(journal.some((e) => e.action === 'update' && e.changes.some((c) => c.field === 'builder_code')), JSON.stringify(journal));

  // Another lead cannot hold the same project (create, update, a step): 422 on project_id.
  const other = await guan('POST', '/leads', { title: '另一条线索', region_code: '371525', investor_name: '某公司', project_id: project.id });
  assert.equal(other.status, 422, JSON.stringify(other.body));
  assert.equal(other.body.error.details[0].field, 'project_id');
  const second = await guan('POST', '/leads', { title: '另一条线索', region_code: '371525', investor_name: '某公司' });
  assert.equal(second.status, 201);
  const patch = await guan('PATCH', `/leads/${second.body.id}`, { version: second.body.version, project_id: project.id });
  assert.equal(patch.status, 422);
  assert.match(patch.body.error.details[0].reason, /attraction.project_held/);
  // A project outside the caller's scope (东阿县) reads as missing.
  const donge = (await dong('GET', '/projects?region=371524&limit=1')).body.items[0];
  const outside = await guan('PATCH', `/leads/${second.body.id}`, { version: second.body.version, project_id: donge.id });
  assert.equal(outside.status, 404, JSON.stringify(outside.body));
  assert.equal((await guan('PATCH', `/leads/${second.body.id}`, { version: second.body.version, project_id: 99999999 })).status, 404);
  // The lead that holds it may be saved again (its own project is not "another lead's").
  const self = (await guan('GET', `/leads/${id}`)).body;
  const again = await guan('PATCH', `/leads/${id}`, { version: self.version, project_id: project.id, note: '复核' });
  assert.equal(again.status, 200, JSON.stringify(again.body));
});

test('the ledger’s chain is a reference: chain_id sets the name beside it; another county’s chain is refused', async () => {
  const [own] = await chainsOf(dong, '371524');
  const [theirs] = await chainsOf(guan, '371525');
  const p = await newProject(dong, '371524', 'DELINK-01', { chain_id: own.id });
  assert.equal(p.chain, own.name);
  const read = async () => (await dong('GET', `/projects/${p.id}`)).body;
  assert.equal((await read()).chain_id, own.id);
  const bad = await dong('PATCH', `/projects/${p.id}`, { version: p.version, chain_id: theirs.id });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, 'chain_id');
  const cleared = await dong('PATCH', `/projects/${p.id}`, { version: p.version, chain_id: null });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.equal(cleared.body.chain, '');
  assert.equal((await read()).chain_id, null);
  // An older client sending only the text finds the chain of that name in the county.
  const named = await dong('PATCH', `/projects/${p.id}`, { version: cleared.body.version, chain: own.name });
  assert.equal(named.status, 200);
  assert.equal((await read()).chain_id, own.id);
});

test('GET /leads and the summary narrow to ?chain= (a chain id)', async () => {
  const [chain] = await chainsOf(guan, '371525');
  const { id } = await signedLead({ title: '链上线索', investor_name: '链上公司', chain_id: chain.id, expected_investment: 200000000 });
  const all = (await guan('GET', `/leads?region=371525&as_of=${TODAY}`)).body.items;
  const on = (await guan('GET', `/leads?region=371525&as_of=${TODAY}&chain=${chain.id}`)).body.items;
  assert.ok(on.some((l) => l.id === id));
  assert.ok(on.every((l) => l.chain_id === chain.id));
  assert.ok(on.length < all.length, 'the filter narrows');
  const sum = (await guan('GET', `/attraction/summary?region=371525&as_of=${TODAY}&chain=${chain.id}`)).body;
  const total = Object.values(sum.leads_by_step).reduce((a, b) => a + b, 0);
  assert.equal(total, on.length);
  assert.equal(sum.signed_count, on.filter((l) => ['signed', 'registered', 'started', 'operating'].includes(l.step)).length);
  assert.equal((await guan('GET', '/leads?region=371525&chain=abc')).status, 400);
});

test('a promotion event names leads of its own region; the lead page lists the events it came from', async () => {
  const own = (await leader('GET', `/leads?region=371524&as_of=${TODAY}`)).body.items;
  const guanLead = (await guan('GET', `/leads?region=371525&as_of=${TODAY}`)).body.items[0];
  const body = { held_on: day(3), destination_city: '杭州市', kind: 'industry_topic', companies_met: [{ name: '杭州某公司' }] };
  const foreign = await leader('POST', '/promotion-events', { ...body, lead_ids: [own[0].id, guanLead.id] });
  assert.equal(foreign.status, 422, JSON.stringify(foreign.body));
  const d = foreign.body.error.details;
  assert.equal(d.length, 1);
  assert.equal(d[0].field, 'lead_ids[1]');
  assert.match(d[0].reason, /event.lead_of_region/);
  const missing = await leader('POST', '/promotion-events', { ...body, lead_ids: [99999999] });
  assert.equal(missing.status, 422);
  assert.equal(missing.body.error.details[0].field, 'lead_ids[0]');
  const made = await leader('POST', '/promotion-events', { ...body, lead_ids: [own[0].id] });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.deepEqual(made.body.leads, [{ id: own[0].id, title: own[0].title }]);
  const lead = (await leader('GET', `/leads/${own[0].id}`)).body;
  const seen = lead.events.find((e) => e.id === made.body.id);
  assert.ok(seen, JSON.stringify(lead.events));
  assert.equal(seen.destination_city, '杭州市');
  assert.equal(seen.held_on, day(3));
  // Changing the event: a new lead of another county is refused too.
  const upd = await leader('PATCH', `/promotion-events/${made.body.id}`, { version: made.body.version, lead_ids: [own[0].id, guanLead.id] });
  assert.equal(upd.status, 422);
  assert.equal(upd.body.error.details[0].field, 'lead_ids[1]');
});
