/**
 * The HTTP contract of the example district server: every endpoint, its
 * inputs, its answers and the errors it may give, from which the handlers,
 * the OpenAPI document (`/openapi.json`) and typed clients are derived.
 *
 * Forms are accepted as JSON and decoded by the core use cases, so a bad form
 * gets the core's `ValidationError` — every field named with its rule — and
 * fields the model does not keep are refused rather than dropped.
 *
 * A write that must not overwrite someone else's change names the `version`
 * of the record it read, always in the request body. Every error answer has
 * one shape (`Error`, see `ApiErrors.ts`).
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import {
  Audit,
  Caseload,
  Counseling,
  Employer,
  Erasure,
  FollowUp,
  Ids,
  JobCenter,
  LocalDate,
  Monitoring,
  Opening,
  Placement,
  Referral,
  Seeker,
  Targets
} from "@iljari/core"
import { TargetPlanning } from "@iljari/report"
import { Schema, Struct } from "effect"
import { AdminApi, AuthApi, MeApi } from "./AccessApi.js"
import { Authentication, ForbiddenAnswer } from "./Caller.js"
import { EligibilityApi } from "./EligibilityApi.js"
import { EventsApi } from "./EventsApi.js"
import { FairsApi } from "./FairApi.js"
import * as E from "./ApiErrors.js"
import { documentEdge } from "./Edge.js"
import { form, versionedForm } from "./Forms.js"
import { MatchesApi } from "./MatchApi.js"
import { doc, Page, Version, Year, Count, decimal, integer } from "./Params.js"
import { ReportsApi } from "./ReportApi.js"

export { Authentication, CurrentUser, Forbidden, sessionCookie, Unauthorized, User } from "./Caller.js"

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

const versioned = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.Struct({
    value: schema,
    version: Schema.Int.annotations({ description: "The record's version: send it back as `version` with a change" })
  }).annotations({ identifier })

const SeekerRecord = versioned(Seeker.Seeker, "VersionedSeeker")
const EmployerRecord = versioned(Employer.Employer, "VersionedEmployer")
const OpeningRecord = versioned(Opening.Opening, "VersionedOpening")
const CounselingRecord = versioned(Counseling.Counseling, "VersionedCounseling")
const ReferralRecord = versioned(Referral.Referral, "VersionedReferral")
const PlacementRecord = versioned(Placement.Placement, "VersionedPlacement")
/** A follow-up check with its version, which recording it needs. */
export const CheckRecord = versioned(FollowUp.Check, "VersionedFollowUpCheck")

const seekerFormFields = Struct.omit(Seeker.fields, "id", "districtId", "registeredAt", ...Seeker.centerFields)
const SeekerForm = form("SeekerForm", Schema.Struct(seekerFormFields))
const SeekerUpdateForm = versionedForm("SeekerUpdateForm", Schema.Struct(seekerFormFields))
const EmployerForm = form("EmployerForm", Schema.Struct(Struct.omit(Employer.Employer.fields, "id", "districtId", "registeredAt")))
const OpeningForm = form("OpeningForm", Opening.Opening)
const CounselingForm = form("CounselingForm", JobCenter.CounselingRequest)
const PlacementForm = form("PlacementForm", JobCenter.PlacementRequest)
const FollowUpResultForm = versionedForm("FollowUpResultForm", FollowUp.Result)

const Period = Schema.Struct({
  from: LocalDate.LocalDate.annotations({ description: "The first day, YYYY-MM-DD" }),
  to: LocalDate.LocalDate.annotations({ description: "The last day, YYYY-MM-DD, included" })
})

const SeekerPath = Schema.Struct({ id: Ids.SeekerId })

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

