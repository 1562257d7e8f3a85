/**
 * A demo district for pictures and manual checks: Seongdong (11200) from
 * January to March 2016 at about the pace of the seeds' targets — some 230
 * openings, 580 seekers, 170 placements and 1,380 counseling sessions a
 * month among five counselors — with the seeds' mismatch (seekers in their
 * 50s–60s wanting cleaning and security work, employers wanting office and
 * design staff), a few improper records for the monitoring review, the
 * seeds' budget table and two job fairs. Deterministic: the same records on
 * every run.
 */
import {
  type Codes,
  Counseling,
  FollowUp,
  type Ids,
  LocalDate,
  Monitoring,
  Opening,
  Placement,
  Referral,
  Repositories,
  Seeker,
  Targets,
  Wage
} from "@iljari/core"
import { Effect, Either, Layer } from "effect"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { type Budget, type JobFairs, Report, ReportSource, SupplyDemand } from "@iljari/report"

export const district = "11200" as Ids.DistrictId

export const counselors = [
  ["counselor-01", "김지현"],
  ["counselor-02", "이서준"],
  ["counselor-03", "박민지"],
  ["counselor-04", "최우진"],
  ["counselor-05", "정하은"]
] as const

export const names: Readonly<Record<string, string>> = Object.fromEntries(counselors)

// A small deterministic generator (mulberry32).
const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const d = (s: string) => s as LocalDate.LocalDate
const pad = (n: number, w = 5) => String(n).padStart(w, "0")

export const records = () => {
  const next = random(20160331)
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(next() * items.length)]!
  const weighted = <A>(items: ReadonlyArray<readonly [A, number]>): A => {
    let r = next() * items.reduce((n, [, w]) => n + w, 0)
    for (const [item, w] of items) if ((r -= w) < 0) return item
    return items[items.length - 1]![0]
  }
  const dayIn = (month: number, year = 2016) => {
    const days = LocalDate.daysInMonth(year, month)
    return LocalDate.make(year, month, 1 + Math.floor(next() * days))
  }
  const { closesOn: _c, ...openingBase } = openingInput
  // Counselors work at different paces: 이서준 is behind, 최우진 ahead.
  const counselorWeights = [["counselor-01", 1.05], ["counselor-02", 0.8], ["counselor-03", 1], ["counselor-04", 1.2], [
    "counselor-05",
    0.95
  ]] as const
  const counselor = () => weighted(counselorWeights) as Ids.CounselorId

  const seekers: Array<Seeker.Seeker> = []
  const openings: Array<Opening.Opening> = []
  const counselings: Array<Counseling.Counseling> = []
  const referrals: Array<Referral.Referral> = []
  const placements: Array<Placement.Placement> = []
  const followUps: Array<FollowUp.Check> = []

  const perMonth = [
    { openings: 220, seekers: 560, counseling: 1_300 },
    { openings: 228, seekers: 571, counseling: 1_420 },
    { openings: 251, seekers: 590, counseling: 1_384 }
  ]
  for (const [m, plan] of perMonth.entries()) {
    const month = m + 1
    for (let i = 0; i < plan.openings; i++) {
      const occupation = weighted([["0231", 30], ["1320", 12], ["4122", 14], ["6110", 14], ["5611", 12], ["5410", 8], ["8910", 10]] as const)
      const monthly = weighted([[1_700_000, 8], [2_000_000, 20], [2_400_000, 25], [2_800_000, 27], [3_300_000, 20]] as const)
      openings.push(Either.getOrThrow(Opening.decodeEither({
        ...openingBase,
        id: `opening-${month}-${pad(i)}`,
        districtId: district,
        occupation,
        headcount: weighted([[1, 70], [2, 20], [3, 10]] as const),
        educationMinimum: weighted([["00", 30], ["03", 25], ["04", 20], ["05", 25]] as const),
        wage: { type: "monthly", min: monthly + Math.floor(next() * 20) * 10_000 },
        workRegion: weighted([["11200", 80], ["11680", 8], ["11215", 6], ["11230", 6]] as const),
        openedOn: dayIn(month)
      })))
    }
    for (let i = 0; i < plan.seekers; i++) {
      const groups = weighted([
        [["middle-aged"], 42],
        [["senior"], 15],
        [["youth"], 12],
        [["career-break-women"], 8],
        [["middle-aged", "vulnerable"], 5],
        [["homeless"], 1],
        [["youth", "discharging-soldier"], 2],
        [[], 15]
      ] as const)
      const day = dayIn(month)
      seekers.push(Either.getOrThrow(Seeker.decodeEither({
        ...seekerInput,
        id: `seeker-${month}-${pad(i)}`,
        districtId: district,
        name: `구직자${month}${pad(i, 4)}`,
        birthDate: `19${50 + Math.floor(next() * 45)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`,
        contact: {},
        desiredOccupations: [weighted([["5611", 40], ["5410", 25], ["6220", 10], ["0231", 10], ["4122", 3], ["8910", 12]] as const)],
        education: weighted([["02", 20], ["03", 55], ["04", 10], ["05", 15]] as const),
        desiredWage: { type: "monthly", amount: weighted([[1_600_000, 20], [1_900_000, 35], [2_100_000, 25], [2_400_000, 12], [2_900_000, 8]] as const) },
        addressRegion: weighted([["11200", 85], ["11215", 7], ["11230", 5], ["11290", 3]] as const),
        targetGroups: groups,
        registeredAt: `${day}T01:00:00.000Z`
      })))
    }
  }
  const registered = (on: LocalDate.LocalDate) => seekers.filter((s) => s.registeredAt.epochMillis <= Date.parse(`${on}T23:59:59Z`))
  for (const [m, plan] of perMonth.entries()) {
    const month = m + 1
    for (let i = 0; i < plan.counseling; i++) {
      const heldOn = dayIn(month)
      const pool = registered(heldOn)
      counselings.push(new Counseling.Counseling({
        id: `counseling-${month}-${pad(i)}` as Ids.CounselingId,
        districtId: district,
        seekerId: pick(pool.length > 0 ? pool : seekers).id,
        counselorId: counselor(),
        heldOn,
        channel: weighted([["visit", 6], ["phone", 3], ["outreach", 1]] as const)
      }))
    }
    // Referrals still in progress.
    for (let i = 0; i < 90; i++) {
      const on = dayIn(month)
      const by = counselor()
      referrals.push(new Referral.Referral({
        id: `referral-open-${month}-${pad(i)}` as Ids.ReferralId,
        districtId: district,
        seekerId: pick(registered(on).length > 0 ? registered(on) : seekers).id,
        openingId: pick(openings).id,
        counselorId: by,
        status: "sent",
        history: [{ status: "proposed", on, by }, { status: "sent", on: LocalDate.addDays(on, 1), by }]
      }))
    }
  }
