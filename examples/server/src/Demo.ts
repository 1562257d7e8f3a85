/**
 * A demo district at the seeds' scale (Seongdong 2015: 6,594 seekers, 2,664
 * openings, 1,963 placements, 15,816 counseling sessions a year), with the
 * seeds' mismatch: most seekers are in their 50s–60s and want cleaning,
 * security or driving/parking work; most openings are office, IT and design
 * jobs asking for college graduates. Deterministic: the same seed gives the
 * same district. All names, numbers and companies are invented.
 */
import { BusinessCalendar, Employer, FollowUp, LocalDate } from "@iljari/core"
import { Either } from "effect"

export const district = "11200"
export const neighbour = "11215"

// mulberry32: small and reproducible.
const prng = (seed: number) => {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"]
const syllables = ["민", "서", "지", "현", "수", "영", "준", "우", "성", "진", "희", "경", "숙", "철", "호", "순", "미", "정", "연", "재"]
const simpleWork = ["5611", "5612", "5411", "5412", "6213", "6215"] // cleaning, security, driving/parking
const officeWork = ["0231", "0232", "0261", "1331", "1332", "4122", "4123", "6111"] // office, IT, web design, sales
const seoul = ["11200", "11215", "11230", "11140", "11710", "11680"]
const companies = ["성수", "왕십리", "뚝섬", "금호", "옥수", "행당", "응봉", "마장", "사근", "송정"]
const kinds = ["디지털", "테크", "솔루션", "디자인", "물산", "산업", "서비스", "시스템"]

const pad = (n: number, w: number) => String(n).padStart(w, "0")
const iso = (date: string) => `${date}T01:00:00.000Z`

export interface DemoData {
  readonly counselors: ReadonlyArray<object>
  readonly employers: ReadonlyArray<object>
  readonly openings: ReadonlyArray<object>
  readonly seekers: ReadonlyArray<object>
  readonly counselings: ReadonlyArray<object>
  readonly referrals: ReadonlyArray<object>
  readonly placements: ReadonlyArray<object>
  readonly followUps: ReadonlyArray<object>
}

export const counselorIds = ["counselor-01", "counselor-02", "counselor-03", "counselor-04"] as const

/** The follow-up rule and calendar the server's placements use (`JobCenter.Config`), so demo placements follow them too. */
export interface Casework {
  readonly followUpPolicy: FollowUp.Policy
  readonly calendar: BusinessCalendar.BusinessCalendar
}

export const generate = (casework: Casework, seed = 2016, scale = 1): DemoData => {
  const random = prng(seed)
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)]!
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const day = (from: string, to: string) => LocalDate.addDays(from as LocalDate.LocalDate, int(0, LocalDate.daysBetween(from as LocalDate.LocalDate, to as LocalDate.LocalDate)))
  const name = () => pick(surnames) + pick(syllables) + pick(syllables)
  const count = (n: number) => Math.max(1, Math.round(n * scale))

  const counselors = [
    ...counselorIds.map((id, i) => ({ id, districtId: district, name: ["박상담", "김지원", "이나래", "최다온"][i], role: "counselor", contact: { email: `${id}@seongdong.example.kr` }, active: true })),
    { id: "manager-01", districtId: district, name: "정관리", role: "manager", contact: { email: "manager@seongdong.example.kr" }, active: true },
    { id: "admin-01", districtId: district, name: "한운영", role: "admin", contact: {}, active: true }
  ]

  const employers = Array.from({ length: count(600) }, (_, i) => {
    const nine = pad(100_000_000 + i * 7919, 9)
    return {
      id: `employer-${pad(i + 1, 4)}`,
      districtId: district,
      name: `${pick(companies)}${pick(kinds)}(주)`,
      businessNumber: `${nine}${Employer.businessNumberCheckDigit(nine)}`,
      addressRegion: district,
      size: pick(["micro", "small", "small", "medium"]),
      contacts: [{ name: name(), role: "인사담당", phone: `02-${int(2200, 2299)}-${pad(int(0, 9999), 4)}`, email: `hr${i + 1}@company.example.kr` }],
      source: pick(["walk-in", "knowledge-industry-center", "chamber-of-commerce", "discovery-visit", "job-fair"]),
      registeredAt: iso(day("2025-01-02", "2026-10-30"))
    }
  })

  const openings = Array.from({ length: count(2_664) }, (_, i) => {
    const office = random() < 0.62
    const occupation = pick(office ? officeWork : simpleWork)
    const monthlyMin = office ? int(24, 34) * 100_000 : int(20, 24) * 100_000
    const openedOn = day("2026-01-02", "2026-11-20")
    return {
      id: `opening-${pad(i + 1, 5)}`,
      districtId: district,
      employerId: pick(employers).id,
      title: office ? pick(["사무보조", "웹디자이너", "기술영업", "경리사무원", "웹개발자"]) + " 채용" : pick(["미화원", "경비원", "주차관리원", "건물청소원"]) + " 모집",
      occupation,
      headcount: int(1, 3),
      workRegion: random() < 0.8 ? district : pick(seoul),
      wage: { type: "monthly", min: monthlyMin, max: monthlyMin + int(0, 6) * 100_000 },
      educationMinimum: office ? pick(["04", "05", "05"]) : pick(["00", "00", "03"]),
      career: office && random() < 0.4 ? { requirement: "experienced", minimumMonths: int(6, 36) } : { requirement: pick(["new", "any"]) },
      contractType: pick(["open-ended", "open-ended", "fixed-term"]),
      schedule: office ? "full-time" : pick(["full-time", "part-time"]),
      workingDays: pick(["five-days", "five-days", "six-days", "shifts"]),
      weeklyHours: office ? 40 : pick([40, 30, 44]),
      requiredCertificates: [],
      preferredCertificates: [],
      preferences: [],
      openedOn,
      closesOn: LocalDate.addDays(openedOn as LocalDate.LocalDate, 30),
      status: openedOn < "2026-10-01" ? pick(["closed", "filled"]) : "open"
    }
  })

  const seekers = Array.from({ length: count(6_594) }, (_, i) => {
    const band = random()
    const older = band < 0.65
    const young = !older && band < 0.85
    const birthYear = older ? int(1957, 1976) : young ? int(1992, 2005) : int(1977, 1991)
    const wantsSimple = older || (!young && random() < 0.5)
    const registered = day("2026-01-02", "2026-11-20")
    return {
      id: `seeker-${pad(i + 1, 5)}`,
      districtId: district,
      name: name(),
      contact: { phone: `010-${pad(2000 + (i % 8000), 4)}-${pad((i * 37) % 10_000, 4)}` },
      birthDate: `${birthYear}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
      gender: random() < 0.55 ? "female" : "male",
      addressRegion: random() < 0.85 ? district : pick(seoul),
      desiredOccupations: wantsSimple ? [pick(simpleWork)] : [pick(officeWork)],
      desiredRegions: [district],
      education: older ? pick(["02", "03", "03"]) : young ? pick(["03", "04", "05", "05"]) : pick(["03", "04", "05"]),
      careerMonths: older ? int(60, 360) : young ? int(0, 24) : int(12, 180),
      certificates: [],
      desiredWage: { type: "monthly", amount: wantsSimple ? int(19, 23) * 100_000 : int(24, 32) * 100_000 },
      desiredEmployment: { contractTypes: [], schedules: [] },
      targetGroups: older ? ["middle-aged"] : young ? ["youth"] : [],
      consents: [
        { purpose: "personal-data", givenAt: iso(registered) },
        { purpose: "service", channel: "sms", givenAt: iso(registered) }
      ],
      registrationChannel: pick(["visit", "visit", "phone", "outreach", "job-cafe"]),
      registeredAt: iso(registered)
    }
  })

  const counselings = Array.from({ length: count(15_816) }, (_, i) => {
    const seeker = pick(seekers)
    return {
      id: `counseling-${pad(i + 1, 6)}`,
      districtId: district,
      seekerId: seeker.id,
      counselorId: pick(counselorIds),
      heldOn: day(seeker.registeredAt.slice(0, 10), "2026-11-20"),
      channel: pick(["visit", "visit", "phone", "phone", "outreach", "job-cafe"])
    }
  })

  // Placements: about four in five through the center's referral (counting), the rest self-found.
  const referrals: Array<object> = []
  const placements: Array<object> = []
  const followUps: Array<object> = []
  const placed = new Set<string>()
  for (let i = 0; placements.length < count(1_963) && i < seekers.length * 3; i++) {
    const seeker = pick(seekers)
    if (placed.has(seeker.id)) continue
    placed.add(seeker.id)
    const counselorId = pick(counselorIds)
    const proposedOn = day(seeker.registeredAt.slice(0, 10), "2026-10-31")
    const startOn = LocalDate.addDays(proposedOn as LocalDate.LocalDate, int(7, 28))
    const opening = pick(openings)
    const throughCenter = random() < 0.8
    let referralId: string | undefined
    if (throughCenter) {
      referralId = `referral-${pad(referrals.length + 1, 5)}`
      const step = (status: string, offset: number) => ({ status, on: LocalDate.addDays(proposedOn as LocalDate.LocalDate, offset), by: counselorId })
      referrals.push({
        id: referralId, districtId: district, seekerId: seeker.id, openingId: opening.id, counselorId, status: "hired",
        history: [step("proposed", 0), step("sent", 1), step("interviewing", 4), step("hired", 6)]
      })
    }
    const placementId = `placement-${pad(placements.length + 1, 5)}`
    placements.push({
      id: placementId, districtId: district, seekerId: seeker.id, employerId: opening.employerId,
      ...(throughCenter ? { openingId: opening.id, referralId } : {}),
      counselorId, startOn, recordedOn: LocalDate.addDays(startOn, int(0, 5)),
      contractType: opening.contractType, schedule: opening.schedule,
      verification: throughCenter ? "center-referral" : "self-found", countsForCenter: throughCenter
    })
    const schedule = FollowUp.schedule(startOn, casework.followUpPolicy, casework.calendar)
    if (Either.isRight(schedule)) {
      for (const draft of schedule.right) {
        const done = draft.dueOn < "2026-11-20" && random() < 0.85
        followUps.push({
          ...draft, id: `follow-up-${pad(followUps.length + 1, 6)}`, districtId: district, placementId, seekerId: seeker.id, counselorId,
          ...(done
            ? { doneOn: LocalDate.addDays(draft.dueOn, -int(0, 5)), channel: "phone", outcome: pick(["working", "working", "working", "difficulties", "quit"]) }
            : {})
        })
      }
    }
  }
  // A few referrals that did not end in a hire.
  for (let i = 0; i < count(1_500); i++) {
    const seeker = pick(seekers)
    const counselorId = pick(counselorIds)
    const on = day(seeker.registeredAt.slice(0, 10), "2026-11-20")
    const status = pick(["proposed", "sent", "interviewing", "rejected", "withdrawn"])
    const path = ({ proposed: ["proposed"], sent: ["proposed", "sent"], interviewing: ["proposed", "sent", "interviewing"], rejected: ["proposed", "sent", "rejected"], withdrawn: ["proposed", "withdrawn"] } as const)[status as "proposed"]
    referrals.push({
      id: `referral-${pad(referrals.length + 1, 5)}`, districtId: district, seekerId: seeker.id, openingId: pick(openings).id, counselorId, status,
      history: path.map((s, k) => ({ status: s, on: LocalDate.addDays(on as LocalDate.LocalDate, k * 2), by: counselorId }))
    })
  }
  // Caseloads, derived after the fact so that the generated figures stay as they were: each seeker
  // is in the caseload of the counselor who first counseled them, and their status is how far their case went.
  const firstCounselor = new Map<string, string>()
  for (const c of counselings) if (!firstCounselor.has(c.seekerId)) firstCounselor.set(c.seekerId, c.counselorId)
  const reached = (rows: ReadonlyArray<object>) => new Set(rows.map((row) => (row as { seekerId: string }).seekerId))
  const hired = reached(placements)
  const referred = reached(referrals)
  const counseled = reached(counselings)
  const withCaseloads = seekers.map((seeker, i) => ({
    ...seeker,
    counselorId: firstCounselor.get(seeker.id) ?? counselorIds[i % counselorIds.length]!,
    status: hired.has(seeker.id) ? "placed" : referred.has(seeker.id) ? "referred" : counseled.has(seeker.id) ? "in-counseling" : "registered"
  }))
  return { counselors, employers, openings, seekers: withCaseloads, counselings, referrals, placements, followUps }
}
