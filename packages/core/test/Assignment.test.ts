import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { munkres } from "munkres"
import * as Assignment from "../src/matching/Assignment.js"
import type { EmployerId, SeekerId } from "../src/kernel/Ids.js"
import { solveIndexed as solveWith } from "../src/matching/internal/assignmentSolve.js"
import { left, right } from "@iljari/test-support/either"

// ---------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------

/** Scores in thousandths of a point, as the optimiser counts them. */
const units = (score: number) => Math.round(score * 1000)

interface Instance {
  readonly quota: ReadonlyArray<number>
  readonly capacity: ReadonlyArray<number>
  /** Row-major seeker × employer; null where the pair is not a candidate. */
  readonly cells: ReadonlyArray<number | null>
  readonly minScore: number
}

const seekerId = (s: number) => `s${String(s).padStart(2, "0")}` as SeekerId
const employerId = (e: number) => `e${String(e).padStart(2, "0")}` as EmployerId

const toRequest = (x: Instance): Assignment.Request => {
  const m = x.capacity.length
  const candidates: Array<Assignment.Candidate> = []
  x.cells.forEach((score, i) => {
    if (score !== null) candidates.push({ seekerId: seekerId(Math.floor(i / m)), employerId: employerId(i % m), score })
  })
  return {
    seekers: x.quota.map((maxInterviews, s) => ({ id: seekerId(s), maxInterviews })),
    employers: x.capacity.map((capacity, e) => ({ id: employerId(e), capacity })),
    candidates,
    minScore: x.minScore
  }
}

// Many ties (whole multiples of 10) mixed with arbitrary fractions.
const score = fc.oneof(fc.integer({ min: 0, max: 10 }).map((n) => n * 10), fc.double({ min: 0, max: 100, noNaN: true }))

/** Sizes are [min, max] seekers and employers; quotas and capacities run from 0. */
const instance = (
  seekers: readonly [number, number],
  employers: readonly [number, number],
  maxQuota: number,
  maxCapacity: number
) =>
  fc.record({
    n: fc.integer({ min: seekers[0], max: seekers[1] }),
    m: fc.integer({ min: employers[0], max: employers[1] })
  }).chain(({ m, n }) =>
    fc.record({
      quota: fc.array(fc.integer({ min: 0, max: maxQuota }), { minLength: n, maxLength: n }),
      capacity: fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: m, maxLength: m }),
      cells: fc.array(fc.option(score, { freq: 3 }), { minLength: n * m, maxLength: n * m }),
      minScore: fc.constantFrom(0, 25, 50, 62.5)
    })
  )

const unitInstance = (seekers: readonly [number, number], employers: readonly [number, number]) =>
  instance(seekers, employers, 1, 1).map((x) => ({
    ...x,
    quota: x.quota.map(() => 1),
    capacity: x.capacity.map(() => 1)
  }))

const eligible = (x: Instance, s: number, e: number): number | null => {
  const cell = x.cells[s * x.capacity.length + e]
  return cell === null || cell === undefined || units(cell) < units(x.minScore) ? null : units(cell)
}

/** The total of a plan in thousandths, after checking it is feasible. */
const checkedTotal = (x: Instance, plan: Assignment.Plan): number => {
  const perSeeker = new Map<string, number>()
  const perEmployer = new Map<string, number>()
  const pairs = new Set<string>()
  let total = 0
  for (const interview of plan.interviews) {
    const s = Number(interview.seekerId.slice(1))
    const e = Number(interview.employerId.slice(1))
    const w = eligible(x, s, e)
    expect(w, `${interview.seekerId}–${interview.employerId} is an eligible candidate`).not.toBeNull()
    expect(pairs.has(`${s} ${e}`)).toBe(false)
    pairs.add(`${s} ${e}`)
    perSeeker.set(interview.seekerId, (perSeeker.get(interview.seekerId) ?? 0) + 1)
    perEmployer.set(interview.employerId, (perEmployer.get(interview.employerId) ?? 0) + 1)
    total += w!
  }
  for (const [id, count] of perSeeker) expect(count).toBeLessThanOrEqual(x.quota[Number(id.slice(1))]!)
  for (const [id, count] of perEmployer) expect(count).toBeLessThanOrEqual(x.capacity[Number(id.slice(1))]!)
  expect(units(plan.totalScore)).toBe(total)
  return total
}

