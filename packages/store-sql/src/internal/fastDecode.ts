// A faster decoder for the records of a `Schema.Class`, for imports: the same
// rules as `Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })`,
// applied field by field. A spreadsheet repeats most of its values (a region, an
// occupation code, a consent, a registration date), and a field's decoding is a
// pure function of its value, so a field's value already decoded is not decoded
// again. The record's own rules (the class's filters) run on every record.
//
// It answers only for a record that decodes; for any other it answers
// `undefined`, and the caller decodes in full (every error, named). The test
// in test/fastDecode.test.ts holds it to the schema's decode on generated
// records, valid and invalid.
import { Either, Option, ParseResult, Schema, SchemaAST } from "effect"

type Decode = (input: unknown) => Either.Either<unknown, unknown>

// What a field's decoder answers for a value that does not decode (no Either
// allocated per field of every row).
const refused: unique symbol = Symbol("refused")
// What a property signature's field decodes to when the record has no such key.
const absentValue: unique symbol = Symbol("absent")
const valueOf = (out: unknown, name: string): unknown =>
  Object.prototype.hasOwnProperty.call(out, name) ? (out as Record<string, unknown>)[name] : absentValue

// Whether JSON names a value exactly: strings, finite numbers (not -0),
// booleans, null, and arrays and plain objects of those, no `undefined`
// anywhere (JSON would drop it, and `{ phone: undefined }` is not `{}`).
const exactInJson = (value: unknown): boolean => {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0)
    case "object": {
      if (value === null) return true
      if (Array.isArray(value)) {
        for (const item of value) if (!exactInJson(item)) return false
        return true
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return false
      for (const key in value) if (!exactInJson((value as Record<string, unknown>)[key])) return false
      return true
    }
    default:
      return false
  }
}


// A value's decoding, compiled from a schema's AST where every node is one of
// the few that a field of a record is made of (strings, numbers, literals,
// filters, synchronous transformations, structs of those), to skip the general
// parser's work per node: the same checks in the same order, answering the
// decoded value, `refused`, or `unsure` (a transformation that did not answer
// synchronously) — then the schema's own decode answers. `undefined` when a
// node is not one of those.
const unsure: unique symbol = Symbol("unsure")
type Compiled = (input: unknown) => unknown
const parseOptions: SchemaAST.ParseOptions = { onExcessProperty: "error" }
const compile = (ast: SchemaAST.AST): Compiled | undefined => {
  if (Option.isSome(SchemaAST.getParseOptionsAnnotation(ast))) return undefined
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : refused)
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : refused)
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : refused)
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : refused)
    }
    case "Union": {
      // Literals only: a value decodes to itself when it is one of them.
      if (!ast.types.every(SchemaAST.isLiteral)) return undefined
      const literals = new Set<unknown>(ast.types.map((t) => (t as SchemaAST.Literal).literal))
      return (u) => (literals.has(u) ? u : refused)
    }
    case "Refinement": {
      const from = compile(ast.from)
      if (from === undefined) return undefined
      return (u) => {
        const a = from(u)
        if (a === refused || a === unsure) return a
        return Option.isNone(ast.filter(a, parseOptions, ast) as Option.Option<ParseResult.ParseIssue>) ? a : refused
      }
    }
    case "Transformation": {
      const from = compile(ast.from)
      const to = compile(ast.to)
      if (from === undefined || to === undefined) return undefined
      const transformation = ast.transformation
      if (SchemaAST.isComposeTransformation(transformation)) {
        return (u) => {
          const a = from(u)
          return a === refused || a === unsure ? a : to(a)
        }
      }
      if (!SchemaAST.isFinalTransformation(transformation)) return undefined
      return (u) => {
        const a = from(u)
        if (a === refused || a === unsure) return a
        const result: unknown = transformation.decode(a, parseOptions, ast, u)
        if (!Either.isEither(result)) return unsure
        return Either.isRight(result) ? to(result.right) : refused
      }
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length > 0) return undefined
      const properties: Array<{ readonly name: string; readonly optional: boolean; readonly decode: Compiled }> = []
      for (const ps of ast.propertySignatures) {
        const decode = compile(ps.type)
        if (decode === undefined || typeof ps.name !== "string") return undefined
        properties.push({ name: ps.name, optional: ps.isOptional, decode })
      }
      const names = new Set(properties.map((p) => p.name))
      return (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return refused
        // Excess properties are refused (symbols included), as onExcessProperty: "error" does.
        for (const key in u) if (!names.has(key)) return refused
        if (Object.getOwnPropertySymbols(u).length > 0) return unsure
        const out: Record<string, unknown> = {}
        for (const p of properties) {
          if (!Object.prototype.hasOwnProperty.call(u, p.name)) {
            if (p.optional) continue
            return refused
          }
          const value = p.decode((u as Record<string, unknown>)[p.name])
          if (value === refused || value === unsure) return value
          out[p.name] = value
        }
        return out
      }
    }
    default:
      return undefined
  }
}

