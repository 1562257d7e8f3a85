/**
 * Job fairs (일 잡는 데이) over HTTP: plan, pre-select, invite, attendance,
 * timetable, results and figures — each step names the version it read.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { BusinessCalendar, Caseload, Errors, FollowUp, Ids, JobCenter, JobFair, Placement, Referral, Validation } from "@iljari/core"
import { Schema } from "effect"
import { form } from "./Forms.js"

const Fair = Schema.Struct({
  value: JobFair.JobFair,
  version: Schema.Int,
  outcome: Schema.Struct({
    invited: Schema.Int,
    attended: Schema.Int,
    interviewed: Schema.Int,
    hired: Schema.Int,
    byEmployer: Schema.Array(Schema.Struct({
      employerId: Ids.EmployerId,
      candidates: Schema.Int,
      interviews: Schema.Int,
      hired: Schema.Int
    }))
  })
}).annotations({ identifier: "JobFairRecord" })

const PathId = Schema.Struct({ id: Ids.JobFairId })
const Version = Schema.Struct({ version: Schema.NumberFromString.pipe(Schema.int(), Schema.positive()) })


const invalid = { status: 400 } as const
const conflict = { status: 409 } as const

const step = <const Name extends string>(name: Name, path: `/${string}`) =>
  HttpApiEndpoint.post(name, path)
    .setPath(PathId)
    .addSuccess(Fair)
    .addError(Validation.ValidationError, invalid)
    .addError(Errors.NotFound, { status: 404 })
    .addError(Errors.StaleVersion, conflict)

export class FairsApi extends HttpApiGroup.make("fairs")
  .add(
    HttpApiEndpoint.post("create", "/job-fairs")
      .setPayload(form("JobFairPlanForm", JobFair.Plan))
      .addSuccess(Fair, { status: 201 })
      .addError(Validation.ValidationError, invalid)
  )
  .add(HttpApiEndpoint.get("get", "/job-fairs/:id").setPath(PathId).addSuccess(Fair).addError(Errors.NotFound, { status: 404 }))
  .add(
    step("preselect", "/job-fairs/:id/preselect")
      .setUrlParams(Schema.Struct({
        ...Version.fields,
        perOpening: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 100)))
      }))
      .annotate(OpenApi.Description, "Pre-selects the best seekers for each opening by match score (10 by default)")
  )
  .add(step("invite", "/job-fairs/:id/invite").setUrlParams(Version))
  .add(
    step("attendance", "/job-fairs/:id/attendance")
      .setUrlParams(Version)
      .setPayload(Schema.Struct({ seekerIds: Schema.Array(Ids.SeekerId) }))
  )
  .add(step("schedule", "/job-fairs/:id/schedule").setUrlParams(Version))
  .add(
    step("result", "/job-fairs/:id/results")
      .setUrlParams(Version)
      .setPayload(form("JobFairResultForm", JobFair.ResultForm))
      .addError(Referral.InvalidTransition, conflict)
      .addError(JobCenter.OpeningNotOpen, conflict)
      .addError(BusinessCalendar.CalendarNotCovered, { status: 422 })
      .addError(FollowUp.NoBusinessDayInWindow, { status: 422 })
      .addError(Placement.AlreadyPlaced, conflict)
  )
  .addError(Caseload.NotYourCaseload, { status: 403 })
  .annotate(OpenApi.Description, "Job fairs (일 잡는 데이): pre-selection, invitations, timetable, results")
{}