const placed = new Set<string>()
const place = (year: number, month: number, i: number, counts: boolean) => {
    const startOn = dayIn(month, year)
    // Each seeker is placed once; placements before 2016 are of seekers registered earlier.
    const pool = year < 2016 ? [] : registered(startOn).filter((s) => !placed.has(s.id))
    const seeker = pool.length > 0 ? pick(pool) : { id: `seeker-${year}-${month}-${pad(i)}` as Ids.SeekerId }
    placed.add(seeker.id)
    const by = counselor()
    const id = `placement-${year}-${month}-${pad(i)}`
    let referralId: Ids.ReferralId | undefined
    if (counts) {
      referralId = `referral-${year}-${month}-${pad(i)}` as Ids.ReferralId
      const proposed = LocalDate.addDays(startOn, -10)
      referrals.push(new Referral.Referral({
        id: referralId,
        districtId: district,
        seekerId: seeker.id,
        openingId: pick(openings).id,
        counselorId: by,
        status: "hired",
        history: [
          { status: "proposed", on: proposed, by },
          { status: "sent", on: LocalDate.addDays(proposed, 1), by },
          { status: "interviewing", on: LocalDate.addDays(proposed, 4), by },
          { status: "hired", on: LocalDate.addDays(proposed, 7), by }
        ]
      }))
    }
    placements.push(new Placement.Placement({
      id: id as Ids.PlacementId,
      districtId: district,
      seekerId: seeker.id,
      employerId: "employer-0001" as Ids.EmployerId,
      ...(referralId === undefined ? {} : { referralId }),
      counselorId: by,
      startOn,
      recordedOn: startOn,
      contractType: "open-ended",
      schedule: "full-time",
      verification: counts ? "center-referral" : "self-found",
      countsForCenter: counts
    }))
    // Three monthly follow-up checks, read on March 31: most done on time.
    for (const { sequence, windowStart, windowEnd } of FollowUp.windows(startOn, FollowUp.threeMonthly)) {
      const dueOn = windowEnd
      const fate = next()
      const doneOn = fate < 0.84
        ? LocalDate.addDays(dueOn, -Math.floor(next() * 5))
        : fate < 0.92
        ? LocalDate.addDays(dueOn, 1 + Math.floor(next() * 6))
        : undefined
      const done = doneOn !== undefined && doneOn <= d("2016-03-31")
      followUps.push(new FollowUp.Check({
        id: `check-${id}-${sequence}` as Ids.FollowUpId,
        districtId: district,
        placementId: id as Ids.PlacementId,
        seekerId: seeker.id,
        counselorId: by,
        sequence,
        windowStart,
        windowEnd,
        dueOn,
        ...(done ? { doneOn, channel: "phone" as const, outcome: "working" as const } : {})
      }))
    }
  }
  // Placements from September 2015 (the monitoring review's "usual" volume, and
  // follow-up checks due in 2016) to March 2016.
  const placementMonths = [
    [2015, 9, 150, 10], [2015, 10, 158, 12], [2015, 11, 161, 9], [2015, 12, 149, 11],
    [2016, 1, 150, 12], [2016, 2, 168, 9], [2016, 3, 172, 20]
  ] as const
  for (const [year, month, counting, selfFound] of placementMonths) {
    for (let i = 0; i < counting; i++) place(year, month, i, true)
    for (let i = 0; i < selfFound; i++) place(year, month, counting + i, false)
  }
  // Improper records for the monitoring review: a placement counted although its
  // referral never reached a hire, and one that started before its referral.
  const first = placements.find((p) => p.countsForCenter && p.startOn >= d("2016-03-05") && p.referralId !== undefined)!
  const firstReferral = referrals.findIndex((r) => r.id === first.referralId)
  referrals[firstReferral] = new Referral.Referral({
    ...referrals[firstReferral]!,
    status: "interviewing",
    history: [referrals[firstReferral]!.history[0], ...referrals[firstReferral]!.history.slice(1, 3)]
  })
  const second = placements.find((p) => p.countsForCenter && p.startOn >= d("2016-03-10") && p.id !== first.id)!
  const secondReferral = referrals.findIndex((r) => r.id === second.referralId)
  const late = LocalDate.addDays(second.startOn, 3)
  referrals[secondReferral] = new Referral.Referral({
    ...referrals[secondReferral]!,
    history: [
      { status: "proposed", on: late, by: second.counselorId },
      { status: "sent", on: late, by: second.counselorId },
      { status: "interviewing", on: late, by: second.counselorId },
      { status: "hired", on: late, by: second.counselorId }
    ]
  })
  // The same person registered twice, by two counselors.
  const twin = seekers[10]!
  seekers.push(new Seeker.Seeker({ ...twin, id: "seeker-twin" as Ids.SeekerId }))
  counselings.push(new Counseling.Counseling({
    id: "counseling-twin" as Ids.CounselingId,
    districtId: district,
    seekerId: "seeker-twin" as Ids.SeekerId,
    counselorId: "counselor-05" as Ids.CounselorId,
    heldOn: d("2016-03-14"),
    channel: "visit"
  }))
  counselings.push(new Counseling.Counseling({
    id: "counseling-twin-0" as Ids.CounselingId,
    districtId: district,
    seekerId: twin.id,
    counselorId: "counselor-01" as Ids.CounselorId,
    heldOn: d("2016-03-02"),
    channel: "visit"
  }))
  return { seekers, openings, counselings, referrals, placements, followUps }
}

