import { Counseling, Counselor, Employer, FollowUp, JobFair, Opening, Placement, Referral, Seeker } from "@iljari/core"
import { DateTime } from "effect"
import type { TableSpec } from "./store.js"

const koreanDate = (at: DateTime.Utc) => DateTime.formatIsoDate(DateTime.add(at, { hours: 9 }))

// Each record kind's table and the columns its queries filter on.

export const seekers: TableSpec<Seeker.Seeker, typeof Seeker.Seeker.Encoded> = {
  table: "iljari_seekers",
  kind: "seeker",
  schema: Seeker.Seeker,
  columns: (s) => ({
    name: s.name,
    phone: s.contact.phone ?? null,
    birth_date: s.birthDate,
    registered_on: koreanDate(s.registeredAt)
  })
}

export const employers: TableSpec<Employer.Employer, typeof Employer.Employer.Encoded> = {
  table: "iljari_employers",
  kind: "employer",
  schema: Employer.Employer,
  columns: () => ({})
}

export const openings: TableSpec<Opening.Opening, typeof Opening.Opening.Encoded> = {
  table: "iljari_openings",
  kind: "opening",
  schema: Opening.Opening,
  columns: (o) => ({ employer_id: o.employerId, opened_on: o.openedOn })
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

export const referrals: TableSpec<Referral.Referral, typeof Referral.Referral.Encoded> = {
  table: "iljari_referrals",
  kind: "referral",
  schema: Referral.Referral,
  columns: (r) => ({ seeker_id: r.seekerId })
}

export const placements: TableSpec<Placement.Placement, typeof Placement.Placement.Encoded> = {
  table: "iljari_placements",
  kind: "placement",
  schema: Placement.Placement,
  columns: (p) => ({ seeker_id: p.seekerId, start_on: p.startOn })
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
