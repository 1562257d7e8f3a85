import {
  AccessRules,
  Account,
  ApiToken,
  Cafes,
  CenterSettings,
  Contact,
  Counseling,
  Counselor,
  DiscoveryVisit,
  Employer,
  FollowUp,
  Hangul,
  JobFair,
  MonitoringDecision,
  Opening,
  Outreach,
  Partner,
  Placement,
  PsychTest,
  Referral,
  Seeker,
  Session,
  StudyRooms,
  Survey,
  SurveyLink
} from "@iljari/core"
import { DateTime, Schema } from "effect"
import type { TableSpec } from "./store.js"

const koreanDate = (at: DateTime.Utc) => DateTime.formatIsoDate(DateTime.add(at, { hours: 9 }))

// A registration time's two columns, kept per DateTime: an import's records
// share the DateTime of a repeated time (see fastDecode.ts), so each is formatted once.
const registered = new WeakMap<DateTime.Utc, { readonly on: string; readonly at: string }>()
const registeredColumns = (at: DateTime.Utc) => {
  const known = registered.get(at)
  if (known !== undefined) return known
  const columns = { on: koreanDate(at), at: DateTime.formatIso(at) }
  registered.set(at, columns)
  return columns
}

// Each record kind's table and the columns its queries filter on.

export const seekers: TableSpec<Seeker.Seeker, typeof Seeker.Seeker.Encoded> = {
  table: "iljari_seekers",
  kind: "seeker",
  schema: Seeker.Seeker,
  columns: (s) => {
    const name = Seeker.searchableName(s)
    const registeredAt = registeredColumns(s.registeredAt)
    return {
      name: s.name,
      phone: s.contact.phone ?? null,
      birth_date: s.birthDate,
      registered_on: registeredAt.on,
      registered_at: registeredAt.at,
      counselor_id: s.counselorId ?? null,
      status: s.status,
      // What a search looks in: an erased seeker keeps neither.
      name_key: name === undefined ? null : Hangul.searchKey(name),
      phone_tail: s.contact.phone === undefined ? null : Contact.phoneTail(s.contact.phone)
    }
  }
}

export const employers: TableSpec<Employer.Employer, typeof Employer.Employer.Encoded> = {
  table: "iljari_employers",
  kind: "employer",
  schema: Employer.Employer,
  // What an employer search filters and sorts on: the name as it sorts, as
  // `Hangul.textMatches` looks in it (folded, and as its 초성 search key).
  columns: (e) => ({
    name: e.name,
    name_text: Hangul.folded(e.name),
    name_key: Hangul.searchKey(e.name),
    registered_at: DateTime.formatIso(e.registeredAt)
  })
}

export const openings: TableSpec<Opening.Opening, typeof Opening.Opening.Encoded> = {
  table: "iljari_openings",
  kind: "opening",
  schema: Opening.Opening,
  // An opening search's title as it sorts and as `Hangul.textMatches` looks in it, and its status.
  columns: (o) => ({
    employer_id: o.employerId,
    opened_on: o.openedOn,
    title: o.title,
    title_text: Hangul.folded(o.title),
    title_key: Hangul.searchKey(o.title),
    status: o.status
  })
}

export const counselors: TableSpec<Counselor.Counselor, typeof Counselor.Counselor.Encoded> = {
  table: "iljari_counselors",
  kind: "counselor",
  schema: Counselor.Counselor,
  columns: () => ({})
}

export const counselings: TableSpec<Counseling.Counseling, typeof Counseling.Counseling.Encoded> = {
  table: "iljari_counselings",
  kind: "counseling session",
  schema: Counseling.Counseling,
  columns: (c) => ({ seeker_id: c.seekerId, held_on: c.heldOn })
}

