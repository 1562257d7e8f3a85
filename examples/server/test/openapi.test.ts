/**
 * The HTTP contract as a generated client sees it: the OpenAPI document
 * states every rule the server enforces, and every error the server answers
 * has the one shape the document declares.
 */
import { HttpApi, HttpClient, HttpClientRequest, OpenApi } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Codes, Contact, Employer, LocalDate } from "@iljari/core"
import { Effect, FastCheck as fc, JSONSchema, Option, Schema, SchemaAST } from "effect"
import { Api } from "../src/Api.js"
import { apiToken, clientFor, staffLogin, TestServer } from "./server.js"

interface Parameter {
  readonly name: string
  readonly in: string
  readonly schema: { readonly type?: string; readonly format?: string; readonly $ref?: string; readonly enum?: ReadonlyArray<string> }
}
interface Operation {
  readonly summary?: string
  readonly description?: string
  readonly parameters: ReadonlyArray<Parameter>
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> }
  readonly responses: Record<string, { readonly description: string; readonly content?: Record<string, { readonly schema: unknown }> }>
}

const document = OpenApi.fromApi(Api) as unknown as {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: { readonly schemas: Record<string, any> }
}
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation }))
)

// Every `anyOf` in the document, with where it is.
const anyOfs = (node: unknown, where = ""): Array<{ where: string; members: ReadonlyArray<unknown> }> => {
  if (Array.isArray(node)) return node.flatMap((n, i) => anyOfs(n, `${where}/${i}`))
  if (typeof node !== "object" || node === null) return []
  const own = Array.isArray((node as { anyOf?: unknown }).anyOf) ? [{ where, members: (node as { anyOf: Array<unknown> }).anyOf }] : []
  return [...own, ...Object.entries(node).flatMap(([k, v]) => anyOfs(v, `${where}/${k}`))]
}

const resolve = (schema: any): any =>
  schema?.$ref === undefined ? schema : document.components.schemas[String(schema.$ref).slice("#/components/schemas/".length)]

