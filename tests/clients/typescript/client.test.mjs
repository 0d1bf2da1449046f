// The TypeScript client (clients/typescript, compiled into <build>/typescript/dist)
// against a live matchd over HTTP/JSON: admin calls, the registry, suggestions, an
// assignment run (waiting and as server-sent events), paging and typed errors.
//   AZM_MATCHD=build/bin/matchd AZM_TS_CLIENT=build/typescript/dist/index.js \
//     node --test tests/clients/typescript/

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { startMatchd } from "./matchd.mjs";

const azm = await import(pathToFileURL(process.env.AZM_TS_CLIENT).href);
const {
  createClient, items, pages, AzubimatchError, Code,
  Sector, Chamber, TravelMode, CefrLevel, SchoolCertificate, AssignMode,
} = azm;

const stuttgart = { latitude: 48.7758, longitude: 9.1829, municipality: "Stuttgart" };
const esslingen = { latitude: 48.7394, longitude: 9.3047, municipality: "Esslingen am Neckar" };
const baker = { kldbCode: "29302", title: "Bäcker/-in", sector: Sector.CRAFTS };

function candidate(name) {
  return {
    displayName: name,
    home: esslingen,
    travelLimitMinutes: 60,
    travelMode: TravelMode.PUBLIC_TRANSPORT,
    desiredOccupations: [{ kldbCode: "29302", sector: Sector.CRAFTS }],
    languages: [{ language: "de", level: CefrLevel.B2 }],
    schoolCertificate: SchoolCertificate.HAUPTSCHULABSCHLUSS,
    availableFrom: { year: 2027, month: 7, day: 1 },
  };
}

