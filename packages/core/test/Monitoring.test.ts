import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import type { CounselorId, DistrictId, EmployerId, PlacementId, ReferralId, SeekerId } from "../src/kernel/Ids.js"
import type { LocalDate } from "../src/kernel/LocalDate.js"
import * as Monitoring from "../src/casework/Monitoring.js"
import { Placement } from "../src/casework/Placement.js"
import { Referral, type ReferralStatus } from "../src/casework/Referral.js"
import * as Seeker from "../src/registry/Seeker.js"
import { seekerInput } from "@iljari/test-support/fixtures"

const district = "11200" as DistrictId
const d = (s: string) => s as LocalDate
const period = { from: d("2016-03-01"), to: d("2016-03-15") }

const referral = (id: string, seekerId: string, on: string, status: ReferralStatus = "hired") =>
  new Referral({
    id: id as ReferralId,
    districtId: district,
    seekerId: seekerId as SeekerId,
    openingId: "opening-1" as never,
    counselorId: "c1" as CounselorId,
    status,
    history: [{ status: "proposed", on: d(on), by: "c1" as CounselorId }]
  })

const placement = (
  id: string,
  options: { seekerId?: string; referralId?: string; startOn: string; recordedOn?: string; counselorId?: string; counts?: boolean }
) => {
  const counts = options.counts ?? true
  return new Placement({
    id: id as PlacementId,
    districtId: district,
    seekerId: (options.seekerId ?? "s1") as SeekerId,
    employerId: "e1" as EmployerId,
    ...(options.referralId === undefined ? {} : { referralId: options.referralId as ReferralId }),
    counselorId: (options.counselorId ?? "c1") as CounselorId,
    startOn: d(options.startOn),
    recordedOn: d(options.recordedOn ?? options.startOn),
    contractType: "open-ended",
    schedule: "full-time",
    verification: counts ? "center-referral" : "self-found",
    countsForCenter: counts
  })
}

const records = (parts: Partial<Monitoring.Records>): Monitoring.Records => ({
  districtId: district,
  seekers: [],
  referrals: [],
  placements: [],
  counselings: [],
  ...parts
})

const rulesOf = (findings: ReadonlyArray<Monitoring.Finding>) => findings.map((f) => f.rule)

