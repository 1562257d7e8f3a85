// Records for the report tests, built from the core's valid example inputs
// with the few fields a figure reads changed. Every expectation in the tests
// is counted by hand from the lists below.
import { Counseling, FollowUp, type Ids, type LocalDate, Opening, Placement, Referral, Seeker } from "@iljari/core"
import { Either } from "effect"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"

export const A = "11200" as Ids.DistrictId
export const B = "11215" as Ids.DistrictId
export const d = (s: string) => s as LocalDate.LocalDate
export const k = (s: string) => s as Ids.CounselorId

export const seeker = (id: string, registeredAt: string, targetGroups: ReadonlyArray<string>, districtId = A) =>
  Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id, districtId, registeredAt, targetGroups }))

const { closesOn: _closesOn, ...openingBase } = openingInput

export const opening = (id: string, openedOn: string, districtId = A) =>
  Either.getOrThrow(Opening.decodeEither({ ...openingBase, id, districtId, openedOn }))

export const counseling = (id: string, heldOn: string, counselorId: string, seekerId: string, districtId = A) =>
  new Counseling.Counseling({
    id: id as Ids.CounselingId,
    districtId,
    seekerId: seekerId as Ids.SeekerId,
    counselorId: k(counselorId),
    heldOn: d(heldOn),
    channel: "visit"
  })

export const referral = (
  id: string,
  seekerId: string,
  counselorId: string,
  steps: ReadonlyArray<readonly [Referral.ReferralStatus, string]>,
  districtId = A
) => {
  const history = steps.map(([status, on]) => ({ status, on: d(on), by: k(counselorId) }))
  return new Referral.Referral({
    id: id as Ids.ReferralId,
    districtId,
    seekerId: seekerId as Ids.SeekerId,
    openingId: "o1" as Ids.OpeningId,
    counselorId: k(counselorId),
    status: history[history.length - 1]!.status,
    history: history as [typeof history[number], ...Array<typeof history[number]>]
  })
}

export const placement = (
  id: string,
  seekerId: string,
  counselorId: string,
  startOn: string,
  counts: boolean,
  districtId = A
) =>
  new Placement.Placement({
    id: id as Ids.PlacementId,
    districtId,
    seekerId: seekerId as Ids.SeekerId,
    employerId: "e1" as Ids.EmployerId,
    ...(counts ? { referralId: `r-${id}` as Ids.ReferralId } : {}),
    counselorId: k(counselorId),
    startOn: d(startOn),
    recordedOn: d(startOn),
    contractType: "open-ended",
    schedule: "full-time",
    verification: counts ? "center-referral" : "self-found",
    countsForCenter: counts
  })

const minusDays = (date: string, days: number) => {
  const t = new Date(`${date}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() - days)
  return t.toISOString().slice(0, 10)
}

export const check = (
  id: string,
  counselorId: string,
  dueOn: string,
  state: { readonly doneOn?: string; readonly cancelledOn?: string } = {},
  districtId = A
) =>
  new FollowUp.Check({
    id: id as Ids.FollowUpId,
    districtId,
    placementId: "p1" as Ids.PlacementId,
    seekerId: "s1" as Ids.SeekerId,
    counselorId: k(counselorId),
    sequence: 1,
    windowStart: d(minusDays(dueOn, 27)),
    windowEnd: d(dueOn),
    dueOn: d(dueOn),
    ...(state.doneOn === undefined ? {} : { doneOn: d(state.doneOn), channel: "phone" as const, outcome: "working" as const }),
    ...(state.cancelledOn === undefined ? {} : { cancelledOn: d(state.cancelledOn) })
  })

/**
 * District A in early 2016, two counselors (k1, k2), and a few records of
 * district B that no count of A may include.
 */
export const records = {
  seekers: [
    // 2016-02-29 15:30 UTC is 2016-03-01 00:30 in Korea: a March registration.
    seeker("s1", "2016-02-29T15:30:00.000Z", ["middle-aged"]),
    seeker("s2", "2016-03-10T01:00:00.000Z", ["youth"]),
    // 14:59 UTC on the 31st is 23:59 in Korea, still March; 15:00 UTC is April 1 in Korea.
    seeker("s3", "2016-03-31T14:59:00.000Z", ["youth", "career-break-women"]),
    seeker("s4", "2016-03-31T15:00:00.000Z", ["senior"]),
    seeker("s5", "2016-01-15T01:00:00.000Z", []),
    seeker("sB", "2016-03-05T01:00:00.000Z", ["youth"], B)
  ],
  openings: [
    opening("o1", "2016-03-01"),
    opening("o2", "2016-03-31"),
    opening("o3", "2016-02-15"),
    opening("o4", "2016-04-01"),
    opening("oB", "2016-03-10", B)
  ],
  counselings: [
    counseling("c1", "2016-03-02", "k1", "s1"),
    counseling("c2", "2016-03-02", "k1", "s2"),
    counseling("c3", "2016-03-15", "k2", "s3"),
    counseling("c4", "2016-03-31", "k2", "s1"),
    counseling("c5", "2016-02-28", "k1", "s5"),
    counseling("c6", "2016-04-01", "k1", "s4"),
    counseling("cB", "2016-03-03", "k9", "sB", B)
  ],
  referrals: [
    referral("r1", "s1", "k1", [["proposed", "2016-03-02"], ["sent", "2016-03-03"], ["interviewing", "2016-03-05"], ["hired", "2016-03-07"]]),
    // Proposed in February, hired in March: a February referral.
    referral("r2", "s2", "k1", [["proposed", "2016-02-25"], ["sent", "2016-03-01"], ["interviewing", "2016-03-04"], ["hired", "2016-03-08"]]),
    referral("r3", "s3", "k2", [["proposed", "2016-03-20"], ["sent", "2016-03-21"]]),
    referral("rB", "sB", "k9", [["proposed", "2016-03-04"]], B)
  ],
  placements: [
    placement("p1", "s1", "k1", "2016-03-09", true),
    placement("p2", "s2", "k1", "2016-03-14", true),
    // Self-found: recorded, never counted as the center's.
    placement("p3", "s3", "k2", "2016-03-21", false),
    placement("p4", "s5", "k2", "2016-02-10", true),
    placement("pB", "sB", "k9", "2016-03-11", true, B)
  ],
  followUps: [
    check("f1", "k1", "2016-03-08", { doneOn: "2016-03-07" }),
    check("f2", "k1", "2016-03-09", { doneOn: "2016-03-10" }),
    check("f3", "k1", "2016-03-15"),
    check("f4", "k1", "2016-03-20"),
    check("f5", "k2", "2016-03-25"),
    check("f6", "k2", "2016-03-10", { cancelledOn: "2016-03-05" }),
    check("f7", "k2", "2016-02-26", { doneOn: "2016-02-26" }),
    check("f8", "k2", "2016-03-31", { doneOn: "2016-03-18" }),
    check("fB", "k9", "2016-03-10", {}, B)
  ]
}

export const march = { from: d("2016-03-01"), to: d("2016-03-31") }
export const firstQuarter = { from: d("2016-01-01"), to: d("2016-03-31") }