describe("TypeScript client against matchd", () => {
  let matchd;
  let admin;
  let officer;
  let memberId;

  before(async () => {
    matchd = await startMatchd(process.env.AZM_MATCHD);
    admin = createClient({ baseUrl: matchd.baseUrl, apiKey: matchd.adminKey });
    const member = await admin.admin.createMember({ name: "Netzwerk Stuttgart" });
    memberId = member.id;
    const key = await admin.admin.createApiKey({ memberId, role: "officer", label: "ts test" });
    assert.equal(key.info?.role, "officer");
    officer = createClient({ baseUrl: matchd.baseUrl, apiKey: key.key });
  });

  after(async () => {
    const { code, signal } = await matchd.stop();
    assert.ok(code === 0 || signal === "SIGTERM", `matchd ended with ${code} ${signal}`);
  });

  test("create, suggest, assign, get the run, accept a placement", async () => {
    const company = await officer.registry.createCompany({
      company: {
        name: "Bäckerei Yilmaz", sector: Sector.CRAFTS, location: stuttgart,
        languages: ["de", "tr"], mayTrain: true, chamber: Chamber.HWK, qualifiedTrainers: 1,
      },
    });
    assert.equal(company.id.length, 16);
    assert.equal(company.memberId, memberId);
    assert.equal(company.version, 1n);  // int64 as bigint

    const offer = await officer.registry.createOffer({
      offer: {
        companyId: company.id, seats: 1, occupation: baker,
        startDate: { year: 2027, month: 8, day: 1 }, location: stuttgart,
      },
    });
    const elif = await officer.registry.createCandidate({ candidate: candidate("Elif") });
    assert.equal((await officer.registry.getCandidate({ id: elif.id })).displayName, "Elif");

    const suggested = await officer.matching.suggestOffers({ candidateId: elif.id, k: 5 });
    assert.equal(suggested.suggestions[0]?.offerId, offer.id);
    assert.ok(suggested.suggestions[0].score > 0);

    const explanation = await officer.matching.explain({ candidateId: elif.id, offerId: offer.id });
    assert.equal(explanation.eligible, true);

    const run = await officer.matching.assign({ mode: AssignMode.OPTIMAL });
    assert.equal(run.placements.length, 1);
    assert.equal(run.placements[0].candidateId, elif.id);
    assert.equal(run.placements[0].offerId, offer.id);
    assert.ok(run.createdAt, "the stored run has its time");

    const stored = await officer.matching.getRun({ id: run.id });
    assert.equal(stored.id, run.id);
    assert.equal(stored.placements.length, 1);
    const listed = await officer.matching.listRuns({});
    assert.ok(listed.runs.some((r) => r.id === run.id));

    const placement = await officer.matching.acceptPlacement({
      candidateId: elif.id, offerId: offer.id, runId: run.id,
    });
    assert.equal(placement.status, azm.PlacementStatus.ACCEPTED);
    const placements = await officer.matching.listPlacements({ candidateId: elif.id });
    assert.deepEqual(placements.placements.map((p) => p.id), [placement.id]);
    // An enum filter goes out as a query parameter by name (status=PLACEMENT_STATUS_REJECTED).
    const rejected = await officer.matching.listPlacements({ status: azm.PlacementStatus.REJECTED });
    assert.deepEqual(rejected.placements, []);
    const accepted = await officer.matching.listPlacements({ status: azm.PlacementStatus.ACCEPTED });
    assert.deepEqual(accepted.placements.map((p) => p.id), [placement.id]);
  });

  test("assign streams progress and the run as server-sent events", async () => {
    const events = [];
    for await (const event of officer.matching.assignEvents({ mode: AssignMode.STABLE })) {
      events.push(event);
    }
    assert.ok(events.length >= 1);
    const last = events.at(-1);
    assert.equal(last.event.case, "run");
    assert.equal(last.event.value.mode, AssignMode.STABLE);
    for (const event of events.slice(0, -1)) assert.equal(event.event.case, "progress");
  });

  test("pages and items walk a list page by page", async () => {
    const names = ["Anna", "Bora", "Chiara", "Dilan", "Emre"];
    const imported = await officer.registry.import(
      names.map((name, i) => ({
        record: { case: "candidate", value: { ...candidate(name), externalId: `c-${i}` } },
      })),
    );
    assert.equal(imported.created, 5n);
    assert.equal(imported.failed, 0n);

    const sizes = [];
    for await (const page of pages(officer.registry.listCandidates, { pageSize: 2 })) {
      sizes.push(page.candidates.length);
    }
    // 5 imported + Elif from the first test (tests in a describe run in order).
    assert.deepEqual(sizes, [2, 2, 2]);
    const all = [];
    for await (const c of items(officer.registry.listCandidates, { pageSize: 4 })) all.push(c.displayName);
    assert.deepEqual(all.slice().sort(), [...names, "Elif"].sort());

    const byExternalId = await officer.registry.listCandidates({ externalId: "c-3" });
    assert.deepEqual(byExternalId.candidates.map((c) => c.displayName), ["Dilan"]);
  });

  test("a refused call is an AzubimatchError with code, status and field violations", async () => {
    const bad = { ...candidate("Zoe"), travelLimitMinutes: 999, home: { ...esslingen, latitude: 123 } };
    const error = await officer.registry.createCandidate({ candidate: bad }).then(
      () => assert.fail("matchd accepted an invalid candidate"), (e) => e);
    assert.ok(error instanceof AzubimatchError);
    assert.equal(error.code, Code.INVALID_ARGUMENT);
    assert.equal(error.codeName, "INVALID_ARGUMENT");
    assert.equal(error.httpStatus, 400);
    const fields = error.fieldViolations.map((v) => v.field).sort();
    assert.deepEqual(fields, ["candidate.home.latitude", "candidate.travel_limit_minutes"]);
    assert.ok(error.fieldViolations.every((v) => v.description.length > 0));

    const missing = await officer.registry.getOffer({ id: "0123456789abcdef" }).catch((e) => e);
    assert.equal(missing.code, Code.NOT_FOUND);
    assert.equal(missing.httpStatus, 404);

    const anonymous = createClient({ baseUrl: matchd.baseUrl });
    const refused = await anonymous.registry.listOffers().catch((e) => e);
    assert.equal(refused.code, Code.UNAUTHENTICATED);
    assert.equal(refused.httpStatus, 401);

    const noPath = await officer.matching.suggestOffers({ k: 5 }).catch((e) => e);
    assert.equal(noPath.code, Code.INVALID_ARGUMENT);
    assert.deepEqual(noPath.fieldViolations.map((v) => v.field), ["candidate_id"]);

    const stale = await officer.registry.listCompanies({});
    const company = stale.companies[0];
    const conflict = await officer.registry.deleteCompany({ id: company.id, version: company.version + 5n })
      .catch((e) => e);
    assert.equal(conflict.code, Code.FAILED_PRECONDITION);
    assert.equal(conflict.httpStatus, 412);
  });

  test("an unreachable server is UNAVAILABLE, an aborted call CANCELLED", async () => {
    const nowhere = createClient({ baseUrl: "http://127.0.0.1:1", apiKey: "x" });
    const error = await nowhere.registry.listOffers().catch((e) => e);
    assert.ok(error instanceof AzubimatchError);
    assert.equal(error.code, Code.UNAVAILABLE);
    const aborted = new AbortController();
    aborted.abort();
    const cancelled = await officer.registry.listOffers({}, { signal: aborted.signal }).catch((e) => e);
    assert.equal(cancelled.code, Code.CANCELLED);
  });
});