/** The optimum of a unit-capacity instance by `munkres` on the negated matrix (0 = no candidate). */
const munkresTotal = (x: Instance): number => {
  const n = x.quota.length
  const m = x.capacity.length
  if (n === 0 || m === 0) return 0
  const matrix = Array.from({ length: n }, (_, s) => Array.from({ length: m }, (_, e) => -(eligible(x, s, e) ?? 0)))
  return munkres(matrix).reduce((sum, [s, e]) => sum - matrix[s]![e]!, 0)
}

/** The optimum by trying every subset of the eligible pairs. */
const exhaustiveTotal = (x: Instance): number => {
  const n = x.quota.length
  const m = x.capacity.length
  const edges: Array<{ s: number; e: number; w: number }> = []
  for (let s = 0; s < n; s++) {
    for (let e = 0; e < m; e++) {
      const w = eligible(x, s, e)
      if (w !== null) edges.push({ s, e, w })
    }
  }
  let best = 0
  for (let mask = 0; mask < 1 << edges.length; mask++) {
    const perSeeker = new Array<number>(n).fill(0)
    const perEmployer = new Array<number>(m).fill(0)
    let total = 0
    let feasible = true
    for (let k = 0; k < edges.length && feasible; k++) {
      if ((mask >> k & 1) === 0) continue
      const { e, s, w } = edges[k]!
      feasible = ++perSeeker[s]! <= x.quota[s]! && ++perEmployer[e]! <= x.capacity[e]!
      total += w
    }
    if (feasible && total > best) best = total
  }
  return best
}

/**
 * An independent optimality certificate: a b-matching has the largest total
 * iff its residual network (with a free return arc sink → source, so the
 * number of interviews may change) has no negative cycle. Bellman–Ford.
 */
const hasImprovingCycle = (x: Instance, plan: Assignment.Plan): boolean => {
  const n = x.quota.length
  const m = x.capacity.length
  const source = 0
  const seeker = (s: number) => 1 + s
  const employer = (e: number) => 1 + n + e
  const sink = 1 + n + m
  const chosen = new Set(plan.interviews.map((i) => `${Number(i.seekerId.slice(1))} ${Number(i.employerId.slice(1))}`))
  const degree = new Array<number>(n).fill(0)
  const load = new Array<number>(m).fill(0)
  for (const key of chosen) {
    const [s, e] = key.split(" ").map(Number) as [number, number]
    degree[s]!++
    load[e]!++
  }
  const arcs: Array<[number, number, number]> = [[sink, source, 0], [source, sink, 0]]
  for (let s = 0; s < n; s++) {
    if (degree[s]! < x.quota[s]!) arcs.push([source, seeker(s), 0])
    if (degree[s]! > 0) arcs.push([seeker(s), source, 0])
    for (let e = 0; e < m; e++) {
      const w = eligible(x, s, e)
      if (w === null) continue
      arcs.push(chosen.has(`${s} ${e}`) ? [employer(e), seeker(s), w] : [seeker(s), employer(e), -w])
    }
  }
  for (let e = 0; e < m; e++) {
    if (load[e]! < x.capacity[e]!) arcs.push([employer(e), sink, 0])
    if (load[e]! > 0) arcs.push([sink, employer(e), 0])
  }
  const dist = new Array<number>(sink + 1).fill(0)
  for (let round = 0; round <= sink + 1; round++) {
    let changed = false
    for (const [u, v, c] of arcs) {
      if (dist[u]! + c < dist[v]!) {
        dist[v] = dist[u]! + c
        changed = true
      }
    }
    if (!changed) return false
  }
  return true
}

/** Conflict-free and as short as possible. */
const checkTimetable = (plan: Assignment.Plan) => {
  const { slotCount, slots } = plan.timetable
  const busy = new Set<string>()
  const interviewsOf = new Map<string, number>()
  for (const interview of plan.interviews) {
    expect(interview.slot).toBeGreaterThanOrEqual(1)
    expect(interview.slot).toBeLessThanOrEqual(slotCount)
    for (const who of [`seeker ${interview.seekerId}`, `employer ${interview.employerId}`]) {
      const key = `${who} in slot ${interview.slot}`
      expect(busy.has(key), key).toBe(false)
      busy.add(key)
      interviewsOf.set(who, (interviewsOf.get(who) ?? 0) + 1)
    }
  }
  // A participant with Δ interviews needs Δ slots; the timetable uses no more.
  expect(slotCount).toBe(Math.max(0, ...interviewsOf.values()))
  expect(slots.map((s) => s.slot)).toEqual(Array.from({ length: slotCount }, (_, k) => k + 1))
  expect(slots.flatMap((s) => s.interviews).length).toBe(plan.interviews.length)
}

