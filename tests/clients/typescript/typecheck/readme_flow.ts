// Compiled (never run) by ctest typescript_client_typecheck_test: the README's flow and
// the package README's examples must type-check against the built client, and misuse
// (unknown fields, unknown RPCs, wrong enum values) must not.
import {
  AssignMode, AzubimatchError, CefrLevel, Chamber, Code, createClient, items, pages,
  SchoolCertificate, Sector, TravelMode, type Run,
} from "@azubimatch/client";

export async function readmeFlow(apiKey: string): Promise<Run> {
  const azm = createClient({ baseUrl: "http://127.0.0.1:8080", apiKey });
  const stuttgart = { latitude: 48.7758, longitude: 9.1829, municipality: "Stuttgart" };
  const company = await azm.registry.createCompany({ company: {
    name: "Bäckerei Yilmaz", sector: Sector.CRAFTS, location: stuttgart, languages: ["de", "tr"],
    mayTrain: true, chamber: Chamber.HWK, qualifiedTrainers: 1 } });
  const offer = await azm.registry.createOffer({ offer: {
    companyId: company.id, seats: 1, location: stuttgart,
    occupation: { kldbCode: "29302", title: "Bäcker/-in", sector: Sector.CRAFTS },
    startDate: { year: 2027, month: 8, day: 1 } } });
  const elif = await azm.registry.createCandidate({ candidate: {
    displayName: "Elif", travelLimitMinutes: 60, travelMode: TravelMode.PUBLIC_TRANSPORT,
    home: { latitude: 48.7394, longitude: 9.3047, municipality: "Esslingen am Neckar" },
    desiredOccupations: [{ kldbCode: "29302", sector: Sector.CRAFTS }],
    languages: [{ language: "de", level: CefrLevel.B2 }],
    schoolCertificate: SchoolCertificate.HAUPTSCHULABSCHLUSS,
    availableFrom: { year: 2027, month: 7, day: 1 } } });
  const { suggestions } = await azm.matching.suggestOffers({ candidateId: elif.id, k: 5 });
  const score: number = suggestions[0].score;
  const offerId: string = suggestions[0].offerId;
  const run = await azm.matching.assign({ mode: AssignMode.OPTIMAL });
  for await (const e of azm.matching.assignEvents({ mode: AssignMode.STABLE })) {
    if (e.event.case === "progress") console.log(e.event.value.done, e.event.value.total);
    if (e.event.case === "run") console.log(e.event.value.placements.length);
  }
  for await (const c of items(azm.registry.listCandidates, { pageSize: 200 })) {
    const name: string = c.displayName;
    console.log(name);
  }
  for await (const page of pages(azm.matching.listRuns, { pageSize: 20 })) console.log(page.runs.length);
  const imported = await azm.registry.import([{ record: { case: "company", value: { name: "x" } } }]);
  const created: bigint = imported.created;
  try {
    await azm.registry.getCandidate({ id: offer.id });
  } catch (e) {
    if (e instanceof AzubimatchError && e.code === Code.INVALID_ARGUMENT) {
      for (const v of e.fieldViolations) console.log(v.field, v.description);
    }
  }
  // @ts-expect-error: GetRecordRequest has no field idd
  await azm.registry.getCandidate({ idd: "x" });
  // @ts-expect-error: Registry has no RPC getRun
  await azm.registry.getRun({ id: run.id });
  // @ts-expect-error: a TravelMode is not a Sector
  await azm.registry.createCompany({ company: { sector: TravelMode.PUBLIC_TRANSPORT } });
  console.log(score, offerId, created);
  return run;
}