/** The seeds' targets, with counseling grown by the same 5%. */
export const plan = Either.getOrThrow(Targets.plan({
  year: 2016,
  growthPercent: 5,
  baseline: { openings: 2_664, seekers: 6_594, placements: 1_963, counseling: 15_816 },
  rounding: { mode: "nearest", unit: 10 },
  overrides: { seekers: 6_930 }
}))

export const targets: Targets.MetricCounts = Object.fromEntries(plan.lines.map((l) => [l.metric, l.target]))

export const budget: ReadonlyArray<Budget.Line> = [
  { unitProject: "취업활동지원", budget: 1_229_775, spent: 830_446 },
  { unitProject: "지역일자리사업지원", budget: 1_887_159, spent: 1_301_295 },
  { unitProject: "행정운영경비", budget: 76_783, spent: 46_639 },
  { unitProject: "인력운영비", budget: 55_373, spent: 49_410 }
]

export const fairs: ReadonlyArray<JobFairs.Fair> = [
  { name: "일 잡는 데이 (구청)", heldOn: d("2016-03-09"), employers: 6, invited: 34, attended: 22, interviewed: 19, hired: 4 },
  { name: "찾아가는 일 잡는 데이 (성수 지식산업센터)", heldOn: d("2016-03-23"), employers: 9, invited: 41, attended: 27, interviewed: 23, hired: 5 }
]

