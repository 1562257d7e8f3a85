import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck as fc, Schema } from "effect"
import { Counselor, Employer, Opening, Seeker, Validation } from "../src/index.js"
import { counselorInput, employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

interface Model {
  readonly name: string
  readonly schema: Schema.Schema<unknown, unknown>
  readonly decode: (input: unknown) => Either.Either<unknown, Validation.ValidationError>
  readonly valid: object
  /** What decoding fills in when the input leaves it out. */
  readonly defaults: object
}

const model = <A, I>(
  name: string,
  schema: Schema.Schema<A, I>,
  decode: (input: unknown) => Either.Either<A, Validation.ValidationError>,
  valid: object,
  defaults: object = {}
): Model => ({ name, schema: schema as unknown as Schema.Schema<unknown, unknown>, decode, valid, defaults })

const models: ReadonlyArray<Model> = [
  // A record from before caseloads reads as a registered case.
  model("Seeker", Seeker.Seeker, Seeker.decodeEither, seekerInput, { status: "registered" }),
  model("Employer", Employer.Employer, Employer.decodeEither, employerInput),
  model("Opening", Opening.Opening, Opening.decodeEither, openingInput),
  model("Counselor", Counselor.Counselor, Counselor.decodeEither, counselorInput)
]

describe.each(models)("$name", ({ decode, defaults, schema, valid }) => {
  it("decodes a valid record and encodes it back to the same input", () => {
    const decoded = decode(valid)
    expect(Either.isRight(decoded)).toBe(true)
    expect(Schema.encodeSync(schema)(Either.getOrThrow(decoded))).toEqual({ ...valid, ...defaults })
  })

  it("round-trips every value its schema admits (encode, JSON, decode)", () => {
    const encode = Schema.encodeSync(schema)
    fc.assert(
      fc.property(Arbitrary.make(schema), (value) => {
        const wire = JSON.parse(JSON.stringify(encode(value)))
        const again = decode(wire)
        expect(Either.isRight(again)).toBe(true)
        expect(encode(Either.getOrThrow(again))).toEqual(wire)
      }),
      { numRuns: 200 }
    )
  })

  it("refuses fields it does not keep (an age, a resident number) instead of dropping them", () => {
    const result = decode({ ...valid, age: 54, residentRegistrationNumber: "620514-1234567" })
    expect(Either.isLeft(result)).toBe(true)
    const issues = Either.isLeft(result) ? result.left.issues : []
    expect(issues.map((i) => i.path).sort()).toEqual(["age", "residentRegistrationNumber"])
    expect(issues[0]!.message).toBe("is not a field of this record and is not accepted")
  })
})

const issuesOf = <A>(result: Either.Either<A, Validation.ValidationError>) =>
  Either.isLeft(result) ? result.left.issues.map(({ message, path }) => ({ path, message })) : []

describe("invalid input is refused, naming the field and the rule", () => {
  const cases: ReadonlyArray<{
    readonly what: string
    readonly decode: (input: unknown) => Either.Either<unknown, Validation.ValidationError>
    readonly input: unknown
    readonly path: string
    readonly message: string | RegExp
  }> = [
    {
      what: "an unknown KECO middle group",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, desiredOccupations: ["0412"] },
      path: "desiredOccupations[0]",
      message: /^must start with a KECO middle group .*; "04" in "0412" is not one$/
    },
    {
      what: "a KECO code that is not 2–6 digits",
      decode: Opening.decodeEither,
      input: { ...openingInput, occupation: "41-22" },
      path: "occupation",
      message: "must be a KECO occupation code of 2–6 digits, e.g. 0231; got \"41-22\""
    },
    {
      what: "a Seoul code that is no district",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, addressRegion: "11999" },
      path: "addressRegion",
      message: /^must be one of Seoul's 25 district codes .*; got "11999"$/
    },
    {
      what: "a region outside every province",
      decode: Employer.decodeEither,
      input: { ...employerInput, addressRegion: "99110" },
      path: "addressRegion",
      message: /^must start with a province \(시도\) code .*; "99" in "99110" is not one$/
    },
    {
      what: "a district id that is not a 5-digit code",
      decode: Counselor.decodeEither,
      input: { ...counselorInput, districtId: "seongdong" },
      path: "districtId",
      message: "must be a 5-digit 시군구 region code, e.g. 11200; got \"seongdong\""
    },
    {
      what: "a negative wage",
      decode: Opening.decodeEither,
      input: { ...openingInput, wage: { type: "monthly", min: -2_000_000 } },
      path: "wage.min",
      message: "must be a whole number of won greater than 0 (at most 10,000,000,000); got -2000000"
    },
    {
      what: "a wage range upside down",
      decode: Opening.decodeEither,
      input: { ...openingInput, wage: { type: "monthly", min: 2_500_000, max: 2_000_000 } },
      path: "wage.max",
      message: "must not be below the minimum (2500000); got 2000000"
    },
    {
      what: "an unknown wage type",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, desiredWage: { type: "weekly", amount: 500_000 } },
      path: "desiredWage.type",
      message: "must be one of hourly (Hourly), daily (Daily), monthly (Monthly), yearly (Yearly); got \"weekly\""
    },
    {
      what: "a malformed phone number",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, contact: { phone: "010-123-456" } },
      path: "contact.phone",
      message: "must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"010-123-456\""
    },
    {
      what: "a malformed e-mail address",
      decode: Counselor.decodeEither,
      input: { ...counselorInput, contact: { email: "park at example.kr" } },
      path: "contact.email",
      message: "must be an e-mail address such as name@example.kr; got \"park at example.kr\""
    },
    {
      what: "a resident registration number in the notes",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, notes: "본인확인: 620514-1234567" },
      path: "notes",
      message: "must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
    },
    {
      what: "a masked resident registration number in an opening's notes",
      decode: Opening.decodeEither,
      input: { ...openingInput, notes: "담당자 주민번호 800101-1******" },
      path: "notes",
      message: "must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
    },
    {
      what: "a resident registration number typed as a name",
      decode: Employer.decodeEither,
      input: { ...employerInput, contacts: [{ name: "6205141234567" }] },
      path: "contacts[0].name",
      message: "must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
    },
    {
      what: "an impossible birth date",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, birthDate: "1962-02-30" },
      path: "birthDate",
      message: "must be a calendar date written YYYY-MM-DD between 1900 and 2199, e.g. 2016-03-02; got \"1962-02-30\""
    },
    {
      what: "a business number with a wrong check digit",
      decode: Employer.decodeEither,
      input: { ...employerInput, businessNumber: "124-81-00997" },
      path: "businessNumber",
      message: /^must be a 10-digit business registration number .*; got "124-81-00997"$/
    },
    {
      what: "education 00 for a person",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, education: "00" },
      path: "education",
      message: /00 means "any" and fits openings only$/
    },
    {
      what: "an education code outside 00–07",
      decode: Opening.decodeEither,
      input: { ...openingInput, educationMinimum: "08" },
      path: "educationMinimum",
      message: /^must be one of 00 \(Any education\), .*07 \(Doctorate\); got "08"$/
    },
    {
      what: "an occupation wished for twice",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, desiredOccupations: ["5611", "5611"] },
      path: "desiredOccupations[1]",
      message: "repeats \"5611\", which is already listed"
    },
    {
      what: "no desired occupation",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, desiredOccupations: [] },
      path: "desiredOccupations",
      message: "must list at least one entry"
    },
    {
      what: "a disability recorded without consent to sensitive data",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, targetGroups: ["middle-aged", "disability"] },
      path: "targetGroups[1]",
      message: "\"disability\" (장애인) is sensitive data and needs an active \"sensitive-data\" consent in consents"
    },
    {
      what: "an advertising consent without a channel",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, consents: [{ purpose: "advertising", givenAt: "2016-03-02T01:00:00.000Z" }] },
      path: "consents[0].channel",
      message: "is required for a \"advertising\" consent (sms, email or phone)"
    },
    {
      what: "a consent withdrawn before it was given",
      decode: Seeker.decodeEither,
      input: {
        ...seekerInput,
        consents: [{ purpose: "personal-data", givenAt: "2016-03-02T01:00:00.000Z", withdrawnAt: "2016-03-01T00:00:00.000Z" }]
      },
      path: "consents[0].withdrawnAt",
      message: "must not be before givenAt"
    },
    {
      what: "a closing date before the opening date",
      decode: Opening.decodeEither,
      input: { ...openingInput, closesOn: "2016-03-01" },
      path: "closesOn",
      message: "must not be before openedOn (2016-03-03); got 2016-03-01"
    },
    {
      what: "minimum career months on a new-entrant opening",
      decode: Opening.decodeEither,
      input: { ...openingInput, career: { requirement: "new", minimumMonths: 12 } },
      path: "career.minimumMonths",
      message: "applies to \"experienced\" only, not \"new\""
    },
    {
      what: "a zero headcount",
      decode: Opening.decodeEither,
      input: { ...openingInput, headcount: 0 },
      path: "headcount",
      message: "must be a whole number of positions between 1 and 10,000"
    },
    {
      what: "an age-based hiring preference",
      decode: Opening.decodeEither,
      input: { ...openingInput, preferences: ["youth"] },
      path: "preferences[0]",
      message: /^must be one of disability-hire .*; got "youth"$/
    },
    {
      what: "a missing name",
      decode: Counselor.decodeEither,
      input: { ...counselorInput, name: "   " },
      path: "name",
      message: "must not be empty"
    },
    {
      what: "an id with spaces",
      decode: Seeker.decodeEither,
      input: { ...seekerInput, id: "seeker 1" },
      path: "id",
      message: "must be a seeker id: 1–64 characters of letters, digits, \"-\" or \"_\""
    }
  ]

  it.each(cases)("$what → $path", ({ decode, input, message, path }) => {
    const issues = issuesOf(decode(input))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toBe(path)
    if (typeof message === "string") expect(issues[0]!.message).toBe(message)
    else expect(issues[0]!.message).toMatch(message)
  })

  it("reports every broken rule at once, in the words a counselor reads", () => {
    const result = Seeker.decodeEither({
      ...seekerInput,
      contact: { phone: "12345" },
      desiredOccupations: ["0412"],
      notes: "주민번호 620514-1234567"
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("ValidationError")
      expect(result.left.message).toBe(
        "Invalid Seeker: " +
          "contact.phone: must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"12345\"; " +
          "desiredOccupations[0]: must start with a KECO middle group (01–03, 11–15, 21–25, 30, 41–42, 51–56, 61–62, 70, 81–89, 90); \"04\" in \"0412\" is not one; " +
          "notes: must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
      )
    }
  })

  it.effect("fails the Effect with a ValidationError that serialises", () =>
    Seeker.decode({ ...seekerInput, careerMonths: -3 }).pipe(
      Effect.flip,
      Effect.map((error) => {
        const wire = Schema.encodeSync(Validation.ValidationError)(error)
        expect(wire).toEqual({
          _tag: "ValidationError",
          subject: "Seeker",
          issues: [{ path: "careerMonths", message: "must be a whole number of months between 0 and 720" }]
        })
      })
    ))
})