// A field's decoded value and, when its record is written as JSON, the
// field's part of that JSON (`"name":value`, or "" for a value JSON leaves
// out): a repeated value is encoded once, like it is decoded once.
interface Entry {
  readonly value: unknown
  json: string | undefined
}

// Decoded values of one field by input key, while caching pays: after `probe`
// lookups with fewer than a quarter hits (ids, names, phones) it stops.
const cached = (either: Decode, compiled?: Compiled): ((input: unknown) => Entry | typeof refused) => {
  const decode = (input: unknown): Entry | typeof refused => {
    if (compiled !== undefined) {
      const value = compiled(input)
      if (value === refused) return refused
      if (value !== unsure) return { value, json: undefined }
    }
    const result = either(input)
    return Either.isRight(result) ? { value: result.right, json: undefined } : refused
  }
  const probe = 512
  const limit = 8192
  // Strings by themselves, other values by their JSON.
  let strings: Map<string, Entry> | undefined = new Map()
  let others: Map<string, Entry> | undefined = new Map()
  let lookups = 0
  let hits = 0
  return (input) => {
    if (strings === undefined || others === undefined) return decode(input)
    const string = typeof input === "string"
    if (!string && !exactInJson(input)) return decode(input)
    const byKey = string ? strings : others
    const key = string ? input : JSON.stringify(input)
    lookups++
    const known = byKey.get(key)
    if (known !== undefined) {
      hits++
      return known
    }
    if (lookups === probe && hits * 4 < lookups) {
      strings = undefined
      others = undefined
      return decode(input)
    }
    const decoded = decode(input)
    if (decoded !== refused) {
      if (byKey.size >= limit) byKey.clear()
      byKey.set(key, decoded)
    }
    return decoded
  }
}

/**
 * The JSON text of a record from `count` parts of `parts` from `from`, as
 * {@link FastDecoder}'s `json` added them.
 */
export const jsonText = (parts: ReadonlyArray<string>, from: number, count: number): string => {
  if (count === 0) return "{}"
  const own = parts.slice(from, from + count)
  // The braces go into the parts, so that the join is one flat string:
  // "{" + text + "}" would be copied again when the driver reads it.
  own[0] = "{" + own[0]
  own[count - 1] += "}"
  return own.join(",")
}

/** A fast decoder: `decode` answers a record, or `undefined` (decode in full). */
export interface FastDecoder<A> {
  /**
   * The record, or `undefined` when it does not decode. `given`'s fields
   * stand for those the input lacks (the district an import writes to), as if
   * the input held them.
   */
  readonly decode: (input: unknown, given?: Readonly<Record<string, unknown>>) => A | undefined
  /**
   * Adds the parts of the JSON of the record `decode` last answered —
   * `JSON.stringify(record)` — to `into` and answers how many (see
   * {@link jsonText}); `undefined` when the class makes its records itself
   * (stringify the record). Each field's part is made once per distinct
   * value. Parts are what an import keeps while its batch is gathered, in
   * one array it reuses: a few pointers a row, where a text is a kilobyte or
   * more for the young generation's collections to copy.
   */
  readonly json: (into: Array<string>) => number | undefined
}

/**
 * The fast decoder of a class's records, or `undefined` when `schema` is not
 * a `Schema.Class` built from a struct of fields (then decode as usual).
 */
