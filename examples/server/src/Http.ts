/**
 * The handlers: each endpoint calls a core use case as the authenticated
 * user, within the user's district only. A record of another district is
 * answered 404, exactly like one that does not exist.
 */
import { HttpApiBuilder, HttpServerResponse } from "@effect/platform"
import { Caseload, CenterSettings, EmployerSearch, Erasure, type Ids, JobCenter, LocalDate, Monitoring, MonitoringDecision, Validation } from "@iljari/core"
import { TargetPlanning } from "@iljari/report"
import { Effect, Layer } from "effect"
import { splitVersion } from "./Forms.js"
import { idempotent, PurgeExpiredKeysLive } from "./Idempotent.js"
import { actor, managerOnly, permit } from "./Actor.js"
import { EligibilityLive } from "./EligibilityHttp.js"
import { EventsLive } from "./EventsHttp.js"
import { FieldWorkLive } from "./FieldWorkHttp.js"
import { FairsLive } from "./FairHttp.js"
import { MatchesLive } from "./MatchHttp.js"
import { ReportsLive } from "./ReportHttp.js"
import { Api } from "./Api.js"
import { Invalidation } from "./Invalidation.js"
import { targetsOf } from "./Settings.js"

const invalid = (path: string, message: string) =>
  new Validation.ValidationError({ subject: "TargetPace", issues: [new Validation.ValidationIssue({ path, message })] })

/**
 * Records just read from the store, answered as plain JSON. Their encoded
 * form differs from the decoded one only in DateTimes (whose `toJSON` is the
 * ISO string the schema encodes them to) and class wrappers, as store-sql's
 * json test proves for every stored schema, and the store decoded (checked)
 * each on reading: encoding them through the endpoint's schema would check
 * every rule again (a ledger of 1,400 checks: 50 ms). test/responses.test.ts
 * proves the bytes are the schema's encoding.
 */
export const storedJson = (body: unknown) => Effect.succeed(HttpServerResponse.unsafeJson(body))

const districtChanged = (districtId: Ids.DistrictId) => Effect.flatMap(Invalidation, (i) => i.districtChanged(districtId))

const page = (params: { readonly offset?: number | undefined; readonly limit?: number | undefined }) => ({
  offset: params.offset ?? 0,
  limit: params.limit ?? 100
})

// A paged list's answer: the page and where the next one starts (null on the last), which the schema encodes as a cursor.
const cursorPage = <A>(found: { readonly items: ReadonlyArray<A>; readonly total: number; readonly next: string | undefined }) => ({
  items: found.items,
  total: found.total,
  nextCursor: found.next ?? null
})

// `limit` and `cursor` of a paged list as the core's page: after the record the cursor names.
const keyset = (params: { readonly limit?: number | undefined; readonly cursor?: string | undefined }) => ({
  ...(params.limit === undefined ? {} : { limit: params.limit }),
  ...(params.cursor === undefined ? {} : { after: params.cursor })
})

// Only the criteria given: the core's filters take no undefined.
const given = <A extends Record<string, unknown>>(values: A) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))

// A paged search's handler: the query's criteria (those given) and page to the core's search, its page answered with nextCursor.
const pagedBy = <A, E, R>(
  search: (
    actor: JobCenter.Actor,
    criteria: unknown,
    page: { readonly limit?: number; readonly after?: string }
  ) => Effect.Effect<{ readonly items: ReadonlyArray<A>; readonly total: number; readonly next: string | undefined }, E, R>
) =>
({ urlParams }: { readonly urlParams: { readonly cursor?: string | undefined; readonly limit?: number | undefined } }) => {
  const { cursor, limit, ...criteria } = urlParams
  return Effect.flatMap(actor, (who) => Effect.map(search(who, given(criteria), keyset({ cursor, limit })), cursorPage))
}

// A call-list item as the API answers it: a phone not on record is left out, not null.
const callItem = (entry: JobCenter.LedgerItem) => ({
  value: entry.value,
  version: entry.version,
  ...(entry.seeker === undefined
    ? {}
    : {
      seeker: {
        id: entry.seeker.id,
        name: entry.seeker.name,
        ...(entry.seeker.phone === undefined ? {} : { phone: entry.seeker.phone }),
        version: entry.seeker.version
      }
    })
})