export class SeekersApi extends HttpApiGroup.make("seekers")
  .add(
    HttpApiEndpoint.get("list", "/seekers")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(SeekerRecord))
      .annotateContext(doc(
        "List seekers",
        "The district's seekers with their versions, a page at a time (offset, limit: 100 by default). Every seeker shown is written to the access log."
      ))
  )
  .add(
    HttpApiEndpoint.get("get", "/seekers/:id")
      .setPath(SeekerPath)
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .annotateContext(doc("Read a seeker", "One seeker of the district with its version; another district's seeker is a 404. Logged."))
  )
  .add(
    HttpApiEndpoint.post("register", "/seekers")
      .setPayload(SeekerForm)
      .addSuccess(SeekerRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.DuplicateSeeker)
      .annotateContext(doc(
        "Register a seeker",
        "Registers a job seeker (구직등록) with the caller as their counselor. The same name with the same phone or birth date as a registered seeker is a 409 DuplicateSeeker naming the existing id."
      ))
  )
  .add(
    HttpApiEndpoint.put("update", "/seekers/:id")
      .setPath(SeekerPath)
      .setPayload(SeekerUpdateForm)
      .addSuccess(SeekerRecord)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.DuplicateSeeker)
      .annotateContext(doc(
        "Update a seeker",
        "Replaces the seeker's form with the body, which also names the version it is based on (`version`); a stale version is a 409 StaleVersion."
      ))
  )
  .add(
    HttpApiEndpoint.post("counsel", "/counseling")
      .setPayload(CounselingForm)
      .addSuccess(CounselingRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc("Log a counseling session", "Logs a counseling session (상담) the caller held with a seeker; it reopens a closed case."))
  )
  .add(
    HttpApiEndpoint.get("caseload", "/caseload")
      .setUrlParams(Schema.Struct({
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Whose caseload (managers); your own by default" })),
        ...Page.fields
      }))
      .addSuccess(Schema.Array(SeekerRecord))
      .annotateContext(doc(
        "A counselor's caseload",
        "A counselor's caseload (담당 사례): the seekers they are responsible for — your own, or a named counselor's for a manager"
      ))
  )
  .add(
    HttpApiEndpoint.put("transfer", "/seekers/:id/counselor")
      .setPath(SeekerPath)
      .setPayload(Caseload.TransferRequest)
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc(
        "Transfer a seeker",
        "Makes another counselor responsible for the seeker (담당자 이관), with a reason code (workload, leave, request, specialty or other) and the seeker's version; logged"
      ))
  )
  .add(
    HttpApiEndpoint.post("close", "/seekers/:id/close")
      .setPath(SeekerPath)
      .setPayload(Schema.Struct({ version: Version }))
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Close a seeker's case", "Closes the seeker's case (종료) at the version given in the body; counseling reopens it"))
  )
  .add(
    HttpApiEndpoint.post("erase", "/seekers/:id/erasure")
      .setPath(SeekerPath)
      .setPayload(Schema.Struct({ reason: Erasure.Reason }))
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Erase a seeker's personal data",
        "Destroys the seeker's personal data in every store (개인정보 파기), for the reason given; administrators only. The records stay, anonymised, so every figure is unchanged."
      ))
  )
  .add(
    HttpApiEndpoint.get("retentionDue", "/retention/due")
      .addSuccess(Schema.Array(Schema.Struct({
        seekerId: Ids.SeekerId,
        name: Schema.String,
        lastActivity: LocalDate.LocalDate,
        dueSince: LocalDate.LocalDate
      })))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Seekers due for erasure",
        "Seekers whose retention period has ended (no activity for the set number of years); administrators only"
      ))
  )
  .add(
    HttpApiEndpoint.post("retentionSweep", "/retention/sweep")
      .addSuccess(Schema.Struct({ erased: Schema.Array(Ids.SeekerId) }))
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Erase every seeker due",
        "Erases every seeker whose retention period has ended, each logged with the reason retention-ended; administrators only"
      ))
  )
  .addError(E.NotYourCaseload)
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Job seekers (구직자), their counseling, their caseloads and the destruction of their data")
{}