describe("normalisation on the way in", () => {
  it("stores phone numbers and business numbers in one canonical form", () => {
    const seeker = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, contact: { phone: "+82 10 1234 5678" } }))
    expect(seeker.contact.phone).toBe("010-1234-5678")
    const employer = Either.getOrThrow(Employer.decodeEither({ ...employerInput, businessNumber: "1248100998" }))
    expect(employer.businessNumber).toBe("124-81-00998")
  })

  it("trims free text", () => {
    const counselor = Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, name: "  박상담 " }))
    expect(counselor.name).toBe("박상담")
  })
})

describe("Seeker.duplicateMatch, the rule registration and bulk import refuse a second record by", () => {
  const kim = Either.getOrThrow(Seeker.decodeEither(seekerInput))
  const other = (fields: object) => Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "seeker-0002", ...fields }))

  it("holds for the same name with the same phone, named first, or with the same birth date", () => {
    expect(Seeker.duplicateMatch(other({ birthDate: "1970-01-01" }), kim)).toBe("name-and-phone")
    expect(Seeker.duplicateMatch(other({ contact: {} }), kim)).toBe("name-and-birth-date")
    expect(Seeker.duplicateMatch(other({}), kim)).toBe("name-and-phone")
    // The phone spelled differently is the same phone once decoded.
    expect(Seeker.duplicateMatch(other({ contact: { phone: "01012345678" }, birthDate: "1970-01-01" }), kim)).toBe("name-and-phone")
  })

  it("does not hold for another name, or the same name with another phone and birth date, or no phones and another birth date", () => {
    expect(Seeker.duplicateMatch(other({ name: "김민서" }), kim)).toBeUndefined()
    expect(Seeker.duplicateMatch(other({ contact: { phone: "010-9999-0000" }, birthDate: "1970-01-01" }), kim)).toBeUndefined()
    const noPhone = other({ contact: {} })
    expect(Seeker.duplicateMatch(other({ id: "seeker-0003", contact: {}, birthDate: "1970-01-01" }), noPhone)).toBeUndefined()
  })

  it("never holds for an erased seeker, on either side", () => {
    const erased = Seeker.anonymise(kim, "2026-01-31" as never)
    const alsoErased = Seeker.anonymise(other({}), "2026-02-28" as never)
    expect([erased.name, erased.birthDate]).toEqual([alsoErased.name, alsoErased.birthDate])
    expect(Seeker.duplicateMatch(alsoErased, erased)).toBeUndefined()
    expect(Seeker.duplicateMatch(other({ name: erased.name, birthDate: erased.birthDate }), erased)).toBeUndefined()
    expect(Seeker.duplicateMatch(erased, other({ name: erased.name, birthDate: erased.birthDate }))).toBeUndefined()
  })
})