export const SeekersLive = HttpApiBuilder.group(Api, "seekers", (handlers) =>
  handlers
    .handle("list", ({ urlParams }) => Effect.flatMap(actor, (who) => Effect.flatMap(JobCenter.listSeekers(who, page(urlParams)), storedJson)))
    .handle("search", pagedBy(JobCenter.searchSeekers))
    .handle("get", ({ path }) => Effect.flatMap(actor, (who) => Effect.flatMap(JobCenter.getSeeker(who, path.id), storedJson)))
    .handle("register", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.registerSeeker(who, payload))))
    .handle("update", ({ path, payload }) =>
      Effect.flatMap(actor, (who) => JobCenter.updateSeeker(who, path.id, payload.version, splitVersion(payload).form)))
    .handle("counsel", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.logCounseling(who, payload))))
    .handle("caseload", ({ urlParams }) => {
      const { counselorId, ...slice } = urlParams
      return Effect.flatMap(actor, (who) => Effect.flatMap(Caseload.caseload(who, counselorId ?? who.counselorId, page(slice)), storedJson))
    })
    .handle("transfer", ({ path, payload }) => Effect.flatMap(actor, (who) => Caseload.transfer(who, path.id, payload)))
    .handle("close", ({ path, payload }) => Effect.flatMap(actor, (who) => Caseload.close(who, path.id, payload.version)))
    // After an erasure every server process drops the district's ranking index (see Invalidation.ts).
    .handle("erase", ({ path, payload }) =>
      Effect.zipRight(
        permit("erasure"),
        Effect.flatMap(actor, (who) => Effect.tap(Erasure.eraseSeeker(who, path.id, payload.reason), () => districtChanged(who.districtId)))
      ))
    .handle("retentionDue", () => Effect.zipRight(permit("erasure"), Effect.flatMap(actor, Erasure.retentionDue)))
    .handle("retentionSweep", () =>
      Effect.zipRight(
        permit("erasure"),
        Effect.flatMap(actor, (who) =>
          Effect.map(
            Effect.tap(Erasure.sweep(who), (erased) => (erased.length === 0 ? Effect.void : districtChanged(who.districtId))),
            (erased) => ({ erased })
          ))
      ))
)

export const EmployersLive = HttpApiBuilder.group(Api, "employers", (handlers) =>
  handlers
    .handle("listEmployers", ({ urlParams }) => Effect.flatMap(actor, (who) => JobCenter.listEmployers(who, page(urlParams))))
    .handle("registerEmployer", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.registerEmployer(who, payload))))
    .handle("searchEmployers", pagedBy(EmployerSearch.searchEmployers))
    .handle("listOpenings", ({ urlParams }) => Effect.flatMap(actor, (who) => JobCenter.listOpenings(who, page(urlParams))))
    .handle("searchOpenings", pagedBy(EmployerSearch.searchOpenings))
    .handle("registerOpening", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.registerOpening(who, payload))))
)

export const CasesLive = HttpApiBuilder.group(Api, "cases", (handlers) =>
  handlers
    .handle("propose", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.proposeReferral(who, payload))))
    .handle("move", ({ path, payload }) =>
      Effect.flatMap(actor, (who) =>
        JobCenter.moveReferral(who, { referralId: path.id, to: payload.to, expectedVersion: payload.version })))
    .handle("listReferrals", pagedBy(JobCenter.listReferrals))
    .handle("getReferral", ({ path }) => Effect.flatMap(actor, (who) => JobCenter.getReferral(who, path.id)))
    .handle("listPlacements", pagedBy(JobCenter.listPlacements))
    .handle("getPlacement", ({ path }) => Effect.flatMap(actor, (who) => JobCenter.getPlacement(who, path.id)))
    .handle("place", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => JobCenter.recordPlacement(who, payload))))
    .handle("calls", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const { counselorId, group, cursor, limit } = urlParams
        if (counselorId !== undefined && counselorId !== who.counselorId) yield* managerOnly
        const found = yield* JobCenter.followUpCalls(who, group, keyset({ cursor, limit }), counselorId ?? who.counselorId)
        return cursorPage({ ...found, items: found.items.map(callItem) })
      }))
    .handle("ledger", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        if (urlParams.counselorId !== undefined && urlParams.counselorId !== who.counselorId) yield* managerOnly
        const ledger = yield* JobCenter.followUpCallList(who, urlParams.counselorId ?? who.counselorId)
        return yield* storedJson({
          ...ledger,
          dueToday: ledger.dueToday.map(callItem),
          overdue: ledger.overdue.map(callItem),
          upcoming: ledger.upcoming.map(callItem),
          done: ledger.done.map(callItem),
          cancelled: ledger.cancelled.map(callItem),
          onTimeRate: ledger.onTimeRate ?? null
        })
      }))
    .handle("recordFollowUp", ({ path, payload }) =>
      Effect.flatMap(actor, (who) =>
        JobCenter.recordFollowUp(who, { checkId: path.id, expectedVersion: payload.version, result: splitVersion(payload).form })))
)

