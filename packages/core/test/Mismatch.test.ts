import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc } from "effect"
import { Codes, Mismatch, Opening, Seeker, Wage } from "../src/index.js"
import { right } from "@iljari/test-support/either"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"

// ---------------------------------------------------------------------------
// Builders: the fixtures with some fields changed (a field set to `undefined`
// is removed), decoded the way an integrator's data would be.
// ---------------------------------------------------------------------------

const withChanges = (base: object, changes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries({ ...base, ...changes }).filter(([, value]) => value !== undefined))

const seeker = (changes: Record<string, unknown> = {}): Seeker.Seeker =>
  right(Seeker.decodeEither(withChanges(seekerInput, changes)))

const opening = (changes: Record<string, unknown> = {}): Opening.Opening =>
  right(Opening.decodeEither(withChanges(openingInput, changes)))

const keys = (rows: ReadonlyArray<Mismatch.Row>) => rows.map((row) => row.key)
const rowOf = (breakdown: Mismatch.Breakdown, key: string) => breakdown.rows.find((row) => row.key === key)!
const counts = (row: Mismatch.Row) => ({
  seekers: row.seekers,
  seekersWishing: row.seekersWishing,
  openings: row.openings,
  positions: row.positions,
  gap: row.gap
})

// ---------------------------------------------------------------------------
// A small district, counted by hand
// ---------------------------------------------------------------------------

const seekers = [
  // A: cleaning and security, both in major group 5 → counts once there.
  seeker({ desiredOccupations: ["5611", "5410"], education: "03", desiredWage: { type: "monthly", amount: 2_100_000 } }),
  // B: cleaning and driving → ½ in group 5, ½ in group 6; hourly 10,030 × 209 = 2,096,270, the minimum exactly.
  seeker({
    desiredOccupations: ["5611", "6221"],
    education: "02",
    desiredWage: { type: "hourly", amount: 10_030 },
    gender: "female",
    birthDate: "1958-11-02"
  }),
  // C: office work in Gyeonggi; 36,000,000 a year → 3,000,000 a month.
  seeker({
    desiredOccupations: ["0231"],
    education: "05",
    desiredWage: { type: "yearly", amount: 36_000_000 },
    addressRegion: "41135"
  }),
  // D: a whole middle group, no wage stated, lives in Gwangjin.
  seeker({ desiredOccupations: ["56"], education: "03", desiredWage: undefined, addressRegion: "11215" }),
  // E: erased — left out.
  seeker({ desiredOccupations: ["13"], education: "07", erasedOn: "2024-01-31" })
]

const openings = [
  // O1 (fixture): web designer, 2 positions, 28,000,000 a year → 2,333,333 a month, junior college, Seongdong.
  opening(),
  // O2: ICT development in Gangnam, 5 positions, university, 3,600,000 a month.
  opening({
    id: "opening-0002",
    occupation: "1320",
    headcount: 5,
    workRegion: "11680",
    educationMinimum: "05",
    wage: { type: "monthly", min: 3_600_000 }
  }),
  // O3: cleaning, 1 position, any education, 9,860 an hour (2024's minimum) → 2,060,740, below 2025's.
  opening({
    id: "opening-0003",
    occupation: "5611",
    headcount: 1,
    educationMinimum: "00",
    wage: { type: "hourly", min: 9_860 }
  }),
  // O4: filled — left out.
  opening({ id: "opening-0004", occupation: "5611", headcount: 10, status: "filled" })
]

