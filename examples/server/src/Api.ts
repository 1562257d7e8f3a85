/**
 * The HTTP contract of the example district server: every endpoint, its
 * inputs, its answers and the errors it may give, from which the handlers,
 * the OpenAPI document (`/openapi.json`) and typed clients are derived.
 *
 * Forms are accepted as JSON and decoded by the core use cases, so a bad form
 * gets the core's `ValidationError` — every field named with its rule — and
 * fields the model does not keep are refused rather than dropped.
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import {
  Audit,
  Caseload,
  BusinessCalendar,
  Counseling,
  Employer,
  Erasure,
  Errors,
  FollowUp,
  Ids,
  JobCenter,
  LocalDate,
  Monitoring,
  Opening,
  Placement,
  Referral,
  Seeker,
  Targets,
  Validation
} from "@iljari/core"
import { TargetPlanning } from "@iljari/report"
import { Schema, Struct } from "effect"
import { AdminApi, AuthApi, MeApi } from "./AccessApi.js"
import { Authentication, Forbidden } from "./Caller.js"
import { EligibilityApi } from "./EligibilityApi.js"
import { EventsApi } from "./EventsApi.js"
import { FairsApi } from "./FairApi.js"
import { form } from "./Forms.js"
import { MatchesApi } from "./MatchApi.js"
import { ReportsApi } from "./ReportApi.js"

export { Authentication, CurrentUser, Forbidden, sessionCookie, Unauthorized, User } from "./Caller.js"

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

const versioned = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.Struct({ value: schema, version: Schema.Int }).annotations({ identifier })

const SeekerRecord = versioned(Seeker.Seeker, "VersionedSeeker")
const EmployerRecord = versioned(Employer.Employer, "VersionedEmployer")
const OpeningRecord = versioned(Opening.Opening, "VersionedOpening")
const CounselingRecord = versioned(Counseling.Counseling, "VersionedCounseling")
const ReferralRecord = versioned(Referral.Referral, "VersionedReferral")
const PlacementRecord = versioned(Placement.Placement, "VersionedPlacement")
const CheckRecord = versioned(FollowUp.Check, "VersionedFollowUpCheck")

const SeekerForm = form("SeekerForm", Schema.Struct(Struct.omit(Seeker.fields, "id", "districtId", "registeredAt", ...Seeker.centerFields)))
const EmployerForm = form("EmployerForm", Schema.Struct(Struct.omit(Employer.Employer.fields, "id", "districtId", "registeredAt")))
const OpeningForm = form("OpeningForm", Opening.Opening)
const CounselingForm = form("CounselingForm", JobCenter.CounselingRequest)
const PlacementForm = form("PlacementForm", JobCenter.PlacementRequest)
const FollowUpResultForm = form("FollowUpResultForm", FollowUp.Result)

const Page = Schema.Struct({
  offset: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
  limit: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 1000)))
})

const Version = Schema.Struct({ version: Schema.NumberFromString.pipe(Schema.int(), Schema.positive()) })

const Period = Schema.Struct({ from: LocalDate.LocalDate, to: LocalDate.LocalDate })

const invalid = { status: 400 } as const
const notFound = { status: 404 } as const
const conflict = { status: 409 } as const

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

export class SeekersApi extends HttpApiGroup.make("seekers")
  .add(HttpApiEndpoint.get("list", "/seekers").setUrlParams(Page).addSuccess(Schema.Array(SeekerRecord)))
  .add(
    HttpApiEndpoint.get("get", "/seekers/:id")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .addSuccess(SeekerRecord)
      .addError(Errors.NotFound, notFound)
  )
  .add(
    HttpApiEndpoint.post("register", "/seekers")
      .setPayload(SeekerForm)
      .addSuccess(SeekerRecord, { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(JobCenter.DuplicateSeeker, conflict)
  )
  .add(
    HttpApiEndpoint.put("update", "/seekers/:id")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setUrlParams(Version)
      .setPayload(SeekerForm)
      .addSuccess(SeekerRecord)
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(JobCenter.DuplicateSeeker, conflict)
  )
  .add(
    HttpApiEndpoint.post("counsel", "/counseling")
      .setPayload(CounselingForm)
      .addSuccess(CounselingRecord, { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, notFound)
  )
  .add(
    HttpApiEndpoint.get("caseload", "/caseload")
      .setUrlParams(Schema.Struct({ counselorId: Schema.optional(Ids.CounselorId), ...Page.fields }))
      .addSuccess(Schema.Array(SeekerRecord))
      .annotate(
        OpenApi.Description,
        "A counselor's caseload (담당 사례): the seekers they are responsible for — your own, or a named counselor's for a manager"
      )
  )
  .add(
    HttpApiEndpoint.put("transfer", "/seekers/:id/counselor")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setPayload(Caseload.TransferRequest)
      .addSuccess(SeekerRecord)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .annotate(
        OpenApi.Description,
        "Makes another counselor responsible for the seeker (담당자 이관), with a reason code: workload, leave, request, specialty or other; logged"
      )
  )
  .add(
    HttpApiEndpoint.post("close", "/seekers/:id/close")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setUrlParams(Version)
      .addSuccess(SeekerRecord)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .annotate(OpenApi.Description, "Closes the seeker's case (종료); counseling reopens it")
  )
  .add(
    HttpApiEndpoint.post("erase", "/seekers/:id/erasure")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setPayload(Schema.Struct({ reason: Erasure.Reason }))
      .addSuccess(SeekerRecord)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(Forbidden)
      .annotate(
        OpenApi.Description,
        "Destroys the seeker's personal data in every store (개인정보 파기), for the reason given; administrators only. The records stay, anonymised, so every figure is unchanged."
      )
  )
  .add(
    HttpApiEndpoint.get("retentionDue", "/retention/due")
      .addSuccess(Schema.Array(Schema.Struct({
        seekerId: Ids.SeekerId,
        name: Schema.String,
        lastActivity: LocalDate.LocalDate,
        dueSince: LocalDate.LocalDate
      })))
      .addError(Forbidden)
      .annotate(OpenApi.Description, "Seekers whose retention period has ended (no activity for the set number of years); administrators only")
  )
  .add(
    HttpApiEndpoint.post("retentionSweep", "/retention/sweep")
      .addSuccess(Schema.Struct({ erased: Schema.Array(Ids.SeekerId) }))
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(Forbidden)
      .annotate(OpenApi.Description, "Erases every seeker whose retention period has ended, each logged with the reason retention-ended; administrators only")
  )
  .addError(Caseload.NotYourCaseload, { status: 403 })
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Job seekers (구직자), their counseling, and the destruction of their data")
{}

export class EmployersApi extends HttpApiGroup.make("employers")
  .add(HttpApiEndpoint.get("listEmployers", "/employers").setUrlParams(Page).addSuccess(Schema.Array(EmployerRecord)))
  .add(
    HttpApiEndpoint.post("registerEmployer", "/employers")
      .setPayload(EmployerForm)
      .addSuccess(EmployerRecord, { status: 201 })
      .addError(Validation.ValidationError, invalid)
  )
  .add(HttpApiEndpoint.get("listOpenings", "/openings").setUrlParams(Page).addSuccess(Schema.Array(OpeningRecord)))
  .add(
    HttpApiEndpoint.post("registerOpening", "/openings")
      .setPayload(OpeningForm)
      .addSuccess(OpeningRecord, { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, notFound)
  )
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Employers (구인기업) and their openings (구인)")
{}

export class CasesApi extends HttpApiGroup.make("cases")
  .add(
    HttpApiEndpoint.post("propose", "/referrals")
      .setPayload(JobCenter.ReferralRequest)
      .addSuccess(ReferralRecord, { status: 201 })
      .addError(Errors.NotFound, notFound)
      .addError(JobCenter.OpeningNotOpen, conflict)
  )
  .add(
    HttpApiEndpoint.post("move", "/referrals/:id/status")
      .setPath(Schema.Struct({ id: Ids.ReferralId }))
      .setPayload(Schema.Struct({ to: Referral.ReferralStatus, version: Schema.Int }))
      .addSuccess(ReferralRecord)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(Referral.InvalidTransition, conflict)
  )
  .add(
    HttpApiEndpoint.post("place", "/placements")
      .setPayload(PlacementForm)
      .addSuccess(Schema.Struct({ placement: PlacementRecord, followUps: Schema.Array(CheckRecord) }), { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(BusinessCalendar.CalendarNotCovered, { status: 422 })
      .addError(FollowUp.NoBusinessDayInWindow, { status: 422 })
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(Referral.InvalidTransition, conflict)
      .addError(Placement.AlreadyPlaced, conflict)
  )
  .add(
    HttpApiEndpoint.get("ledger", "/follow-ups/ledger")
      .setUrlParams(Schema.Struct({ counselorId: Schema.optional(Ids.CounselorId) }))
      .addSuccess(Schema.Struct({
        today: LocalDate.LocalDate,
        dueToday: Schema.Array(FollowUp.Check),
        overdue: Schema.Array(FollowUp.Check),
        upcoming: Schema.Array(FollowUp.Check),
        done: Schema.Array(FollowUp.Check),
        cancelled: Schema.Array(FollowUp.Check),
        onTime: Schema.Int,
        late: Schema.Int,
        onTimeRate: Schema.NullOr(Schema.Number)
      }))
      .addError(Forbidden)
  )
  .add(
    HttpApiEndpoint.post("recordFollowUp", "/follow-ups/:id")
      .setPath(Schema.Struct({ id: Ids.FollowUpId }))
      .setUrlParams(Version)
      .setPayload(FollowUpResultForm)
      .addSuccess(Schema.Struct({ check: CheckRecord, reemploymentSupport: Schema.Boolean }))
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, notFound)
      .addError(Errors.StaleVersion, conflict)
      .addError(FollowUp.FollowUpAlreadyRecorded, conflict)
      .addError(FollowUp.FollowUpCancelled, conflict)
      .addError(FollowUp.FollowUpBeforeWindow, invalid)
  )
  .addError(Caseload.NotYourCaseload, { status: 403 })
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Referrals (알선), placements (취업) and the follow-up ledger (사후관리대장)")
{}

export class ReviewApi extends HttpApiGroup.make("review")
  .add(
    HttpApiEndpoint.get("results", "/results")
      .setUrlParams(Period)
      .addSuccess(Schema.Struct({ openings: Schema.Int, seekers: Schema.Int, placements: Schema.Int, counseling: Schema.Int }))
  )
  .add(
    HttpApiEndpoint.get("pace", "/targets/pace")
      .setUrlParams(Schema.Struct({
        year: Schema.NumberFromString.pipe(Schema.int()),
        period: Targets.PacePeriod,
        openings: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        seekers: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        placements: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        counseling: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative()))
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
      })))
      .addError(Validation.ValidationError, invalid)
  )
  .add(
    HttpApiEndpoint.get("plan", "/targets/plan")
      .setUrlParams(Schema.Struct({
        year: Schema.NumberFromString.pipe(
          Schema.int({ message: () => "year must be a whole year from 2000 to 2100" }),
          Schema.between(2000, 2100, { message: () => "year must be a whole year from 2000 to 2100" })
        ),
        growth: Schema.optional(
          Schema.NumberFromString.pipe(
            Schema.between(-100, 1000, { message: () => "growth must be a growth in percent from -100 to 1000, e.g. 5 for +5%" })
          ).annotations({ description: `Growth over last year's results in percent (default ${TargetPlanning.defaultGrowthPercent})` })
        ),
        roundTo: Schema.optional(
          Schema.NumberFromString.pipe(
            Schema.int(),
            Schema.between(1, 1000, { message: () => "roundTo must be a whole unit from 1 to 1000, e.g. 10" })
          ).annotations({ description: "Round each target to the nearest multiple of this (default 1)" })
        )
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
      .addError(Validation.ValidationError, invalid)
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
      })))
      .addError(Forbidden)
  )
  .add(
    HttpApiEndpoint.get("audit", "/audit")
      .setUrlParams(Schema.Struct({ subjectId: Schema.optional(Schema.String), ...Page.fields }))
      .addSuccess(Schema.Array(Audit.AuditEntry))
      .addError(Forbidden)
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
  .add(ReportsApi.middleware(Authentication).addError(Forbidden))
  .addError(Validation.ValidationError, { status: 400 })
  .addError(Errors.DuplicateId, { status: 409 })
  .addError(Errors.PersistenceError, { status: 503 })
  .annotate(OpenApi.Title, "iljari — district job center API")
  .annotate(
    OpenApi.Description,
    "The example server of iljari (일자리). Staff sign in at POST /auth/sign-in (a session cookie, and a CSRF token for X-CSRF-Token); integrations send an API token as Authorization: Bearer <token>. The demo prints its accounts and tokens at start."
  )
{}
