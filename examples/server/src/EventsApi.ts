/**
 * Outreach, discovery visits and satisfaction surveys over HTTP: record
 * them, and read them against their plans or as scores.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Cafes, DiscoveryVisit, Events, Ids, JobCafe, LocalDate, Outreach, Partner, PsychTest, StudyRooms, Survey, SurveyLink } from "@iljari/core"
import { Schema, Struct } from "effect"
import * as E from "./ApiErrors.js"
import { form, versionedForm } from "./Forms.js"
import { bilingual } from "./ApiErrors.js"
import { Count, doc, oneOf, Version, Year, acceptsIdempotencyKey, withPeriod } from "./Params.js"

const versioned = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.Struct({ value: schema, version: Schema.Int }).annotations({ identifier })

const Participant = versioned(PsychTest.Participant, "VersionedPsychTestParticipant")
const Cafe = versioned(Cafes.StoredCafe, "VersionedJobCafe")
const Program = versioned(Cafes.StoredProgram, "VersionedJobCafeProgram")
const ProgramWithCount = Schema.Struct({ program: Program, signedUp: Schema.Int, placesLeft: Schema.Int }).annotations({
  identifier: "JobCafeProgramWithCount"
})
const SignUp = versioned(Cafes.StoredSignUp, "VersionedJobCafeSignUp")

const Month = Schema.String.pipe(
  Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: () => bilingual("month must be written YYYY-MM, e.g. 2026-06", "month는 YYYY-MM으로 써야 합니다 (예: 2026-06)")
  })
).annotations({ description: "A month, YYYY-MM", examples: ["2026-06"] })

const TextId = (what: string) => Schema.Struct({ id: Schema.String.annotations({ description: `The ${what}'s id` }) })

export class EventsApi extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.post("recordOutreach", "/outreach-sessions").pipe(acceptsIdempotencyKey)
      .setPayload(form("OutreachSessionForm", Schema.Struct(Struct.omit(Outreach.Session.fields, "id", "districtId"))))
      .addSuccess(versioned(Outreach.Session, "VersionedOutreachSession"), { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Record an outreach session", "Records an outreach session (찾아가는 일자리상담실) at a station, shelter or library: where, when, how many were counselled and registered. The form carries no id or districtId."))
  )
  .add(
    HttpApiEndpoint.get("outreachProgress", "/outreach-sessions/progress")
      .setUrlParams(Schema.Struct({ month: Month }))
      .addSuccess(Schema.Struct({
        month: Schema.String,
        bySite: Schema.Array(Schema.Struct({ site: Outreach.SiteKind, planned: Schema.Int, held: Schema.Int, shortfall: Schema.Int })),
        planned: Schema.Int,
        held: Schema.Int,
        counselled: Schema.Int,
        counseling: Schema.Int,
        registrations: Schema.Int,
        met: Schema.Boolean
      }))
      .annotateContext(doc("Outreach progress of a month", "A month's outreach against the seeds' plan (4 stations, 1 shelter, 1 library a month, February to November; nothing planned in January or December)"))
  )
  .add(
    HttpApiEndpoint.post("recordVisit", "/discovery-visits").pipe(acceptsIdempotencyKey)
      .setPayload(form("DiscoveryVisitForm", Schema.Struct(Struct.omit(DiscoveryVisit.Visit.fields, "id", "districtId"))))
      .addSuccess(versioned(DiscoveryVisit.Visit, "VersionedDiscoveryVisit"), { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Record a discovery visit", "Records a discovery visit (일자리발굴단) to a building or business: the openings and positions it found. The form carries no id or districtId."))
  )
  .add(
    HttpApiEndpoint.get("discoveryProgress", "/discovery-visits/progress")
      .setUrlParams(Schema.Struct({
        year: Year,
        buildings: Schema.optional(Count("The year's planned buildings (default 30)")),
        openings: Schema.optional(Count("The year's planned openings (default 200)")),
        positions: Schema.optional(Count("The year's planned positions (default 270)")),
        asOf: Schema.optional(LocalDate.LocalDate.annotations({ description: "The day to read the year as of (default today)" }))
      }))
      .addSuccess(Schema.Struct({
        asOf: Schema.String,
        visits: Schema.Int,
        buildings: Schema.Int,
        openings: Schema.Int,
        positions: Schema.Int,
        reached: Schema.Struct({ buildings: Schema.Number, openings: Schema.Number, positions: Schema.Number }),
        yearElapsed: Schema.Number,
        seasonElapsed: Schema.Number.annotations({ description: "The share of the operating months' days gone (the seeds' January to November)" }),
        visitsPlanned: Schema.Int.annotations({ description: "Visits planned in the operating months up to asOf's (the seeds' twice a month)" })
      }))
      .annotateContext(doc("Discovery progress of a year", "A year's visits against its plan (default: the seeds' 30 centers, 200 openings, 270 positions, visits twice a month from January to November)"))
  )
  .add(
    HttpApiEndpoint.post("createSurvey", "/surveys").pipe(acceptsIdempotencyKey)
      .setPayload(form("QuestionnaireForm", Survey.Questionnaire))
      .addSuccess(versioned(Survey.Questionnaire, "VersionedQuestionnaire"), { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Create a questionnaire", "Creates a satisfaction questionnaire (만족도 조사) with its questions"))
  )
  .add(
    HttpApiEndpoint.post("respond", "/surveys/:id/responses").pipe(acceptsIdempotencyKey)
      .setPath(TextId("questionnaire"))
      .setPayload(form("SurveyResponseForm", Schema.Struct(Struct.omit(Survey.Response.fields, "id", "districtId", "questionnaireId"))))
      .addSuccess(versioned(Survey.Response, "VersionedSurveyResponse"), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc("Answer a questionnaire", "Records one response to a questionnaire: the ratings (1–5) and the counselor and day it is about"))
  )
  .add(
    HttpApiEndpoint.post("issueSurveyLink", "/surveys/:id/links")
      .setPath(TextId("questionnaire"))
      .setPayload(form("SurveyLinkForm", SurveyLink.IssueRequest))
      .addSuccess(Schema.Struct({
        token: Schema.String.annotations({ description: "The link's token, in this answer and nowhere else: the answer page is the web app's /s/{token}" }),
        link: SurveyLink.Link.pipe(Schema.omit("digest")).annotations({ identifier: "SurveyLinkView" })
      }), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc(
        "Issue a one-time survey link",
        "A link a seeker answers the questionnaire by, once, without an account, until it ends (default 14 days, 1 to 60); about the seeker and the counselor named (the caller by default)"
      ))
  )
  .add(
    HttpApiEndpoint.get("scores", "/surveys/:id/scores")
      .setPath(TextId("questionnaire"))
      .setUrlParams(withPeriod({
        by: Schema.optional(oneOf(["all", "counselor", "month"], "How to group the responses (default all)"))
      }))
      .addSuccess(Schema.Array(Schema.Struct({
        key: Schema.String,
        responses: Schema.Int,
        average: Schema.NullOr(Schema.Number),
        satisfiedShare: Schema.NullOr(Schema.Number)
      })))
      .addError(E.NotFound)
      .annotateContext(doc("Survey scores", "A questionnaire's responses, mean rating and satisfied share over a period, for the whole district, by counselor or by month"))
  )
  .add(
    HttpApiEndpoint.post("scheduleTest", "/psych-tests").pipe(acceptsIdempotencyKey)
      .setPayload(form("PsychTestSessionForm", Schema.Struct(Struct.omit(PsychTest.Session.fields, "id", "districtId"))))
      .addSuccess(versioned(PsychTest.Session, "VersionedPsychTestSession"), { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Schedule a psychological test session", "Schedules a vocational psychological test session (직업심리검사)"))
  )
  .add(
    HttpApiEndpoint.get("tests", "/psych-tests").addSuccess(Schema.Array(versioned(PsychTest.Session, "VersionedPsychTestSession")))
      .annotateContext(doc("List psychological test sessions", "The district's vocational psychological test sessions with their versions"))
  )
  .add(
    HttpApiEndpoint.post("registerParticipant", "/psych-tests/:id/participants").pipe(acceptsIdempotencyKey)
      .setPath(TextId("test session"))
      .setPayload(Schema.Struct({ seekerId: Ids.SeekerId }))
      .addSuccess(Participant, { status: 201 })
      .addError(E.NotFound)
      .addError(E.PsychTestRefused)
      .annotateContext(doc("Register a test participant", "Registers a seeker for a test session, within its capacity and once"))
  )
  .add(
    HttpApiEndpoint.get("participants", "/psych-tests/:id/participants")
      .setPath(TextId("test session"))
      .addSuccess(Schema.Array(Participant))
      .addError(E.NotFound)
      .annotateContext(doc("List a session's participants", "The participants of a test session with their versions (which recording a result or a delivery needs); logged"))
  )
  .add(
    HttpApiEndpoint.post("recordTestResult", "/psych-test-participants/:id/result")
      .setPath(TextId("participant"))
      .setPayload(versionedForm("PsychTestResultForm", Events.ResultForm))
      .addSuccess(Participant)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Record a test result", "Records whether the participant sat the test, and their result, with the participant's version in the body"))
  )
  .add(
    HttpApiEndpoint.post("deliverResult", "/psych-test-participants/:id/delivery")
      .setPath(TextId("participant"))
      .setPayload(Schema.Struct({ version: Version, by: PsychTest.Delivery }))
      .addSuccess(Participant)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.PsychTestRefused)
      .annotateContext(doc("Deliver a test result", "Delivers the result to the participant alone: in person, or by e-mail with their consent; the participant's version in the body"))
  )
  .add(
    HttpApiEndpoint.post("recordDemand", "/training-demand").pipe(acceptsIdempotencyKey)
      .setPayload(form("TrainingDemandForm", Schema.Struct(Struct.omit(Partner.DemandResponse.fields, "id", "districtId"))))
      .addSuccess(versioned(Partner.DemandResponse, "VersionedTrainingDemandResponse"), { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Record a training-demand answer", "Records an answer to the training demand survey (교육 수요조사)"))
  )
  .add(
    HttpApiEndpoint.post("book", "/study-rooms/bookings").pipe(acceptsIdempotencyKey)
      .setPayload(form("StudyRoomBookingForm", JobCafe.Booking))
      .addSuccess(versioned(StudyRooms.StoredBooking, "VersionedStudyRoomBooking"), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.BookingRefused)
      .annotateContext(doc("Book a study room", "Books a job-café study room: free, at most 3 hours a day per person, no overlaps"))
  )
  .add(
    HttpApiEndpoint.get("bookings", "/study-rooms/bookings")
      .setUrlParams(Schema.Struct({ on: LocalDate.LocalDate.annotations({ description: "The day, YYYY-MM-DD" }) }))
      .addSuccess(Schema.Array(versioned(StudyRooms.StoredBooking, "VersionedStudyRoomBooking")))
      .annotateContext(doc("A day's study-room bookings", "The job café's study-room bookings of a day, with who booked; logged"))
  )
  .add(
    HttpApiEndpoint.get("cafes", "/cafes")
      .addSuccess(Schema.Array(Cafe))
      .annotateContext(doc("The job cafés", "The district's job cafés (일자리카페) by name, with their place on the map and study rooms"))
  )
  .add(
    HttpApiEndpoint.post("registerCafe", "/cafes").pipe(acceptsIdempotencyKey)
      .setPayload(form("JobCafeForm", Cafes.CafeInput))
      .addSuccess(Cafe, { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Register a job café", "Registers a job café of the district: name, venue type, address, location (lat/lon) and its study rooms, each named once"))
  )
  .add(
    HttpApiEndpoint.get("nearbyCafes", "/cafes/nearby")
      .setUrlParams(Schema.Struct({
        lat: Schema.NumberFromString.annotations({ description: "The starting point's latitude (WGS 84)" }),
        lon: Schema.NumberFromString.annotations({ description: "The starting point's longitude (WGS 84)" }),
        minutes: Schema.optional(Schema.NumberFromString.annotations({ description: "Minutes of walking, 10 unless given" }))
      }))
      .addSuccess(Schema.Array(Schema.Struct({ cafe: Cafes.StoredCafe, walkMinutes: Schema.Number }).annotations({ identifier: "NearbyJobCafe" })))
      .addError(E.ValidationError)
      .annotateContext(doc("Job cafés within a walk", "The ten-minute-walk finder: the district's cafés within the minutes of walking (80 m a minute, a 1.3 detour) from a point, nearest first"))
  )
  .add(
    HttpApiEndpoint.get("cafe", "/cafes/:id")
      .setPath(TextId("café"))
      .addSuccess(Cafe)
      .addError(E.NotFound)
      .annotateContext(doc("A job café", "One job café of the district"))
  )
  .add(
    HttpApiEndpoint.post("scheduleCafeProgram", "/cafes/:id/programs").pipe(acceptsIdempotencyKey)
      .setPath(TextId("café"))
      .setPayload(form("JobCafeProgramForm", Cafes.ProgramInput))
      .addSuccess(Program, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc("Schedule a café program", "Schedules a program session (counseling, résumé clinic, mentoring, lecture, résumé photos) at the café, with its places"))
  )
  .add(
    HttpApiEndpoint.get("cafePrograms", "/cafes/:id/programs")
      .setPath(TextId("café"))
      .addSuccess(Schema.Array(ProgramWithCount))
      .addError(E.NotFound)
      .annotateContext(doc("A café's programs", "The café's program sessions by day and time, each with how many signed up and the places left"))
  )
  .add(
    HttpApiEndpoint.post("signUp", "/cafe-programs/:id/sign-ups").pipe(acceptsIdempotencyKey)
      .setPath(TextId("program session"))
      .setPayload(Schema.Struct({ personId: Schema.String.annotations({ description: "A seeker's id, or the id the café knows a visitor by" }) }))
      .addSuccess(SignUp, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.SignUpRefused)
      .annotateContext(doc("Sign up for a café program", "Signs a person up for a program session while places are left and it has not started; two sign-ups for the last place keep one"))
  )
  .add(
    HttpApiEndpoint.get("signUps", "/cafe-programs/:id/sign-ups")
      .setPath(TextId("program session"))
      .addSuccess(Schema.Array(SignUp))
      .addError(E.NotFound)
      .annotateContext(doc("Who signed up", "A program session's sign-ups, in the order taken; each person shown is logged"))
  )
  .annotate(OpenApi.Description, "Outreach (찾아가는 일자리상담실), discovery visits (일자리발굴단), satisfaction surveys and job-café study rooms")
{}