const plan = (x: Instance) => Assignment.assign(toRequest(x))

// ---------------------------------------------------------------------------

describe("Assignment: the request", () => {
  const valid = {
    seekers: [{ id: "s1", maxInterviews: 2 }, { id: "s2", maxInterviews: 1 }],
    employers: [{ id: "e1", capacity: 5 }],
    candidates: [{ seekerId: "s1", employerId: "e1", score: 87.5 }, { seekerId: "s2", employerId: "e1", score: 60 }],
    minScore: 50,
    schedule: { start: "14:00", slotMinutes: 20 }
  }
  const issuesOf = (input: unknown) =>
    left(Assignment.decodeRequest(input)).issues.map(({ message, path }) => ({ path, message }))

  it("decodes a well-formed request", () => {
    expect(right(Assignment.decodeRequest(valid))).toEqual(valid)
  })

  it.each([
    ["a negative capacity", { employers: [{ id: "e1", capacity: -1 }] }, "employers[0].capacity", /whole number of interviews, 0 or more; got -1/],
    ["a fractional quota", { seekers: [{ id: "s1", maxInterviews: 1.5 }, valid.seekers[1]] }, "seekers[0].maxInterviews", /got 1.5/],
    ["a repeated seeker", { seekers: [...valid.seekers, { id: "s1", maxInterviews: 1 }] }, "seekers[2].id", /repeats seekers\[0\].id "s1"/],
    ["a repeated employer", { employers: [{ id: "e1", capacity: 1 }, { id: "e1", capacity: 2 }] }, "employers[1].id", /repeats employers\[0\].id "e1"/],
    ["an unknown seeker", { candidates: [{ seekerId: "s9", employerId: "e1", score: 70 }] }, "candidates[0].seekerId", /names no seeker of this request: "s9"/],
    ["an unknown employer", { candidates: [{ seekerId: "s1", employerId: "e9", score: 70 }] }, "candidates[0].employerId", /names no employer of this request: "e9"/],
    ["a repeated pair", { candidates: [valid.candidates[0], { seekerId: "s1", employerId: "e1", score: 10 }] }, "candidates[1]", /repeats the pair of candidates\[0\]/],
    ["a score above 100", { candidates: [{ seekerId: "s1", employerId: "e1", score: 101 }] }, "candidates[0].score", /between 0 and 100; got 101/],
    ["a bad start time", { schedule: { start: "9:00", slotMinutes: 20 } }, "schedule.start", /HH:MM/],
    ["a zero-minute slot", { schedule: { start: "09:00", slotMinutes: 0 } }, "schedule.slotMinutes", /1 to 480; got 0/]
  ] as const)("refuses %s, naming the field", (_, change, path, message) => {
    const issues = issuesOf({ ...valid, ...change })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toBe(path)
    expect(issues[0]!.message).toMatch(message)
  })

  it("reports every broken cross-reference at once", () => {
    const issues = issuesOf({
      ...valid,
      candidates: [
        { seekerId: "x", employerId: "y", score: 1 },
        valid.candidates[1],
        valid.candidates[1]
      ]
    })
    expect(issues.map((i) => i.path)).toEqual(["candidates[0].seekerId", "candidates[0].employerId", "candidates[2]"])
  })
})