describe("the OpenAPI document", () => {
  it("gives every operation a summary and a description, and every group a description", () => {
    expect(operations.length).toBeGreaterThan(70)
    const undocumented = operations.filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim())
    expect(undocumented.map((o) => o.name)).toEqual([])
    const tags = (OpenApi.fromApi(Api) as unknown as { tags: ReadonlyArray<{ name: string; description?: string }> }).tags
    expect(tags.filter((t) => !t.description).map((t) => t.name)).toEqual([])
  })

  it("types counts as integers, dates as dates and word lists as enums", () => {
    const wrong: Array<string> = []
    for (const { name, operation } of operations) {
      for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
        const schema = resolve(parameter.schema)
        if (["limit", "offset", "k", "version", "year", "roundTo", "perOpening"].includes(parameter.name) && schema.type !== "integer") {
          wrong.push(`${name} ${parameter.name}: ${JSON.stringify(schema)}`)
        }
        if (["from", "to", "on", "week", "asOf"].includes(parameter.name) && schema.format !== "date") {
          wrong.push(`${name} ${parameter.name}: ${JSON.stringify(schema)}`)
        }
        if (["lang", "period", "format", "by"].includes(parameter.name) && !Array.isArray(schema.enum)) {
          wrong.push(`${name} ${parameter.name}: ${JSON.stringify(schema)}`)
        }
        if (schema.description === "a string to be decoded into a number") wrong.push(`${name} ${parameter.name}: undeclared number`)
      }
    }
    expect(wrong).toEqual([])
  })

  it("declares the report downloads' query parameters", () => {
    for (const path of ["/reports/results.html", "/reports/results.xlsx", "/reports/results.csv"]) {
      const names = document.paths[path]!["get"]!.parameters.map((p) => p.name)
      expect(names).toEqual(expect.arrayContaining(["month", "year", "week", "from", "to", "counselorId", "district", "lang"]))
    }
  })

  it("takes a write's version in the body, never in the query", () => {
    const inQuery = operations.filter(({ operation }) => operation.parameters.some((p) => p.name === "version"))
    expect(inQuery.map((o) => o.name)).toEqual([])
    for (
      const name of [
        "PUT /seekers/{id}",
        "POST /seekers/{id}/close",
        "POST /referrals/{id}/status",
        "POST /follow-ups/{id}",
        "POST /job-fairs/{id}/invite",
        "POST /job-fairs/{id}/results",
        "POST /psych-test-participants/{id}/result"
      ]
    ) {
      const operation = operations.find((o) => o.name === name)!.operation
      const body = resolve(operation.requestBody!.content["application/json"]!.schema)
      expect({ name, required: body.required, version: body.properties.version.type }).toEqual({
        name,
        required: expect.arrayContaining(["version"]),
        version: "integer"
      })
    }
    // What a later write needs carries its version: the ledger's checks, a placement's checks.
    const ledger = document.components.schemas["FollowUpLedger"]
    expect(ledger.properties.dueToday.items).toEqual({ $ref: "#/components/schemas/FollowUpLedgerItem" })
    // Each ledger item carries the check's version and the seeker to phone with theirs.
    const item = document.components.schemas["FollowUpLedgerItem"]
    expect(item.required).toEqual(expect.arrayContaining(["value", "version"]))
    expect(item.properties.version.type).toBe("integer")
    const seeker = resolve(item.properties.seeker)
    expect(Object.keys(seeker.properties)).toEqual(expect.arrayContaining(["id", "name", "phone", "version"]))
    expect(seeker.required).toEqual(expect.arrayContaining(["id", "name", "version"]))
  })

  it("lets every POST that creates something take an Idempotency-Key header, and says what a key may meet", () => {
    const creating = operations.filter(({ name, operation }) => name.startsWith("POST ") && operation.responses["201"] !== undefined)
    expect(creating.map((o) => o.name)).toEqual(expect.arrayContaining(["POST /seekers", "POST /referrals", "POST /placements", "POST /counseling"]))
    // Secrets are never kept for a replay: a token's and a survey link's answers hold one, an account's body a password.
    const exempt = ["POST /tokens", "POST /accounts", "POST /surveys/{id}/links"]
    const without = creating.filter(({ name, operation }) =>
      !exempt.includes(name) &&
      !operation.parameters.some((p) => p.in === "header" && p.name === "Idempotency-Key" && (p as { required?: boolean }).required === false)
    )
    expect(without.map((o) => o.name)).toEqual([])
    for (const { name, operation } of creating.filter((o) => !exempt.includes(o.name))) {
      expect({ name, reused: operation.responses["422"]?.description, pending: operation.responses["409"]?.description }).toEqual({
        name,
        reused: expect.stringContaining("IdempotencyKeyReused"),
        pending: expect.stringContaining("IdempotencyKeyInProgress")
      })
    }
  })

  it("gives no name to two different schemas (a generated client would type one as the other)", () => {
    const named = new Map<string, Set<string>>()
    const seen = new Set<SchemaAST.AST>()
    const visit = (ast: SchemaAST.AST): void => {
      if (seen.has(ast)) return
      seen.add(ast)
      const id = Option.getOrUndefined(SchemaAST.getJSONIdentifier(ast))
      if (id !== undefined) {
        try {
          const shape = JSON.stringify(JSONSchema.make(Schema.make(SchemaAST.encodedAST(ast))), (key, value) =>
            ["description", "title", "examples", "default"].includes(key) ? undefined : value)
          named.set(id, (named.get(id) ?? new Set()).add(shape))
        } catch {
          // Not a JSON value (a body read as bytes): not in the document's components.
        }
      }
      switch (ast._tag) {
        case "TypeLiteral":
          ast.propertySignatures.forEach((p) => visit(p.type))
          ast.indexSignatures.forEach((i) => visit(i.type))
          return
        case "Union":
          return ast.types.forEach(visit)
        case "TupleType":
          ast.elements.forEach((e) => visit(e.type))
          return ast.rest.forEach((r) => visit(r.type))
        case "Refinement":
          return visit(ast.from)
        case "Transformation":
          visit(ast.from)
          return visit(ast.to)
        case "Suspend":
          return visit(ast.f())
        case "Declaration":
          return ast.typeParameters.forEach(visit)
      }
    }
    HttpApi.reflect(Api, {
      onGroup: () => {},
      onEndpoint: ({ endpoint, successes }) => {
        for (const schema of [endpoint.pathSchema, endpoint.urlParamsSchema, endpoint.payloadSchema]) {
          if (Option.isSome(schema)) visit(schema.value.ast)
        }
        for (const { ast } of successes.values()) if (Option.isSome(ast)) visit(ast.value)
      }
    })
    expect([...named].filter(([, shapes]) => shapes.size > 1).map(([id, shapes]) => [id, ...shapes])).toEqual([])
  })

  it("lists no schema twice in an anyOf", () => {
    const repeated = anyOfs(document).filter(({ members }) => new Set(members.map((m) => JSON.stringify(m))).size !== members.length)
    expect(repeated.map((r) => r.where)).toEqual([])
  })

  it("answers every error in the one Error schema", () => {
    const others: Array<string> = []
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue
        const schemas = Object.values(response.content ?? {}).map((m) => JSON.stringify(m.schema))
        if (schemas.length !== 1 || schemas[0] !== JSON.stringify({ $ref: "#/components/schemas/Error" })) others.push(`${name} ${status}`)
      }
    }
    expect(others).toEqual([])
    expect(document.components.schemas["Error"].required).toEqual(["_tag", "message", "messageKo"])
    expect(Object.keys(document.components.schemas)).not.toContain("HttpApiDecodeError")
  })

  it("documents the edge's refusals: 413 wherever a body is taken, 429 with Retry-After on sign-in and the expensive routes", () => {
    const withBody = operations.filter(({ operation }) => operation.requestBody !== undefined)
    expect(withBody.length).toBeGreaterThan(30)
    expect(withBody.filter(({ operation }) => operation.responses["413"] === undefined).map((o) => o.name)).toEqual([])
    expect(operations.find((o) => o.name === "POST /auth/sign-in")!.operation.responses["413"]!.description).toContain("16 KiB")
    expect(operations.find((o) => o.name === "POST /seekers")!.operation.responses["413"]!.description).toContain("1 MiB")
    const limited = operations.filter(({ operation }) => operation.responses["429"] !== undefined)
    expect(limited.map((o) => o.name).sort()).toEqual([
      "GET /access-records",
      "GET /audit",
      "GET /follow-ups/ledger",
      "GET /openings/{id}/matches",
      "GET /reports/results.csv",
      "GET /reports/results.html",
      "GET /reports/results.xlsx",
      "GET /seekers/{id}/matches",
      "POST /auth/second-factor",
      "POST /auth/sign-in",
      "POST /retention/sweep"
    ])
    for (const { operation } of limited) {
      expect(operation.responses["429"]).toMatchObject({ description: expect.stringContaining("RateLimited"), headers: { "Retry-After": expect.anything() } })
    }
  })

  it("states the core's rules as patterns that agree with the schemas", () => {
    const pattern = (name: string) => new RegExp(document.components.schemas[name].pattern)
    const agree = (name: string, schema: Schema.Schema<any, string>, samples: ReadonlyArray<string>) => {
      for (const sample of samples) expect({ name, sample, ok: pattern(name).test(sample) }).toEqual({ name, sample, ok: Schema.is(Schema.typeSchema(schema))(sample) || Schema.decodeUnknownEither(schema)(sample)._tag === "Right" })
    }
    const digits = (min: number, max: number) => fc.sample(fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`)), { numRuns: 300, seed: 7 })
    agree("OccupationCode", Codes.OccupationCode, ["9212", "0231", "56", "1", "90", "9", "0123456", ...digits(1, 7)])
    agree("RegionCode", Codes.RegionCode, ["11200", "11000", "11999", "41135", "99000", ...digits(4, 6)])
    expect(pattern("PhoneNumber").test("010-1234-5678") && pattern("PhoneNumber").test("0212345678") && !pattern("PhoneNumber").test("010-12-34")).toBe(true)
    for (const phone of ["010-1234-5678", "02-123-4567", "031-123-4567", "1588-1234", "01012345678"]) {
      expect(Schema.decodeUnknownEither(Contact.PhoneNumber)(phone)._tag).toBe("Right")
    }
    expect(pattern("BusinessNumber").test("124-81-00998")).toBe(true)
    expect(Schema.decodeUnknownEither(Employer.BusinessNumber)("124-81-00998")._tag).toBe("Right")
    expect(document.components.schemas["LocalDate"]).toMatchObject({ type: "string", format: "date" })
    expect(Schema.is(LocalDate.LocalDate)("2026-02-30")).toBe(false)
    // A fair's hire: contract and schedule as the enums a placement enforces.
    const result = document.components.schemas["JobFairResultForm"].properties
    expect(result.contractType.enum).toEqual(["open-ended", "fixed-term", "daily", "dispatch"])
    expect(result.schedule.enum).toEqual(["full-time", "part-time"])
  })
})

describe("every error the server answers", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    const shape = {
      _tag: expect.any(String),
      message: expect.stringMatching(/\S/),
      messageKo: expect.stringMatching(/[\uac00-\ud7a3]/)
    }
    const internals = /readonly |└─|Expected |\{ [a-z]+: /

    it.effect("has one shape, names the field, and never prints Effect's internals", () =>
      Effect.gen(function*() {
        const http = yield* HttpClient.HttpClient
        const send = (method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH", url: string, body?: unknown) =>
          Effect.flatMap(
            http.execute(
              HttpClientRequest.make(method)(url).pipe(
                HttpClientRequest.setHeader("authorization", `Bearer ${apiToken("write")}`),
                body === undefined ? (r) => r : HttpClientRequest.bodyUnsafeJson(body)
              )
            ),
            (response) => Effect.map(response.json, (json) => ({ status: response.status, json: json as Record<string, unknown>, allow: response.headers["allow"] }))
          )
        const cases = [
          [send("GET", "/seekers?limit=abc"), 400, { _tag: "ValidationError", field: "limit" }],
          [send("GET", "/seekers?limit=0"), 400, { _tag: "ValidationError", field: "limit" }],
          [send("GET", "/seekers/seeker-0001/matches?k=101"), 400, { _tag: "ValidationError", field: "k" }],
          [send("GET", "/targets/pace?year=2026&period=decade"), 400, { _tag: "ValidationError", field: "period" }],
          [send("GET", "/results?from=2026-13-01&to=2026-01-31"), 400, { _tag: "ValidationError", field: "from" }],
          [send("POST", "/seekers/seeker-0001/close", { version: 0 }), 400, { _tag: "ValidationError", field: "version" }],
          [send("POST", "/seekers/seeker-0001/close", {}), 400, { _tag: "ValidationError", field: "version" }],
          [send("POST", "/referrals/r-1/status", { to: "somewhere", version: 1 }), 400, { _tag: "ValidationError", field: "to" }],
          [send("POST", "/seekers", { name: "홍길동", contact: { phone: "12" } }), 400, { _tag: "ValidationError" }],
          [send("GET", "/seekers/nobody"), 404, { _tag: "NotFound", kind: "seeker", id: "nobody" }],
          [send("GET", "/no/such/route"), 404, { _tag: "RouteNotFound" }],
          [send("DELETE", "/seekers"), 405, { _tag: "MethodNotAllowed" }],
          [send("GET", "/accounts"), 403, { _tag: "Forbidden" }],
          [send("GET", "/reports/results.csv?month=10"), 400, { _tag: "ValidationError", field: "year" }],
          [send("GET", "/reports/results.csv?from=2026-03-01&to=2026-02-01"), 400, { _tag: "ValidationError", field: "to" }]
        ] as const
        for (const [request, status, expected] of cases) {
          const answer = yield* request
          expect({ status: answer.status, json: answer.json }).toMatchObject({ status, json: { ...shape, ...expected } })
          expect(JSON.stringify([answer.json["message"], answer.json["messageKo"]])).not.toMatch(internals)
          // The Korean is Korean, not the fallback that wraps an English rule.
          expect(String(answer.json["messageKo"])).not.toContain("입력값이 규칙에 맞지 않습니다")
        }
        const methodNotAllowed = yield* send("DELETE", "/seekers")
        expect(methodNotAllowed.allow).toBe("GET, POST")
        const unauthorized = yield* Effect.flatMap(http.get("/seekers"), (r) => r.json)
        expect(unauthorized).toMatchObject({ ...shape, _tag: "Unauthorized" })
        // A body is read once the caller is authenticated (see Edge.ts): a caller's body that is not JSON is a 400.
        const notJson = yield* Effect.flatMap(
          http.execute(HttpClientRequest.post("/seekers").pipe(
            HttpClientRequest.setHeader("authorization", `Bearer ${apiToken("write")}`),
            HttpClientRequest.bodyText("{nope", "application/json")
          )),
          (r) => r.json
        )
        expect(notJson).toMatchObject({ ...shape, _tag: "MalformedRequest" })
        // Nobody's body is not read at all.
        const anonymous = yield* Effect.flatMap(
          http.execute(HttpClientRequest.post("/seekers").pipe(HttpClientRequest.bodyText("{nope", "application/json"))),
          (r) => r.json
        )
        expect(anonymous).toMatchObject({ ...shape, _tag: "Unauthorized" })
        // Every issue of a form names its field, in English and Korean.
        const form = (yield* send("POST", "/seekers", { name: "홍길동", contact: { phone: "12" } })).json as any
        expect(form.issues).toEqual(expect.arrayContaining([
          { field: "contact.phone", message: expect.stringContaining("Korean phone number"), messageKo: expect.stringContaining("전화번호") }
        ]))
      }))

    it.effect("a stale version is a 409 StaleVersion naming the version, and the typed client reads it back", () =>
      Effect.gen(function*() {
        const client = yield* clientFor(staffLogin("counselor"))
        const seeker = yield* client.seekers.register({
          payload: {
            name: "김버전",
            contact: { phone: "010-9000-0001" },
            birthDate: "1964-05-14",
            gender: "female",
            addressRegion: "11200",
            desiredOccupations: ["5611"],
            desiredRegions: ["11200"],
            education: "03",
            certificates: [],
            targetGroups: [],
            careerMonths: 0,
            desiredWage: { type: "monthly", amount: 2_100_000 },
            desiredEmployment: { contractTypes: ["open-ended"], schedules: ["full-time"], maxWeeklyHours: 40 },
            consents: [{ purpose: "personal-data", givenAt: "2026-03-02T01:00:00.000Z" }],
            registrationChannel: "visit"
          }
        })
        const stale = yield* Effect.flip(client.seekers.close({ path: { id: seeker.value.id }, payload: { version: seeker.version + 6 } }))
        expect(stale).toMatchObject({ _tag: "StaleVersion", kind: "seeker", expected: seeker.version + 6, actual: seeker.version })
        const http = yield* HttpClient.HttpClient
        const answer = yield* Effect.flatMap(
          http.execute(
            HttpClientRequest.post(`/seekers/${seeker.value.id}/close`).pipe(
              HttpClientRequest.setHeader("authorization", `Bearer ${apiToken("write")}`),
              HttpClientRequest.bodyUnsafeJson({ version: seeker.version + 6 })
            )
          ),
          (r) => Effect.map(r.json, (json) => ({ status: r.status, json }))
        )
        expect(answer).toMatchObject({ status: 409, json: { ...shape, _tag: "StaleVersion", field: "version" } })
      }))
  })
})