export const referrals: TableSpec<Referral.Referral, typeof Referral.Referral.Encoded, Referral.ActiveReferralExists> = {
  table: "iljari_referrals",
  kind: "referral",
  schema: Referral.Referral,
  columns: (r) => ({
    seeker_id: r.seekerId,
    status: r.status,
    counselor_id: r.counselorId,
    opening_id: r.openingId,
    proposed_on: Referral.proposedOn(r),
    // The opening while the referral is under way, for the partial unique index
    // that keeps one active referral per seeker and opening.
    active_opening_id: Referral.isActive(r.status) ? r.openingId : null
  }),
  unique: {
    columns: ["seeker_id", "active_opening_id"],
    conflict: (r, existingId) =>
      new Referral.ActiveReferralExists({ seekerId: r.seekerId, openingId: r.openingId, referralId: existingId as never })
  }
}

export const placements: TableSpec<Placement.Placement, typeof Placement.Placement.Encoded, Placement.AlreadyPlaced> = {
  table: "iljari_placements",
  kind: "placement",
  schema: Placement.Placement,
  columns: (p) => ({ seeker_id: p.seekerId, start_on: p.startOn, referral_id: p.referralId ?? null, counselor_id: p.counselorId }),
  unique: {
    columns: ["referral_id"],
    conflict: (p, existingId) => new Placement.AlreadyPlaced({ referralId: p.referralId!, placementId: existingId as never })
  }
}

export const followUps: TableSpec<FollowUp.Check, typeof FollowUp.Check.Encoded> = {
  table: "iljari_follow_ups",
  kind: "follow-up check",
  schema: FollowUp.Check,
  columns: (c) => ({ counselor_id: c.counselorId, placement_id: c.placementId, due_on: c.dueOn })
}


export const jobFairs: TableSpec<JobFair.JobFair, typeof JobFair.JobFair.Encoded> = {
  table: "iljari_job_fairs",
  kind: "job fair",
  schema: JobFair.JobFair,
  columns: (f) => ({ held_on: f.heldOn })
}

export const outreachSessions: TableSpec<Outreach.Session, typeof Outreach.Session.Encoded> = {
  table: "iljari_outreach_sessions",
  kind: "outreach session",
  schema: Outreach.Session,
  columns: (o) => ({ held_on: o.heldOn })
}

export const discoveryVisits: TableSpec<DiscoveryVisit.Visit, typeof DiscoveryVisit.Visit.Encoded> = {
  table: "iljari_discovery_visits",
  kind: "discovery visit",
  schema: DiscoveryVisit.Visit,
  columns: (v) => ({ visited_on: v.visitedOn })
}

export const psychTestSessions: TableSpec<PsychTest.Session, typeof PsychTest.Session.Encoded> = {
  table: "iljari_psych_test_sessions",
  kind: "psychological test session",
  schema: PsychTest.Session,
  columns: (t) => ({ held_on: t.heldOn })
}

export const partners: TableSpec<Partner.Partner, typeof Partner.Partner.Encoded> = {
  table: "iljari_partners",
  kind: "partner",
  schema: Partner.Partner,
  columns: () => ({})
}

export const questionnaires: TableSpec<Survey.Questionnaire, typeof Survey.Questionnaire.Encoded> = {
  table: "iljari_questionnaires",
  kind: "questionnaire",
  schema: Survey.Questionnaire,
  columns: () => ({})
}

export const surveyResponses: TableSpec<Survey.Response, typeof Survey.Response.Encoded> = {
  table: "iljari_survey_responses",
  kind: "survey response",
  schema: Survey.Response,
  columns: (r) => ({ responded_on: r.respondedOn, seeker_id: r.seekerId ?? null })
}

export const studyRoomBookings: TableSpec<StudyRooms.StoredBooking, typeof StudyRooms.StoredBooking.Encoded> = {
  table: "iljari_study_room_bookings",
  kind: "study-room booking",
  schema: StudyRooms.StoredBooking,
  columns: (b) => ({ booked_on: b.on, person_id: b.personId })
}