/**
 * The demo's monthly report of March 2016, with every extra: the supply and
 * demand tally of the demo's own seekers and openings, the monitoring review
 * of March, the seeds' budget and the disclosure.
 */
export const marchReport = Effect.gen(function*() {
  const all = records()
  const layer = Layer.effectDiscard(Effect.gen(function*() {
    const insert = <A>(repo: { readonly insert: (a: A) => Effect.Effect<unknown, unknown> }, rows: ReadonlyArray<A>) =>
      Effect.forEach(rows, (row) => repo.insert(row), { discard: true })
    yield* insert(yield* Repositories.SeekerRepository, all.seekers)
    yield* insert(yield* Repositories.OpeningRepository, all.openings)
    yield* insert(yield* Repositories.CounselingRepository, all.counselings)
    yield* insert(yield* Repositories.ReferralRepository, all.referrals)
    yield* insert(yield* Repositories.PlacementRepository, all.placements)
    yield* insert(yield* Repositories.FollowUpRepository, all.followUps)
  }).pipe(Effect.orDie)).pipe(Layer.provideMerge(ReportSource.ReportSource.layerMemory), Layer.provide(Repositories.layerMemory))

  // The supply and demand of March's new seekers and openings (tallied here until the
  // matching module's mismatch tally is wired in).
  const inMarch = (date: string) => date >= "2016-03-01" && date <= "2016-03-31"
  const tally = (key: (x: string) => string, seekers: ReadonlyArray<string>, positions: ReadonlyArray<readonly [string, number]>) => {
    const map = new Map<string, { key: string; seekers: number; positions: number }>()
    const row = (k: string) => map.get(k) ?? map.set(k, { key: k, seekers: 0, positions: 0 }).get(k)!
    for (const s of seekers) row(key(s)).seekers++
    for (const [p, n] of positions) row(key(p)).positions += n
    return [...map.values()]
  }
  const marchSeekers = all.seekers.filter((s) => inMarch(LocalDate.fromEpochMillisInKorea(s.registeredAt.epochMillis)))
  const marchOpenings = all.openings.filter((o) => inMarch(o.openedOn))
  const monthlyWage = (w: { readonly type: Codes.WageType; readonly amount: number } | undefined) =>
    w === undefined ? "none" : SupplyDemand.bandOf(Wage.toMonthly(w.type, w.amount)) ?? "none"
  const positions = <K>(key: (o: Opening.Opening) => K) => marchOpenings.map((o) => [key(o), o.headcount] as const)
  const supplyDemand: SupplyDemand.Input = {
    occupation: tally((c) => c.slice(0, 1), marchSeekers.map((s) => s.desiredOccupations[0] ?? "0"), positions((o) => o.occupation)),
    education: tally((e) => e, marchSeekers.map((s) => s.education), positions((o) => o.educationMinimum)),
    wageBand: tally(
      (w) => w,
      marchSeekers.map((s) => monthlyWage(s.desiredWage)),
      positions((o) => monthlyWage({ type: o.wage.type, amount: o.wage.min }))
    ).filter((e) => e.key !== "none"),
    region: tally((r) => r, marchSeekers.map((s) => s.addressRegion), positions((o) => o.workRegion))
  }
  const findings = Monitoring.review(
    { districtId: district, seekers: all.seekers, referrals: all.referrals, placements: all.placements, counselings: all.counselings },
    { from: d("2016-03-01"), to: d("2016-03-31") }
  )
  return yield* Report.monthly({
    districtId: district,
    year: 2016,
    month: 3,
    targets,
    names,
    plan,
    supplyDemand,
    fairs,
    findings,
    budget: { lines: budget, statedTotal: { budget: 3_249_090, spent: 2_227_790 } }
  }).pipe(Effect.provide(layer))
})
