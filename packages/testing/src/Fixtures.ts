/**
 * Valid encoded records, the shape a form or a JSON body sends: a test
 * derives an invalid input from one by changing one field, or a record of its
 * own by spreading it (`{ ...Fixtures.seekerInput, id: "s2" }`).
 *
 * @example
 * ```ts
 * import { Seeker } from "@iljari/core"
 * import { Fixtures } from "@iljari/testing"
 *
 * const valid = Seeker.decodeEither(Fixtures.seekerInput)
 * const nameless = Seeker.decodeEither({ ...Fixtures.seekerInput, name: "" }) // a ValidationError naming "name"
 * ```
 *
 * @since 0.0.0
 * @module
 */

/** @since 0.0.0 @category records */
export const seekerInput = {
  id: "seeker-0001",
  districtId: "11200",
  name: "김민수",
  contact: { phone: "010-1234-5678", email: "minsu@example.kr" },
  birthDate: "1962-05-14",
  gender: "male",
  addressRegion: "11200",
  desiredOccupations: ["5611", "5410"],
  desiredRegions: ["11200", "11215"],
  education: "03",
  careerMonths: 240,
  certificates: ["지게차운전기능사"],
  desiredWage: { type: "monthly", amount: 2_100_000 },
  desiredEmployment: { contractTypes: ["open-ended", "fixed-term"], schedules: ["full-time"], maxWeeklyHours: 40 },
  targetGroups: ["middle-aged"],
  consents: [
    { purpose: "personal-data", givenAt: "2016-03-02T01:00:00.000Z" },
    { purpose: "service", channel: "sms", givenAt: "2016-03-02T01:00:00.000Z" }
  ],
  registrationChannel: "visit",
  registeredAt: "2016-03-02T01:00:00.000Z",
  notes: "경비·청소 희망, 야간 근무 가능"
}

/** @since 0.0.0 @category records */
export const employerInput = {
  id: "employer-0001",
  districtId: "11200",
  name: "성수디지털(주)",
  businessNumber: "124-81-00998",
  industry: "소프트웨어 개발 및 공급업",
  addressRegion: "11200",
  address: "서울특별시 성동구 성수이로 113",
  size: "small",
  contacts: [{ name: "이영희", role: "인사담당", phone: "02-123-4567", email: "hr@example.kr" }],
  source: "knowledge-industry-center",
  registeredAt: "2016-03-03T02:00:00.000Z"
}

/** @since 0.0.0 @category records */
export const openingInput = {
  id: "opening-0001",
  districtId: "11200",
  employerId: "employer-0001",
  title: "웹디자이너 채용",
  occupation: "4122",
  headcount: 2,
  workRegion: "11200",
  wage: { type: "yearly", min: 28_000_000, max: 34_000_000 },
  educationMinimum: "04",
  career: { requirement: "experienced", minimumMonths: 12 },
  contractType: "open-ended",
  schedule: "full-time",
  workingDays: "five-days",
  weeklyHours: 40,
  workingHours: { start: "09:00", end: "18:00" },
  requiredCertificates: [],
  preferredCertificates: ["웹디자인기능사"],
  preferences: ["career-break-women"],
  openedOn: "2016-03-03",
  closesOn: "2016-03-31",
  status: "open"
}

/** @since 0.0.0 @category records */
export const counselorInput = {
  id: "counselor-01",
  districtId: "11200",
  name: "박상담",
  role: "counselor",
  contact: { phone: "02-2286-5000" },
  active: true
}