export const fastDecoder = <A, I>(schema: Schema.Schema<A, I, never>): FastDecoder<A> | undefined => {
  const klass = schema as unknown as {
    readonly fields?: Record<string, Schema.Struct.Field>
    readonly prototype: object
    new(props: object, options: boolean): A
  }
  const ast = schema.ast
  if (klass.fields === undefined || !SchemaAST.isTransformation(ast) || !SchemaAST.isDeclaration(ast.to)) return undefined
  // The class's own rules: the refinements around its struct, innermost first.
  const refinements: Array<SchemaAST.Refinement> = []
  let node: SchemaAST.AST = ast.from
  while (SchemaAST.isRefinement(node)) {
    refinements.unshift(node)
    node = node.from
  }
  if (!SchemaAST.isTypeLiteral(node) && !SchemaAST.isTransformation(node)) return undefined
  const names = Object.keys(klass.fields)
  const known = new Set(names)
  const fields = names.map((name) => {
    const field = klass.fields![name]!
    const key = JSON.stringify(name)
    // A plain schema decodes the value; a property signature (optional, default) decodes a one-key struct.
    if (Schema.isSchema(field)) {
      const schema = field as Schema.Schema<unknown, unknown, never>
      const decode = cached(Schema.decodeUnknownEither(schema, { onExcessProperty: "error" }) as Decode, compile(schema.ast))
      // A plain field's value is never absent: a record lacking it does not decode.
      return { name, key, decode, absent: refused as Entry | typeof refused }
    }
    const struct = Schema.decodeUnknownEither(Schema.Struct({ [name]: field }) as unknown as Schema.Schema<unknown, unknown, never>, {
      onExcessProperty: "error"
    }) as Decode
    // The decoded one-key struct, by its field's value (absent when it has no such key).
    const decode = cached((value) => Either.map(struct({ [name]: value }), (out) => valueOf(out, name)))
    const absent = struct({})
    return {
      name,
      key,
      decode,
      absent: (Either.isRight(absent) ? { value: valueOf(absent.right, name), json: undefined } : refused) as Entry | typeof refused
    }
  })
  const options: SchemaAST.ParseOptions = { onExcessProperty: "error" }
  const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
  // A record is built on the class's prototype, field by field, as
  // `new klass(props, true)` copies them, unless the class makes its records
  // itself (a constructor or fields of its own, as the first record shows):
  // then by its constructor. `Bare` makes bare objects on the
  // class's prototype: V8 sizes its objects for the fields they are given
  // (an object from `Object.create` turns into a dictionary after a dozen
  // fields, twice the size and slower to read).
  const Bare = function() {} as unknown as new() => Record<string, unknown>
  Bare.prototype = klass.prototype
  let plainClass: boolean | undefined
  const sameRecord = (made: Record<string, unknown>, props: Record<string, unknown>) => {
    const keys = Object.keys(made)
    const given = Object.keys(props)
    return Object.getPrototypeOf(made) === klass.prototype && keys.length === given.length &&
      keys.every((key, i) => given[i] === key && made[key] === props[key])
  }
  // The entries of the record decoded last, for its JSON.
  const entries: Array<Entry> = []
  const keys: Array<string> = []
  let count = 0
  const decode = (input: unknown, given?: Readonly<Record<string, unknown>>): A | undefined => {
    count = 0
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
    for (const key in input) if (!known.has(key)) return undefined
    const props: Record<string, unknown> = plainClass === false ? {} : new Bare()
    let n = 0
    for (const field of fields) {
      const source = has(input, field.name) ? input as Record<string, unknown> : given !== undefined && has(given, field.name) ? given : undefined
      const decoded: Entry | typeof refused = source !== undefined
        ? field.decode(source[field.name])
        : field.absent
      if (decoded === refused) return undefined
      if (decoded.value === absentValue) continue
      props[field.name] = decoded.value
      entries[n] = decoded
      keys[n++] = field.key
    }
    for (const refinement of refinements) {
      if (Option.isSome(refinement.filter(props, options, refinement) as Option.Option<ParseResult.ParseIssue>)) return undefined
    }
    let record = props as A
    if (plainClass === undefined) {
      const made = new klass({ ...props }, true)
      plainClass = sameRecord(made as Record<string, unknown>, props)
      record = made
    } else if (!plainClass) record = new klass(props, true)
    count = n
    return record
  }
  const json = (into: Array<string>) => {
    // A record its class made holds more than its fields.
    if (!plainClass) return undefined
    let added = 0
    for (let i = 0; i < count; i++) {
      const entry = entries[i]!
      // A value JSON leaves out (undefined) leaves out its key too.
      if (entry.json === undefined) {
        const value = JSON.stringify(entry.value) as string | undefined
        entry.json = value === undefined ? "" : keys[i] + ":" + value
      }
      if (entry.json !== "") {
        into.push(entry.json)
        added++
      }
    }
    return added
  }
  return { decode, json }
}