export const psychTestParticipants: TableSpec<PsychTest.Participant, typeof PsychTest.Participant.Encoded, PsychTest.Refused> = {
  table: "iljari_psych_test_participants",
  kind: "psychological test participant",
  schema: PsychTest.Participant,
  columns: (p) => ({ session_id: p.sessionId, seeker_id: p.seekerId }),
  unique: { columns: ["session_id", "seeker_id"], conflict: () => PsychTest.alreadyRegistered() }
}

export const trainingDemand: TableSpec<Partner.DemandResponse, typeof Partner.DemandResponse.Encoded> = {
  table: "iljari_training_demand",
  kind: "training demand answer",
  schema: Partner.DemandResponse,
  columns: (a) => ({ answered_on: a.answeredOn, seeker_id: a.seekerId ?? null })
}

const encodeAccount = Schema.encodeSync(Account.Account)

export const accounts: TableSpec<Account.Account, typeof Account.Account.Encoded, Account.LoginTaken> = {
  table: "iljari_accounts",
  kind: "account",
  schema: Account.Account,
  encode: (a) => JSON.stringify(encodeAccount(a)),
  columns: (a) => ({ login: a.login, external_id: a.externalId ?? null }),
  unique: { columns: ["login"], conflict: (a) => new Account.LoginTaken({ login: a.login }), acrossDistricts: true }
}

export const sessions: TableSpec<Session.Session, typeof Session.Session.Encoded> = {
  table: "iljari_sessions",
  kind: "session",
  schema: Session.Session,
  columns: (s) => ({ digest: s.digest, expires_at: DateTime.formatIso(s.expiresAt) })
}

export const apiTokens: TableSpec<ApiToken.ApiToken, typeof ApiToken.ApiToken.Encoded> = {
  table: "iljari_api_tokens",
  kind: "API token",
  schema: ApiToken.ApiToken,
  columns: (t) => ({ digest: t.digest })
}

export const accessRules: TableSpec<AccessRules.Rules, typeof AccessRules.Rules.Encoded> = {
  table: "iljari_access_rules",
  kind: "access rules",
  schema: AccessRules.Rules,
  columns: () => ({})
}

export const monitoringDecisions: TableSpec<MonitoringDecision.Decision, typeof MonitoringDecision.Decision.Encoded> = {
  table: "iljari_monitoring_decisions",
  kind: "monitoring decision",
  schema: MonitoringDecision.Decision,
  columns: () => ({})
}

export const centerSettings: TableSpec<CenterSettings.Settings, typeof CenterSettings.Settings.Encoded> = {
  table: "iljari_center_settings",
  kind: "center settings",
  schema: CenterSettings.Settings,
  columns: () => ({})
}

export const jobCafes: TableSpec<Cafes.StoredCafe, typeof Cafes.StoredCafe.Encoded> = {
  table: "iljari_job_cafes",
  kind: "job café",
  schema: Cafes.StoredCafe,
  columns: () => ({})
}

export const cafePrograms: TableSpec<Cafes.StoredProgram, typeof Cafes.StoredProgram.Encoded> = {
  table: "iljari_cafe_programs",
  kind: "job café program",
  schema: Cafes.StoredProgram,
  columns: (p) => ({ cafe_id: p.cafeId, held_on: p.on })
}

export const cafeSignUps: TableSpec<Cafes.StoredSignUp, typeof Cafes.StoredSignUp.Encoded> = {
  table: "iljari_cafe_sign_ups",
  kind: "job café sign-up",
  schema: Cafes.StoredSignUp,
  columns: (s) => ({ program_id: s.programId, person_id: s.personId })
}

export const surveyLinks: TableSpec<SurveyLink.Link, typeof SurveyLink.Link.Encoded> = {
  table: "iljari_survey_links",
  kind: "survey link",
  schema: SurveyLink.Link,
  columns: (l) => ({ digest: l.digest, questionnaire_id: l.questionnaireId, seeker_id: l.seekerId ?? null })
}