describe("Assignment: the choice of interviews", () => {
  it("works a small fair through, with its clock times", () => {
    const request = right(Assignment.decodeRequest({
      seekers: [{ id: "a", maxInterviews: 2 }, { id: "b", maxInterviews: 1 }, { id: "c", maxInterviews: 1 }],
      employers: [{ id: "X", capacity: 2 }, { id: "Y", capacity: 1 }],
      candidates: [
        { seekerId: "a", employerId: "X", score: 90 },
        { seekerId: "a", employerId: "Y", score: 80 },
        { seekerId: "b", employerId: "X", score: 85 },
        { seekerId: "c", employerId: "Y", score: 70 },
        { seekerId: "c", employerId: "X", score: 99 },
        { seekerId: "b", employerId: "Y", score: 60 } // below minScore
      ],
      minScore: 65,
      schedule: { start: "14:00", slotMinutes: 20 }
    }))
    const result = Assignment.assign(request)
    // X's two interviews go to c (99) and a (90), and a also meets Y (80): 269. Seating b (85) at X
    // instead would lose more than it adds, so b, invited, gets no interview.
    expect(result.totalScore).toBe(269)
    expect(result.interviews.map((i) => `${i.slot} ${i.employerId}–${i.seekerId} ${i.start}–${i.end}`)).toEqual([
      "1 X–a 14:00–14:20",
      "2 X–c 14:20–14:40",
      "2 Y–a 14:20–14:40"
    ])
    expect(result.timetable.seekers.find((s) => s.seekerId === "b")!.interviews).toEqual([])
    expect(result.timetable.employers.map((e) => [e.employerId, e.interviews.map((i) => i.slot)])).toEqual([
      ["X", [1, 2]],
      ["Y", [2]]
    ])
  })

  it("prefers one strong interview to two weaker ones with a smaller total", () => {
    const result = Assignment.assign(right(Assignment.decodeRequest({
      seekers: [{ id: "a", maxInterviews: 1 }, { id: "b", maxInterviews: 1 }],
      employers: [{ id: "X", capacity: 1 }, { id: "Y", capacity: 1 }],
      candidates: [
        { seekerId: "a", employerId: "X", score: 90 },
        { seekerId: "b", employerId: "X", score: 50 },
        { seekerId: "a", employerId: "Y", score: 30 }
      ],
      minScore: 0
    })))
    expect(result.interviews.map((i) => `${i.seekerId}–${i.employerId}`)).toEqual(["a–X"])
    expect(result.totalScore).toBe(90)
    expect(result.interviews[0]).not.toHaveProperty("start")
  })

  it("never chooses a pair below the minimum score or scoring 0", () => {
    fc.assert(fc.property(instance([0, 5], [0, 4], 3, 3), (x) => {
      for (const i of plan(x).interviews) {
        expect(units(i.score)).toBeGreaterThanOrEqual(units(x.minScore))
        expect(units(i.score)).toBeGreaterThan(0)
      }
    }))
  })

  it("is optimal on unit capacities: the flow's total equals munkres's on the same matrix", () => {
    fc.assert(fc.property(unitInstance([0, 8], [0, 8]), (x) => {
      const request = toRequest(x)
      const ids = { s: request.seekers.map((s) => s.id), e: request.employers.map((e) => e.id) }
      const input = {
        seekerCount: ids.s.length,
        employerCount: ids.e.length,
        maxInterviews: x.quota,
        capacity: x.capacity,
        seeker: request.candidates.map((c) => ids.s.indexOf(c.seekerId)),
        employer: request.candidates.map((c) => ids.e.indexOf(c.employerId)),
        score: request.candidates.map((c) => c.score),
        minScore: x.minScore
      }
      const expected = munkresTotal(x)
      // Both exact methods, forced, and the public entry point that picks one.
      expect(solveWith(input, "flow").totalUnits).toBe(expected)
      expect(solveWith(input, "munkres").totalUnits).toBe(expected)
      expect(checkedTotal(x, plan(x))).toBe(expected)
    }), { numRuns: 300 })
  })

  it("is optimal on larger unit instances too (flow vs munkres, 60 × 45)", () => {
    fc.assert(fc.property(unitInstance([20, 60], [15, 45]), (x) => {
      const request = toRequest(x)
      const input = {
        seekerCount: x.quota.length,
        employerCount: x.capacity.length,
        maxInterviews: x.quota,
        capacity: x.capacity,
        seeker: request.candidates.map((c) => Number(c.seekerId.slice(1))),
        employer: request.candidates.map((c) => Number(c.employerId.slice(1))),
        score: request.candidates.map((c) => c.score),
        minScore: x.minScore
      }
      expect(solveWith(input, "flow").totalUnits).toBe(munkresTotal(x))
    }), { numRuns: 50 })
  })

  it("is optimal on dense unit instances full of ties (flow vs munkres, 120 × 120)", () => {
    const n = 120
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n * n, maxLength: n * n }), (tens) => {
      const x: Instance = { quota: new Array(n).fill(1), capacity: new Array(n).fill(1), cells: tens.map((t) => t * 10), minScore: 0 }
      const input = {
        seekerCount: n,
        employerCount: n,
        maxInterviews: x.quota,
        capacity: x.capacity,
        seeker: Array.from({ length: n * n }, (_, i) => Math.floor(i / n)),
        employer: Array.from({ length: n * n }, (_, i) => i % n),
        score: x.cells as Array<number>,
        minScore: 0
      }
      expect(solveWith(input, "flow").totalUnits).toBe(munkresTotal(x))
    }), { numRuns: 5 })
  })

  it("is optimal on tiny general instances: equal to exhaustive search", () => {
    fc.assert(fc.property(instance([2, 4], [2, 3], 3, 3), (x) => {
      expect(checkedTotal(x, plan(x))).toBe(exhaustiveTotal(x))
    }), { numRuns: 300 })
  })

  it("leaves no improving exchange on medium general instances (no negative residual cycle)", () => {
    fc.assert(fc.property(instance([10, 40], [3, 12], 3, 6), (x) => {
      const result = plan(x)
      checkedTotal(x, result)
      expect(hasImprovingCycle(x, result)).toBe(false)
    }), { numRuns: 40 })
  })

  it("the certificate catches a plan that is not optimal", () => {
    const x: Instance = { quota: [1, 1], capacity: [1], cells: [40, 90], minScore: 0 }
    const worse = { ...plan(x), interviews: [{ seekerId: seekerId(0), employerId: employerId(0), score: 40, slot: 1 }] }
    expect(hasImprovingCycle(x, worse)).toBe(true)
    expect(hasImprovingCycle(x, plan(x))).toBe(false)
  })

  it("gives the same plan whatever order the lists come in", () => {
    fc.assert(fc.property(
      instance([0, 6], [0, 4], 3, 3).chain((x) => {
        const { candidates, employers, seekers } = toRequest(x)
        return fc.tuple(
          fc.constant(x),
          fc.shuffledSubarray([...candidates], { minLength: candidates.length }),
          fc.shuffledSubarray([...seekers], { minLength: seekers.length }),
          fc.shuffledSubarray([...employers], { minLength: employers.length })
        )
      }),
      ([x, candidates, seekers, employers]) => {
        const shuffled = Assignment.assign({ ...toRequest(x), candidates, seekers, employers })
        expect(shuffled).toEqual(plan(x))
      }
    ))
  })
})