export class EmployersApi extends HttpApiGroup.make("employers")
  .add(
    HttpApiEndpoint.get("listEmployers", "/employers")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(EmployerRecord))
      .annotateContext(doc("List employers", "The district's employers with their versions, a page at a time (offset, limit: 100 by default)"))
  )
  .add(
    HttpApiEndpoint.post("registerEmployer", "/employers")
      .setPayload(EmployerForm)
      .addSuccess(EmployerRecord, { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Register an employer", "Registers an employer (구인업체) with its business registration number, address and contact person"))
  )
  .add(
    HttpApiEndpoint.get("listOpenings", "/openings")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(OpeningRecord))
      .annotateContext(doc("List openings", "The district's openings (구인공고) with their versions, a page at a time (offset, limit: 100 by default)"))
  )
  .add(
    HttpApiEndpoint.post("registerOpening", "/openings")
      .setPayload(OpeningForm)
      .addSuccess(OpeningRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc(
        "Register an opening",
        "Registers an employer's opening (구인): occupation, region, wage, terms and requirements; the employer must be the district's"
      ))
  )
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Employers (구인기업) and their openings (구인)")
{}

export class CasesApi extends HttpApiGroup.make("cases")
  .add(
    HttpApiEndpoint.post("propose", "/referrals")
      // Named apart from the Referral it creates, which the answer's schema refers to by name.
      .setPayload(JobCenter.ReferralRequest.annotations({ identifier: "ReferralForm" }))
      .addSuccess(ReferralRecord, { status: 201 })
      .addError(E.NotFound)
      .addError(E.OpeningNotOpen)
      .annotateContext(doc(
        "Propose a referral",
        "Proposes a seeker for an open opening (알선): a referral in status proposed, version 1. A closed or filled opening is a 409 OpeningNotOpen."
      ))
  )
  .add(
    HttpApiEndpoint.post("move", "/referrals/:id/status")
      .setPath(Schema.Struct({ id: Ids.ReferralId }))
      .setPayload(Schema.Struct({ to: Referral.ReferralStatus, version: Version }))
      .addSuccess(ReferralRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.InvalidTransition)
      .annotateContext(doc(
        "Move a referral",
        "Moves a referral to another status (proposed → sent → interviewing → hired, or rejected / withdrawn) at the version read; an illegal move is a 409 InvalidTransition naming both states"
      ))
  )
  .add(
    HttpApiEndpoint.post("place", "/placements")
      .setPayload(PlacementForm)
      .addSuccess(Schema.Struct({ placement: PlacementRecord, followUps: Schema.Array(CheckRecord) }).annotations({ identifier: "PlacementRecorded" }), {
        status: 201
      })
      .addError(E.ValidationError)
      .addError(E.CalendarNotCovered)
      .addError(E.NoBusinessDayInWindow)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.InvalidTransition)
      .addError(E.AlreadyPlaced)
      .annotateContext(doc(
        "Record a placement",
        "Records a placement (취업) — through the center's referral (which moves to hired) or found alone — with its three follow-up checks (1, 2 and 3 months after the start, on business days), each with its version. A referral is placed once (409 AlreadyPlaced)."
      ))
  )
  .add(
    HttpApiEndpoint.get("ledger", "/follow-ups/ledger")
      .setUrlParams(Schema.Struct({
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Whose ledger (managers); your own by default" }))
      }))
      .addSuccess(Schema.Struct({
        today: LocalDate.LocalDate,
        dueToday: Schema.Array(CheckRecord),
        overdue: Schema.Array(CheckRecord),
        upcoming: Schema.Array(CheckRecord),
        done: Schema.Array(CheckRecord),
        cancelled: Schema.Array(CheckRecord),
        onTime: Schema.Int,
        late: Schema.Int,
        onTimeRate: Schema.NullOr(Schema.Number)
      }).annotations({ identifier: "FollowUpLedger" }))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "The follow-up ledger",
        "A counselor's follow-up ledger (사후관리대장): checks due today, overdue, upcoming, done and cancelled, each with its version (which recording it needs), and the on-time rate. Another counselor's ledger is for managers."
      ))
  )
  .add(
    HttpApiEndpoint.post("recordFollowUp", "/follow-ups/:id")
      .setPath(Schema.Struct({ id: Ids.FollowUpId }))
      .setPayload(FollowUpResultForm)
      .addSuccess(Schema.Struct({ check: CheckRecord, reemploymentSupport: Schema.Boolean }).annotations({ identifier: "FollowUpRecorded" }))
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.FollowUpAlreadyRecorded)
      .addError(E.FollowUpCancelled)
      .addError(E.FollowUpBeforeWindow)
      .annotateContext(doc(
        "Record a follow-up check",
        "Records a follow-up call or visit (doneOn, channel, outcome) with the check's version in the body. An outcome of quit cancels the later checks and answers reemploymentSupport: true."
      ))
  )
  .addError(E.NotYourCaseload)
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Referrals (알선), placements (취업) and the follow-up ledger (사후관리대장)")
{}

const target = (metric: string) => Schema.optional(Count(`The annual target of ${metric} (the district's own when no target is given)`))