describe("monitoring of improper records", () => {
  it("finds nothing in clean records", () => {
    const findings = Monitoring.review(
      records({
        referrals: [referral("r1", "s1", "2016-03-01")],
        placements: [placement("p1", { referralId: "r1", startOn: "2016-03-07", recordedOn: "2016-03-08" })]
      }),
      period
    )
    expect(findings).toEqual([])
  })

  it("flags a counted placement whose referral is missing, not hired, or someone else's", () => {
    const findings = Monitoring.review(
      records({
        referrals: [referral("r2", "s2", "2016-03-01", "interviewing"), referral("r3", "s9", "2016-03-01")],
        placements: [
          placement("p1", { seekerId: "s1", referralId: "r-missing", startOn: "2016-03-07" }),
          placement("p2", { seekerId: "s2", referralId: "r2", startOn: "2016-03-07" }),
          placement("p3", { seekerId: "s3", referralId: "r3", startOn: "2016-03-07" })
        ]
      }),
      period
    )
    expect(rulesOf(findings)).toEqual(["placement-without-referral", "placement-without-referral", "placement-without-referral"])
    expect(findings.map((f) => f.records[0]!.id)).toEqual(["p1", "p2", "p3"])
    expect(Monitoring.describe(findings[1]!, "en")).toBe(
      "[Placement credited to the center without a hired referral] Counted as the center's placement, but its referral is \"interviewing\", not hired"
    )
  })

  it("flags a placement that started before its referral, and one recorded long after it started", () => {
    const findings = Monitoring.review(
      records({
        referrals: [referral("r1", "s1", "2016-03-10"), referral("r2", "s2", "2016-01-04")],
        placements: [
          placement("p1", { referralId: "r1", startOn: "2016-03-02" }),
          placement("p2", { seekerId: "s2", referralId: "r2", startOn: "2016-03-02", recordedOn: "2016-04-15" })
        ]
      }),
      period
    )
    expect(findings.map((f) => [f.rule, f.severity, f.records[0]!.id])).toEqual([
      ["placement-before-referral", "high", "p1"],
      ["late-record", "medium", "p2"]
    ])
    expect(findings[1]!.detail.ko).toBe("취업일 2016-03-02, 등록일 2016-04-15 (44일 후)")
  })

  it("ignores self-found placements for the referral and post-hoc rules", () => {
    const findings = Monitoring.review(
      records({ placements: [placement("p1", { startOn: "2016-03-02", recordedOn: "2016-06-01", counts: false })] }),
      period
    )
    expect(findings).toEqual([])
  })

  it("flags the same person registered twice and names the counselors involved", () => {
    const a = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "s1" }))
    const b = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "s2", contact: {} }))
    const other = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "s3", name: "이서연", contact: {} }))
    const findings = Monitoring.review(
      records({
        seekers: [a, b, other],
        counselings: [
          { id: "k1", districtId: district, seekerId: "s1", counselorId: "c1", heldOn: "2016-03-02", channel: "visit" },
          { id: "k2", districtId: district, seekerId: "s2", counselorId: "c2", heldOn: "2016-03-03", channel: "phone" }
        ] as never
      }),
      period
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      rule: "duplicate-seeker",
      severity: "high",
      records: [
        { kind: "seeker", id: "s1" },
        { kind: "seeker", id: "s2" },
        { kind: "counselor", id: "c1" },
        { kind: "counselor", id: "c2" }
      ]
    })
  })

  it("never takes erased seekers for one person registered twice", () => {
    // Erasure leaves "(파기됨)" born on 1 January of their year: the same for many people.
    const erased = ["s1", "s2", "s3"].map((id) =>
      Seeker.anonymise(Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id, name: `다른사람${id}` })), d("2019-01-02")))
    expect(Monitoring.review(records({ seekers: erased }), period)).toEqual([])
  })

  it("flags a seeker placed twice within the configured days", () => {
    const placements = [
      placement("p1", { referralId: "r1", startOn: "2016-02-20" }),
      placement("p2", { referralId: "r2", startOn: "2016-03-10" })
    ]
    const referrals = [referral("r1", "s1", "2016-02-01"), referral("r2", "s1", "2016-03-01")]
    expect(rulesOf(Monitoring.review(records({ placements, referrals }), period))).toEqual(["repeat-placement"])
    const relaxed = { ...Monitoring.defaultConfig, repeatPlacementDays: 10 }
    expect(Monitoring.review(records({ placements, referrals }), period, relaxed)).toEqual([])
  })

  it("flags a counselor whose placements far exceed their usual", () => {
    const referrals: Array<Referral> = []
    const placements: Array<Placement> = []
    const add = (n: number, counselorId: string, startOn: string) => {
      for (let i = 0; i < n; i++) {
        const id = `${counselorId}-${startOn}-${i}`
        referrals.push(referral(`r-${id}`, `s-${id}`, "2015-01-01"))
        placements.push(placement(`p-${id}`, { seekerId: `s-${id}`, referralId: `r-${id}`, startOn, counselorId }))
      }
    }
    // The baseline is the 6 periods of 15 days before March 1st; "usual" is its mean.
    add(2, "c1", "2016-02-20") // usual 1/3
    add(6, "c1", "2016-03-05")
    add(6, "c2", "2016-03-05") // no history: usual 0
    add(12, "c3", "2016-02-01") // usual 2
    add(6, "c3", "2016-03-05") // 6 > 2 × 2, but not > 3.5 × 2
    const findings = Monitoring.review(records({ placements, referrals }), period)
      .filter((f) => f.rule === "volume-spike")
    expect(findings.map((f) => f.counselorId)).toEqual(["c1", "c2", "c3"])
    const strict = { ...Monitoring.defaultConfig, volumeSpikeFactor: 3.5 }
    expect(
      Monitoring.review(records({ placements, referrals }), period, strict)
        .filter((f) => f.rule === "volume-spike").map((f) => f.counselorId)
    ).toEqual(["c1", "c2"])
  })

  it("never reports another district's records", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 20 }), (days) => {
      // Improper in every way (no referral, post-hoc, repeated), but another district's.
      const foreign = days.map((day, i) =>
        new Placement({
          ...placement(`x${i}`, { referralId: "missing", startOn: `2016-03-${String(1 + day).padStart(2, "0")}`, recordedOn: "2016-09-01" }),
          districtId: "11215" as DistrictId
        })
      )
      expect(Monitoring.review(records({ placements: foreign }), period)).toEqual([])
    }))
  })
})
