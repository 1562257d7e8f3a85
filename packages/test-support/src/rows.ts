// Deterministic encoded seeker rows, as a spreadsheet export would give them.
export const seekerRow = (i: number) => ({
  id: `seeker-${String(i).padStart(7, "0")}`,
  name: `구직자${i}`,
  contact: { phone: `010-${String(1000 + (i % 9000)).padStart(4, "0")}-${String(i % 10_000).padStart(4, "0")}` },
  birthDate: `19${50 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`,
  gender: i % 2 === 0 ? "female" : "male",
  addressRegion: "11200",
  desiredOccupations: [i % 3 === 0 ? "5611" : i % 3 === 1 ? "5410" : "6213"],
  desiredRegions: ["11200"],
  education: "03",
  careerMonths: i % 400,
  certificates: [],
  desiredWage: { type: "monthly", amount: 2_000_000 + (i % 50) * 10_000 },
  desiredEmployment: { contractTypes: [], schedules: ["full-time"] },
  targetGroups: ["middle-aged"],
  consents: [{ purpose: "personal-data", givenAt: "2016-03-02T01:00:00.000Z" }],
  registrationChannel: "visit",
  registeredAt: "2016-03-02T01:00:00.000Z",
  notes: "경비·청소 희망"
})
