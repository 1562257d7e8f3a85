/**
 * Synthetic seekers and openings for the ranking benchmarks, shaped like the
 * seeds' mismatch: most seekers wish for simple work (cleaning, security,
 * driving, care, simple manufacturing) and have finished high school; most
 * openings are office, IT and engineering work wanting graduates. One metro
 * (Seoul's 25 districts), which is the pessimistic case for pruning: every
 * opening is within reach of every seeker.
 *
 * The records carry only the fields matching reads (plain objects, not
 * decoded), so that a million of them fit in memory and generate quickly.
 * Seeded (mulberry32): every run ranks the same population.
 */
import type { OpeningFeatures, SeekerFeatures } from "../packages/core/src/matching/Match.js"

export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const seoul = [
  "11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290", "11305", "11320", "11350", "11380", "11410",
  "11440", "11470", "11500", "11530", "11545", "11560", "11590", "11620", "11650", "11680", "11710", "11740"
]

// Middle groups and how often seekers wish for them / openings offer them.
const simple = ["56", "54", "62", "55", "89", "53", "70"]
const office = ["02", "13", "15", "41", "03", "61", "83", "30"]
const other = ["01", "11", "12", "14", "21", "22", "23", "24", "42", "51", "52", "81", "82", "84", "85", "86", "87", "88", "90"]

const certificates = Array.from({ length: 30 }, (_, i) => `자격증${String(i + 1).padStart(2, "0")}`)

export const generate = (seekerCount: number, openingCount: number, seed = 20_261_122) => {
  const random = mulberry32(seed)
  const int = (n: number) => Math.floor(random() * n)
  const pick = <A>(items: ReadonlyArray<A>): A => items[int(items.length)]!
  const middle = (simpleShare: number, officeShare: number) => {
    const r = random()
    return r < simpleShare ? pick(simple) : r < simpleShare + officeShare ? pick(office) : pick(other)
  }
  // A unit code: middle group, one of 4 minor groups, one of 3 units.
  const unit = (m: string) => `${m}${1 + int(4)}${1 + int(3)}`

  const seekers: Array<SeekerFeatures> = []
  for (let i = 0; i < seekerCount; i++) {
    const home = pick(seoul)
    const wishes = new Set<string>()
    for (let w = 1 + int(3); wishes.size < w;) {
      const code = unit(middle(0.7, 0.15))
      // One wish in five names a whole minor group.
      wishes.add(random() < 0.2 ? code.slice(0, 3) : code)
    }
    const regionRoll = random()
    const held = random() < 0.4 ? [pick(certificates)] : random() < 0.1 ? [pick(certificates), pick(certificates)] : []
    seekers.push({
      id: `s${String(i).padStart(8, "0")}`,
      desiredOccupations: [...wishes],
      addressRegion: home,
      desiredRegions: regionRoll < 0.5 ? [] : regionRoll < 0.8 ? [home] : regionRoll < 0.9 ? [home, pick(seoul)] : ["11000"],
      education: random() < 0.6 ? "03" : random() < 0.5 ? "02" : random() < 0.5 ? "04" : "05",
      careerMonths: int(360),
      certificates: [...new Set(held)],
      ...(random() < 0.8
        ? { desiredWage: { type: "monthly", amount: 2_000_000 + int(20) * 100_000 } }
        : {}),
      desiredEmployment: {
        contractTypes: random() < 0.5 ? [] : ["open-ended", "fixed-term"],
        schedules: random() < 0.7 ? [] : [random() < 0.5 ? "full-time" : "part-time"],
        ...(random() < 0.3 ? { maxWeeklyHours: 40 } : {})
      }
    } as unknown as SeekerFeatures)
  }

  const openings: Array<OpeningFeatures> = []
  for (let j = 0; j < openingCount; j++) {
    const min = 2_000_000 + int(30) * 100_000
    const experienced = random() < 0.4
    const roll = random()
    openings.push({
      id: `o${String(j).padStart(8, "0")}`,
      occupation: unit(middle(0.25, 0.6)),
      workRegion: pick(seoul),
      wage: { type: "monthly", min, ...(random() < 0.5 ? { max: min + int(10) * 100_000 } : {}) },
      educationMinimum: roll < 0.3 ? "00" : roll < 0.5 ? "03" : roll < 0.7 ? "04" : "05",
      career: experienced ? { requirement: "experienced", minimumMonths: 6 + int(60) } : { requirement: random() < 0.5 ? "new" : "any" },
      contractType: random() < 0.6 ? "open-ended" : random() < 0.7 ? "fixed-term" : "daily",
      schedule: random() < 0.85 ? "full-time" : "part-time",
      weeklyHours: random() < 0.85 ? 40 : 20 + int(25),
      requiredCertificates: random() < 0.1 ? [pick(certificates)] : [],
      preferredCertificates: random() < 0.3 ? [pick(certificates)] : [],
      status: "open",
      headcount: 1 + int(3)
    } as unknown as OpeningFeatures)
  }
  return { seekers, openings }
}
