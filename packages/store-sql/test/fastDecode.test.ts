import { describe, expect, it } from "@effect/vitest"
import { Employer, FollowUp, Opening, Placement, Seeker } from "@iljari/core"
import { seekerInput } from "@iljari/test-support/fixtures"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import { fastDecoder, jsonText } from "../src/internal/fastDecode.js"

// The fast decoder answers exactly what the schema's decode answers for a
// record that decodes, and nothing for one that does not — on records drawn
// from the schema, on the same records with one field broken, and with values
// repeated so that its cache answers.
const agrees = <A, I>(name: string, schema: Schema.Schema<A, I, never>) =>
  it(`decodes ${name} as the schema does`, () => {
    const fast = fastDecoder(schema)!
    expect(fast).toBeDefined()
    const decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })
    const encode = Schema.encodeSync(schema)
    const records = fc.array(Arbitrary.make(schema), { minLength: 1, maxLength: 6 }).map((rs) => rs.map((r) => encode(r) as Record<string, unknown>))
    const broken = fc.record({
      field: fc.nat(),
      value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant({ phone: undefined }), fc.constant("620514-1234567"))
    })
    fc.assert(
      fc.property(records, fc.array(fc.tuple(fc.nat(), fc.option(broken)), { maxLength: 40 }), (pool, picks) => {
        for (const [index, change] of picks) {
          const base = pool[index % pool.length]!
          let input: Record<string, unknown> = JSON.parse(JSON.stringify(base))
          if (change !== null) {
            const keys = [...Object.keys(base), "extra"]
            input = { ...input, [keys[change.field % keys.length]!]: change.value }
          }
          // Half the time the district is left out and given beside the input, as an import gives it.
          const given = index % 2 === 0 && "districtId" in input ? { districtId: input["districtId"] } : undefined
          if (given !== undefined) delete input["districtId"]
          const expected = decode(given === undefined ? input : { ...input, ...given })
          const got = fast.decode(input, given)
          if (Either.isLeft(expected)) expect(got).toBeUndefined()
          else if (change === null) expect(got).toEqual(expected.right)
          if (got !== undefined) {
            expect(got).toBeInstanceOf(schema as never)
            expect(Either.getOrUndefined(expected)).toEqual(got)
            // Its JSON, built from its fields' JSON, is the record's JSON.
            expect(jsonOf(fast)).toBe(JSON.stringify(got))
          }
        }
      }),
      { numRuns: 60 }
    )
  }, 60_000)

// The JSON of the record decoded last, from parts added after another record's.
const jsonOf = (fast: { readonly json: (into: Array<string>) => number | undefined }) => {
  const parts = ["\"before\":1"]
  const added = fast.json(parts)
  return added === undefined ? undefined : jsonText(parts, 1, added)
}

describe("the import's fast decoder", () => {
  agrees("seekers", Seeker.Seeker)
  agrees("employers", Employer.Employer)
  agrees("openings", Opening.Opening)
  agrees("placements", Placement.Placement)
  agrees("follow-up checks", FollowUp.Check)

  it("never takes a missing optional field for one set to undefined, once cached", () => {
    const fast = fastDecoder(Seeker.Seeker)!
    const valid = { ...seekerInput, contact: {} }
    for (let i = 0; i < 600; i++) expect(fast.decode({ ...valid, id: `s-${i}` })).toBeDefined()
    expect(fast.decode({ ...valid, contact: { phone: undefined } })).toBeUndefined()
    expect(fast.decode({ ...valid, contact: { phone: "12345" } })).toBeUndefined()
    expect(fast.decode({ ...valid, notes: undefined })).toBeUndefined()
  })

  it("makes the records of a class that makes its own through its constructor", () => {
    class Tally extends Schema.Class<Tally>("Tally")({ id: Schema.String, count: Schema.Int }) {
      readonly doubled = this.count * 2
    }
    const fast = fastDecoder(Tally)!
    for (const count of [1, 2, 3]) {
      const got = fast.decode({ id: `t-${count}`, count })
      expect(got).toBeInstanceOf(Tally)
      expect(got).toEqual(new Tally({ id: `t-${count}`, count }))
      expect(got?.doubled).toBe(count * 2)
      // Its JSON is not made of its fields: the import stringifies the record.
      expect(fast.json([])).toBeUndefined()
    }
  })
})