describe("Assignment: the timetable", () => {
  it("has no seeker or employer twice in a slot, and as few slots as the busiest participant needs", () => {
    fc.assert(fc.property(instance([1, 12], [1, 6], 4, 6), (x) => checkTimetable(plan(x))), { numRuns: 200 })
  })

  it("lays any list of interviews, even a repeated pair, into max-degree slots", () => {
    const pair = fc.record({
      seekerId: fc.integer({ min: 0, max: 7 }).map(seekerId),
      employerId: fc.integer({ min: 0, max: 4 }).map(employerId),
      score: fc.constant(50)
    })
    fc.assert(fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
      const table = Assignment.timetable(pairs)
      const interviews = table.slots.flatMap((s) => s.interviews)
      expect(interviews).toHaveLength(pairs.length)
      checkTimetable({ interviews, totalScore: 0, timetable: table })
    }))
  })

  it("gives every invited participant a sheet, by id, with their interviews by slot", () => {
    const table = Assignment.timetable(
      [
        { seekerId: seekerId(2), employerId: employerId(1), score: 70 },
        { seekerId: seekerId(2), employerId: employerId(0), score: 80 },
        { seekerId: seekerId(1), employerId: employerId(0), score: 90 }
      ],
      { seekers: [seekerId(3), seekerId(1)], schedule: { start: "23:30", slotMinutes: 40 } }
    )
    expect(table.seekers.map((s) => [s.seekerId, s.interviews.map((i) => `${i.employerId}@${i.start}`)])).toEqual([
      ["s01", ["e00@23:30"]],
      ["s02", ["e01@23:30", "e00@24:10"]],
      ["s03", []]
    ])
    expect(table.slots.map((s) => `${s.slot} ${s.start}–${s.end}`)).toEqual(["1 23:30–24:10", "2 24:10–24:50"])
  })
})