describe("Mismatch.compute on a hand-counted district", () => {
  const view = Mismatch.compute(seekers, openings)

  it("counts seekers not erased and open openings, and says what it left out", () => {
    expect(view.counted).toEqual({ seekers: 4, openings: 3, positions: 8 })
    expect(view.leftOut).toEqual({ erasedSeekers: 1, openingsNotOpen: 1, openingsOutOfDate: 0 })
  })

  it("splits a seeker over distinct occupation groups, one wish per group", () => {
    const o = view.occupation
    expect(keys(o.rows)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    expect(counts(rowOf(o, "5"))).toEqual({ seekers: 2.5, seekersWishing: 3, openings: 1, positions: 1, gap: 1.5 })
    expect(counts(rowOf(o, "6"))).toEqual({ seekers: 0.5, seekersWishing: 1, openings: 0, positions: 0, gap: 0.5 })
    expect(counts(rowOf(o, "0"))).toEqual({ seekers: 1, seekersWishing: 1, openings: 0, positions: 0, gap: 1 })
    expect(counts(rowOf(o, "1"))).toEqual({ seekers: 0, seekersWishing: 0, openings: 1, positions: 5, gap: -5 })
    expect(counts(rowOf(o, "4"))).toEqual({ seekers: 0, seekersWishing: 0, openings: 1, positions: 2, gap: -2 })
    expect(rowOf(o, "5").seekersPerPosition).toBe(2.5)
    expect(rowOf(o, "0").seekersPerPosition).toBeUndefined()
    expect(rowOf(o, "1").seekersPerPosition).toBe(0)
    expect(o.total).toEqual({ seekers: 4, openings: 3, positions: 8, gap: -4, seekersPerPosition: 0.5 })
    expect(rowOf(o, "5").label).toEqual({ ko: "미용·여행·숙박·음식·경비·청소직", en: "Beauty, travel, lodging, food, security and cleaning" })
  })

  it("names the largest gaps both ways", () => {
    expect(keys(view.occupation.surplus)).toEqual(["5", "0", "6"])
    expect(keys(view.occupation.shortage)).toEqual(["1", "4"])
    expect(keys(Mismatch.compute(seekers, openings, { highlights: 1 }).occupation.surplus)).toEqual(["5"])
  })

  it("compares attained education with openings' minimums, 'any' as its own row", () => {
    const e = view.education
    expect(keys(e.rows)).toEqual(["00", "01", "02", "03", "04", "05", "06", "07"])
    expect(e.rows.map((row) => [row.seekers, row.positions])).toEqual([[0, 1], [0, 0], [1, 0], [2, 0], [0, 2], [1, 5], [0, 0], [0, 0]])
    expect(rowOf(e, "00").label).toEqual({ ko: "학력무관", en: "Any education" })
    // "00" is open to everyone: a shortage there would mislead, so it is not named.
    expect(keys(e.surplus)).toEqual(["03", "02"])
    expect(keys(e.shortage)).toEqual(["05", "04"])
  })

  it("bands monthly-normalised wages on the minimum wage, the lower edge included", () => {
    const w = view.wageBand
    expect(keys(w.rows)).toEqual(["w0", "w1", "w2", "w3", "w4", "none"])
    expect(w.rows.map((row) => [row.seekers, row.positions])).toEqual([[0, 1], [2, 2], [1, 0], [0, 5], [0, 0], [1, 0]])
    expect(w.rows.map((row) => row.label.ko)).toEqual([
      "최저임금(월 209.6만원) 미만",
      "최저임금~250만원",
      "250만원~350만원",
      "350만원~500만원",
      "500만원 이상",
      "희망임금 미기재"
    ])
    expect(w.rows.map((row) => row.label.en)).toEqual([
      "Below the minimum wage (₩2.1M a month)",
      "Minimum wage to ₩2.5M",
      "₩2.5M to ₩3.5M",
      "₩3.5M to ₩5M",
      "₩5M and over",
      "No desired wage stated"
    ])
    expect(keys(w.surplus)).toEqual(["w2"])
    expect(keys(w.shortage)).toEqual(["w3", "w0"])
  })

  it("shows Seoul by district and other regions by province, in code order", () => {
    const r = view.region
    expect(r.rows.map((row) => [row.key, row.label.ko, row.label.en, row.seekers, row.openings, row.positions])).toEqual([
      ["11200", "성동구", "Seongdong-gu", 2, 2, 3],
      ["11215", "광진구", "Gwangjin-gu", 1, 0, 0],
      ["11680", "강남구", "Gangnam-gu", 0, 1, 5],
      ["41000", "경기도", "Gyeonggi-do", 1, 0, 0]
    ])
  })

  it("counts by KECO middle group on request", () => {
    const o = Mismatch.compute(seekers, openings, { occupationLevel: "middle" }).occupation
    expect(o.rows).toHaveLength(35)
    expect(counts(rowOf(o, "56"))).toEqual({ seekers: 2, seekersWishing: 3, openings: 1, positions: 1, gap: 1 })
    expect(counts(rowOf(o, "54"))).toEqual({ seekers: 0.5, seekersWishing: 1, openings: 0, positions: 0, gap: 0.5 })
    expect(counts(rowOf(o, "13"))).toEqual({ seekers: 0, seekersWishing: 0, openings: 1, positions: 5, gap: -5 })
    expect(rowOf(o, "56").label.en).toBe("Cleaning and other personal services")
  })
})

describe("options", () => {
  it("leaves out openings not open on the asOf date", () => {
    // The fixture opening runs 2016-03-03 to 2016-03-31.
    const on = (asOf: string) => Mismatch.compute([], [opening()], { asOf: asOf as Opening.Opening["openedOn"] })
    expect(on("2016-03-03").counted.positions).toBe(2)
    expect(on("2016-03-31").counted.positions).toBe(2)
    expect(on("2016-04-01").leftOut.openingsOutOfDate).toBe(1)
    expect(on("2016-03-02").leftOut.openingsOutOfDate).toBe(1)
    expect(Mismatch.compute([], [opening({ closesOn: undefined })], { asOf: "2030-01-01" as never }).counted.openings).toBe(1)
  })

  it("takes a year's minimum wage and puts the default edges above it", () => {
    const minimum2016 = Wage.toMonthly("hourly", 6_030)
    expect(minimum2016).toBe(1_260_270)
    expect(Mismatch.edgesFor(minimum2016)).toEqual([1_260_270, 2_500_000, 3_500_000, 5_000_000])
    expect(Mismatch.edgesFor(3_000_000)).toEqual([3_000_000, 3_500_000, 5_000_000])
    const w = Mismatch.compute(seekers, openings, { minimumMonthlyWage: minimum2016 }).wageBand
    expect(w.rows[0]!.label.ko).toBe("최저임금(월 126만원) 미만")
    expect(w.rows.map((row) => row.positions)).toEqual([0, 3, 0, 5, 0, 0])
  })

  it("takes a district's own band edges, in any order", () => {
    const w = Mismatch.compute(seekers, openings, { wageEdges: [2_200_000, 1_800_000, 2_200_000] }).wageBand
    expect(w.rows.map((row) => [row.key, row.label.ko, row.label.en, row.seekers, row.positions])).toEqual([
      ["w0", "180만원 미만", "Under ₩1.8M", 0, 0],
      ["w1", "180만원~220만원", "₩1.8M to ₩2.2M", 2, 1],
      ["w2", "220만원 이상", "₩2.2M and over", 1, 7],
      ["none", "희망임금 미기재", "No desired wage stated", 1, 0]
    ])
  })

  it("normalises with a district's own monthly factors", () => {
    const fortyHourWeekOnly = { ...Wage.defaultMonthlyFactors, hourly: 174, daily: 21.75 }
    // 10,030 × 174 = 1,745,220: below the minimum; 9,860 × 174 = 1,715,640 too.
    const w = Mismatch.compute(seekers, openings, { monthlyFactors: fortyHourWeekOnly }).wageBand
    expect([rowOf(w, "w0").seekers, rowOf(w, "w0").positions]).toEqual([1, 1])
  })
})

describe("the seeds' mismatch", () => {
  it("reads as a counselor would say it", () => {
    const cleaner = seeker({ desiredOccupations: ["5611", "5410"] })
    const developer = seeker({ desiredOccupations: ["1320"], education: "05" })
    const view = Mismatch.compute(
      [...Array.from({ length: 1_200 }, () => cleaner), ...Array.from({ length: 30 }, () => developer)],
      [
        ...Array.from({ length: 40 }, (_, i) => opening({ id: `c-${i}`, occupation: "5611", headcount: 2 })),
        ...Array.from({ length: 20 }, (_, i) => opening({ id: `d-${i}`, occupation: "1320", headcount: 20 }))
      ]
    )
    expect(Mismatch.describeRow(view.occupation.surplus[0]!)).toBe("미용·여행·숙박·음식·경비·청소직: 구직자 1,200명, 구인 80명")
    expect(Mismatch.describeRow(view.occupation.shortage[0]!, "en")).toBe("Research and engineering: 30 seekers for 400 positions")
    expect(view.occupation.surplus[0]!.seekersPerPosition).toBe(15)
  })
})

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const base = seeker()
const baseOpening = opening()

const occupation = Arbitrary.make(Codes.OccupationCode)
const region = Arbitrary.make(Codes.RegionCode)
const wageType = fc.constantFrom<Codes.WageType>("hourly", "daily", "monthly", "yearly")

const seekerArb = fc.record({
  desiredOccupations: fc.uniqueArray(occupation, { minLength: 1, maxLength: 5 }),
  education: fc.constantFrom("01", "02", "03", "04", "05", "06", "07" as const),
  desiredWage: fc.option(fc.record({ type: wageType, amount: fc.integer({ min: 1, max: 120_000_000 }) }), {
    nil: undefined
  }),
  addressRegion: region,
  erasedOn: fc.option(fc.constant("2024-01-31"), { nil: undefined, freq: 5 })
}).map((changes) => new Seeker.Seeker(withChanges(base, changes) as never))

const openingArb = fc.record({
  occupation,
  headcount: fc.integer({ min: 1, max: 50 }),
  educationMinimum: fc.constantFrom(...Codes.EducationLevel.literals),
  wage: fc.record({ type: wageType, min: fc.integer({ min: 1, max: 120_000_000 }) }),
  workRegion: region,
  status: fc.constantFrom("open", "open", "open", "filled", "closed", "cancelled" as const)
}).map((changes) => new Opening.Opening({ ...baseOpening, ...changes } as never))

const optionsArb: fc.Arbitrary<Mismatch.Options> = fc.record({
  occupationLevel: fc.constantFrom("major" as const, "middle" as const),
  wageEdges: fc.option(fc.array(fc.integer({ min: 500_000, max: 8_000_000 }), { maxLength: 6 }), { nil: undefined }),
  highlights: fc.integer({ min: 0, max: 5 })
}).map((options) => withChanges({}, options) as Mismatch.Options)

const world = fc.record({
  seekers: fc.array(seekerArb, { maxLength: 30 }),
  openings: fc.array(openingArb, { maxLength: 30 }),
  options: optionsArb
})

const breakdowns = (view: Mismatch.View) => Mismatch.dimensions.map((dimension) => view[dimension])
const sum = (rows: ReadonlyArray<Mismatch.Row>, field: "seekers" | "openings" | "positions") =>
  rows.reduce((total, row) => total + row[field], 0)

describe("Mismatch properties", () => {
  it("adds up, in every dimension, to the seekers not erased and the open positions", () => {
    fc.assert(fc.property(world, ({ openings, options, seekers }) => {
      const view = Mismatch.compute(seekers, openings, options)
      const kept = seekers.filter((s) => s.erasedOn === undefined)
      const open = openings.filter((o) => o.status === "open")
      expect(view.counted).toEqual({
        seekers: kept.length,
        openings: open.length,
        positions: open.reduce((n, o) => n + o.headcount, 0)
      })
      expect(view.leftOut.erasedSeekers + kept.length).toBe(seekers.length)
      expect(view.leftOut.openingsNotOpen + open.length).toBe(openings.length)
      for (const b of breakdowns(view)) {
        expect(sum(b.rows, "seekers")).toBeCloseTo(kept.length, 9)
        expect(sum(b.rows, "openings")).toBe(open.length)
        expect(sum(b.rows, "positions")).toBe(view.counted.positions)
        expect(b.total.seekers).toBe(kept.length)
        for (const row of b.rows) {
          expect(row.seekersWishing).toBeGreaterThanOrEqual(row.seekers)
          expect(row.gap).toBe(row.seekers - row.positions)
        }
        if (b.dimension !== "occupation") {
          expect(b.rows.every((row) => row.seekersWishing === row.seekers)).toBe(true)
        }
      }
    }))
  })

  it("gives the same view whatever the order of the inputs", () => {
    const shuffled = world.chain((w) =>
      fc.record({
        w: fc.constant(w),
        seekers: fc.shuffledSubarray(w.seekers, { minLength: w.seekers.length }),
        openings: fc.shuffledSubarray(w.openings, { minLength: w.openings.length })
      })
    )
    fc.assert(fc.property(shuffled, ({ openings, seekers, w }) => {
      expect(Mismatch.compute(seekers, openings, w.options)).toEqual(Mismatch.compute(w.seekers, w.openings, w.options))
    }))
  })

  it("does not change when birth dates or genders change", () => {
    const personal = fc.record({
      birthDate: fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      gender: fc.constantFrom("female", "male", "unspecified" as const)
    })
    fc.assert(fc.property(world, fc.infiniteStream(personal), ({ openings, options, seekers }, stream) => {
      const changed = seekers.map((s) => new Seeker.Seeker({ ...s, ...stream.next().value } as never))
      expect(Mismatch.compute(changed, openings, options)).toEqual(Mismatch.compute(seekers, openings, options))
    }))
  })

  it("never reads a birth date or a gender", () => {
    const guarded = seekers.map((s) =>
      new Proxy(s, {
        get: (target, property, receiver) => {
          if (property === "birthDate" || property === "gender") throw new Error(`read ${String(property)}`)
          return Reflect.get(target, property, receiver)
        }
      })
    )
    expect(() => Mismatch.compute(guarded, openings, { occupationLevel: "middle" })).not.toThrow()
    expect(Mismatch.compute(guarded, openings)).toEqual(Mismatch.compute(seekers, openings))
  })

  it("labels every row in Korean and English, in code order", () => {
    fc.assert(fc.property(world, ({ openings, options, seekers }) => {
      const view = Mismatch.compute(seekers, openings, options)
      for (const b of breakdowns(view)) {
        expect(b.title.ko).toMatch(/[가-힣]/)
        expect(b.title.en).not.toMatch(/[가-힣]/)
        for (const row of b.rows) {
          expect(row.label.ko).toMatch(/[가-힣]/)
          expect(row.label.en).toMatch(/[A-Za-z]/)
          expect(row.label.en).not.toMatch(/[가-힣]/)
        }
        const ordered = b.dimension === "wageBand"
          ? [...b.rows.slice(0, -1).map((_, i) => `w${i}`), "none"]
          : [...keys(b.rows)].sort()
        expect(keys(b.rows)).toEqual(ordered)
        expect(new Set(keys(b.rows)).size).toBe(b.rows.length)
      }
    }))
  })

  it("names as surplus and shortage the rows with the largest gaps", () => {
    fc.assert(fc.property(world, ({ openings, options, seekers }) => {
      const view = Mismatch.compute(seekers, openings, options)
      const k = options.highlights ?? 3
      for (const b of breakdowns(view)) {
        const oneSided = new Set(b.dimension === "education" ? ["00"] : b.dimension === "wageBand" ? ["none"] : [])
        const eligible = b.rows.filter((row) => !oneSided.has(row.key))
        for (const [listed, sign] of [[b.surplus, 1], [b.shortage, -1]] as const) {
          expect(listed.length).toBe(Math.min(k, eligible.filter((row) => sign * row.gap > 0).length))
          const gaps = listed.map((row) => sign * row.gap)
          expect(gaps.every((g, i) => g > 0 && (i === 0 || gaps[i - 1]! >= g))).toBe(true)
          const smallest = gaps.at(-1) ?? Infinity
          const left = eligible.filter((row) => !listed.includes(row))
          if (listed.length === k) expect(left.every((row) => sign * row.gap <= smallest)).toBe(true)
        }
      }
    }))
  })

  it("puts every monthly wage in exactly one band", () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 9_000_000 }), { maxLength: 6 }),
      fc.integer({ min: 0, max: 10_000_000 }),
      (edges, won) => {
        const bands = Mismatch.wageBands(edges)
        const holding = bands.filter((b) => (b.from === undefined || won >= b.from) && (b.to === undefined || won < b.to))
        expect(holding).toHaveLength(1)
        expect(Mismatch.bandOf(won, bands)).toBe(holding[0]!.key)
      }
    ))
  })
})