export const ReviewLive = HttpApiBuilder.group(Api, "review", (handlers) =>
  handlers
    .handle("results", ({ urlParams }) => Effect.flatMap(actor, (who) => JobCenter.results(who, urlParams)))
    .handle("pace", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const { period, year, ...targets } = urlParams
        const defined = Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== undefined))
        // Without targets in the query, the district's own (its settings) are read.
        const chosen = Object.keys(defined).length === 0 ? targetsOf(who.districtId) : defined
        const readings = yield* JobCenter.targetPace(who, { year, period, targets: chosen }).pipe(
          Effect.catchTags({
            InvalidPlan: (e) => Effect.fail(invalid(e.field, e.reason)),
            InvalidSplit: (e) => Effect.fail(invalid("targets", e.reason))
          })
        )
        return readings.map((r) => ({ metric: r.metric, pace: r.pace, projection: r.projection }))
      }))
    .handle("plan", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const { growth, roundTo, year } = urlParams
        return yield* TargetPlanning.planFromLastYear(who.districtId, {
          year,
          // The growth the district set for its plans, unless the query asks for another.
          growthPercent: growth ?? (yield* CenterSettings.effective(who.districtId, yield* JobCenter.Config)).growthPercent,
          roundTo,
          current: targetsOf(who.districtId)
        }).pipe(
          Effect.catchTags({
            InvalidPlan: (e) => Effect.fail(invalid(e.field, e.reason)),
            InvalidSplit: (e) => Effect.fail(invalid("targets", e.reason))
          })
        )
      }))
    .handle("monitoring", ({ urlParams }) =>
      Effect.gen(function*() {
        yield* permit("monitoring.read")
        const reviewed = yield* MonitoringDecision.review(yield* actor, urlParams)
        return reviewed.map(({ decision, finding, key }) => ({
          key,
          ...finding,
          description: Monitoring.describe(finding),
          ...(decision === undefined ? {} : { decision })
        }))
      }))
    .handle("decide", ({ path, payload }) =>
      Effect.gen(function*() {
        yield* permit("monitoring.read")
        const { version, ...decision } = payload
        return yield* MonitoringDecision.decide(yield* actor, {
          ...decision,
          key: path.key,
          ...(version === undefined ? {} : { expectedVersion: version })
        })
      }))
    .handle("audit", ({ urlParams }) =>
      Effect.gen(function*() {
        yield* permit("audit.read")
        const { cursor, from, limit, offset, subjectId, to } = urlParams
        const found = yield* JobCenter.auditPage(yield* actor, {
          ...keyset({ cursor, limit }),
          ...(subjectId === undefined ? {} : { subjectId }),
          ...(offset === undefined ? {} : { offset }),
          ...(from === undefined ? {} : { from: LocalDate.startInKorea(from) }),
          ...(to === undefined ? {} : { before: LocalDate.startInKorea(LocalDate.addDays(to, 1)) })
        })
        return { items: found.items, nextCursor: found.next ?? null }
      }))
)

export const HandlersLive = Layer.mergeAll(
  SeekersLive,
  EmployersLive,
  CasesLive,
  ReviewLive,
  MatchesLive,
  EligibilityLive,
  FairsLive,
  EventsLive,
  FieldWorkLive,
  ReportsLive,
  PurgeExpiredKeysLive
)