describe("Assignment: indexed and matrix input", () => {
  it("agrees with assign, and names the dense unit-capacity case's method", () => {
    const n = 30
    const scoreOf = (s: number, e: number) => ((s * 7 + e * 13) % 97) + 0.25
    const problem = {
      seekerCount: n,
      employerCount: n,
      maxInterviews: new Array(n).fill(1),
      capacity: new Array(n).fill(1),
      seeker: Array.from({ length: n * n }, (_, i) => Math.floor(i / n)),
      employer: Array.from({ length: n * n }, (_, i) => i % n),
      score: Array.from({ length: n * n }, (_, i) => scoreOf(Math.floor(i / n), i % n)),
      minScore: 0
    }
    const solution = Assignment.solveIndexed(problem)
    expect(solution.method).toBe("munkres")
    expect(solution.slotCount).toBe(1)
    const x: Instance = { quota: problem.maxInterviews, capacity: problem.capacity, cells: problem.score, minScore: 0 }
    expect(units(solution.totalScore)).toBe(munkresTotal(x))
    expect(solution.totalScore).toBe(plan(x).totalScore)
    // A sparse or multi-interview problem goes to the flow.
    expect(Assignment.solveIndexed({ ...problem, maxInterviews: new Array(n).fill(2) }).method).toBe("flow")
  })

  it("solves a score matrix like the same candidates given one by one", () => {
    fc.assert(fc.property(instance([0, 9], [0, 7], 2, 2), fc.boolean(), (x, unitOnly) => {
      const quota = unitOnly ? x.quota.map((q) => Math.min(q, 1)) : x.quota
      const capacity = unitOnly ? x.capacity.map((c) => Math.min(c, 1)) : x.capacity
      const m = capacity.length
      // In a matrix a missing pair is a 0, which is never chosen.
      const scores = quota.map((_, s) => Array.from({ length: m }, (_, e) => x.cells[s * m + e] ?? 0))
      const solution = Assignment.solveMatrix({ scores, maxInterviews: quota, capacity, minScore: x.minScore })
      const y = { ...x, quota, capacity }
      // Feasible, optimal and well laid out, as a plan would be (ties may fall differently).
      const interviews = [...solution.chosen.keys()].filter((cell) => solution.chosen[cell] === 1).map((cell) => ({
        seekerId: seekerId(Math.floor(cell / m)),
        employerId: employerId(cell % m),
        score: x.cells[cell]!,
        slot: solution.slot[cell]!
      }))
      const slots = Array.from({ length: solution.slotCount }, (_, k) => ({
        slot: k + 1,
        interviews: interviews.filter((i) => i.slot === k + 1)
      }))
      const asPlan = {
        interviews,
        totalScore: solution.totalScore,
        timetable: { slotCount: solution.slotCount, slots, employers: [], seekers: [] }
      }
      expect(checkedTotal(y, asPlan)).toBe(units(plan(y).totalScore))
      expect(hasImprovingCycle(y, asPlan)).toBe(false)
      checkTimetable(asPlan)
    }), { numRuns: 200 })
  })

  it("throws on a repeated pair, an index out of range or a ragged matrix", () => {
    expect(() =>
      Assignment.solveMatrix({ scores: [[10, 20], [30]], maxInterviews: [1, 1], capacity: [1, 1], minScore: 0 })
    ).toThrow(/scores\[1\] has 1 entries for 2 employers/)
    const base = {
      seekerCount: 2,
      employerCount: 1,
      maxInterviews: [1, 1],
      capacity: [1],
      seeker: [0, 1],
      employer: [0, 0],
      score: [10, 20],
      minScore: 0
    }
    expect(() => Assignment.solveIndexed({ ...base, seeker: [1, 1] })).toThrow(/repeat the pair/)
    expect(() => Assignment.solveIndexed({ ...base, employer: [0, 1] })).toThrow(/employer\[1\] must be an employer index/)
    expect(Assignment.solveIndexed(base).totalScore).toBe(20)
  })
})