export class ReviewApi extends HttpApiGroup.make("review")
  .add(
    HttpApiEndpoint.get("results", "/results")
      .setUrlParams(Period)
      .addSuccess(Schema.Struct({ openings: Schema.Int, seekers: Schema.Int, placements: Schema.Int, counseling: Schema.Int }).annotations({
        identifier: "Results"
      }))
      .annotateContext(doc("Results of a period", "How many openings, seekers, placements and counseling sessions the district recorded from from to to"))
  )
  .add(
    HttpApiEndpoint.get("pace", "/targets/pace")
      .setUrlParams(Schema.Struct({
        year: Year,
        period: Targets.PacePeriod.annotations({ description: "The period holding today to read: week, month, quarter, half or year" }),
        openings: target("openings"),
        seekers: target("seekers"),
        placements: target("placements"),
        counseling: target("counseling sessions")
      }))
      .addSuccess(Schema.Array(Schema.Struct({
        metric: Targets.Metric,
        pace: Schema.Struct({
          period: Targets.PacePeriod,
          from: LocalDate.LocalDate,
          to: LocalDate.LocalDate,
          end: LocalDate.LocalDate,
          target: Schema.Number,
          expected: Schema.Number,
          actual: Schema.Number,
          difference: Schema.Number,
          ratio: Schema.optional(Schema.Number),
          status: Targets.PaceStatus
        }),
        projection: Schema.Struct({ projected: Schema.Number, target: Schema.Number, gap: Schema.Number, status: Targets.PaceStatus })
      }).annotations({ identifier: "TargetPace" })))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Target pace",
        "Reads the period holding today against the annual targets (목표관리제) given in the query, or the district's own, with the year-end projection"
      ))
  )
  .add(
    HttpApiEndpoint.get("plan", "/targets/plan")
      .setUrlParams(Schema.Struct({
        year: Year,
        growth: Schema.optional(decimal({
          min: -100,
          max: 1000,
          description: `Growth over last year's results in percent (default ${TargetPlanning.defaultGrowthPercent})`,
          en: "growth must be a growth in percent from -100 to 1000, e.g. 5 for +5%",
          ko: "growth는 -100부터 1000까지의 증가율(%)이어야 합니다 (예: 5는 +5%)"
        })),
        roundTo: Schema.optional(integer({
          min: 1,
          max: 1000,
          description: "Round each target to the nearest multiple of this (default 1)",
          en: "roundTo must be a whole unit from 1 to 1000, e.g. 10",
          ko: "roundTo는 1부터 1000까지의 정수 단위여야 합니다 (예: 10)"
        }))
      }))
      .addSuccess(Schema.Struct({
        year: Schema.Int,
        baselineYear: Schema.Int,
        growthPercent: Schema.Number,
        lines: Schema.Array(Schema.Struct({
          metric: Targets.Metric,
          baseline: Schema.Int,
          exact: Schema.Number,
          target: Schema.Int,
          monthlyAverage: Schema.Int,
          months: Schema.Array(Schema.Int),
          current: Schema.optional(Schema.Int)
        }))
      }).annotations({ identifier: "TargetPlan" }))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Plan a year's targets",
        "Plans a year's targets from the year before: last year's results grown by growth percent and rounded to roundTo, with twelve monthly targets, next to the district's current targets"
      ))
  )
  .add(
    HttpApiEndpoint.get("monitoring", "/monitoring")
      .setUrlParams(Period)
      .addSuccess(Schema.Array(Schema.Struct({
        rule: Monitoring.Rule,
        severity: Schema.Literal("high", "medium", "low"),
        counselorId: Schema.optional(Schema.String),
        records: Schema.Array(Schema.Struct({ kind: Schema.String, id: Schema.String })),
        description: Schema.String
      }).annotations({ identifier: "MonitoringFinding" })))
      .addError(ForbiddenAnswer)
      .annotateContext(doc("Monitoring review", "The review's findings about improper records in the period (managers and administrators)"))
  )
  .add(
    HttpApiEndpoint.get("audit", "/audit")
      .setUrlParams(Schema.Struct({
        subjectId: Schema.optional(Schema.String.annotations({ description: "Only the entries about this record (a seeker's id, …)" })),
        ...Page.fields
      }))
      .addSuccess(Schema.Array(Audit.AuditEntry))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "The access log",
        "Who read or changed whose data, when, from where and why (managers and administrators), newest first, 100 entries a page"
      ))
  )
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Figures, target pace (목표관리제), monitoring of improper records and the access log")
{}

export class Api extends HttpApi.make("iljari")
  .add(AuthApi)
  .add(AdminApi.middleware(Authentication))
  .add(MeApi.middleware(Authentication))
  .add(SeekersApi)
  .add(EmployersApi)
  .add(CasesApi)
  .add(ReviewApi)
  .add(MatchesApi.middleware(Authentication))
  .add(EligibilityApi.middleware(Authentication))
  .add(FairsApi.middleware(Authentication))
  .add(EventsApi.middleware(Authentication))
  .add(ReportsApi.middleware(Authentication).addError(ForbiddenAnswer))
  .addError(E.ValidationError)
  .addError(E.DuplicateId)
  .addError(E.PersistenceError)
  .annotate(OpenApi.Title, "iljari — district job center API")
  .annotate(
    OpenApi.Description,
    "The example server of iljari (일자리). Staff sign in at POST /auth/sign-in (a session cookie, and a CSRF token for X-CSRF-Token); integrations send an API token as Authorization: Bearer <token>. The demo prints its accounts and tokens at start.\n\n" +
      "Every error answer has one shape, the Error schema: _tag, message (English), messageKo (Korean), field (the offending field's path, when there is one), issues (a ValidationError's fields with their rules) and the error's own details. An unknown route is a 404 RouteNotFound and a method the route does not take a 405 MethodNotAllowed, in the same shape, as are a body over the server's limit (413 PayloadTooLarge) and too many sign-in attempts or expensive requests (429 RateLimited, with Retry-After). " +
      "A write that could overwrite someone else's change names the version of the record it read as version in the body; a stale one is a 409 StaleVersion."
  )
  .annotate(OpenApi.Transform, (spec) => documentEdge(E.documentErrors(spec as OpenApi.OpenAPISpec)) as unknown as Record<string, unknown>)
{}
