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
type Decoded = (input: unknown) => unknown

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


// Decoded values of one field by input key, while caching pays: after `probe`
// lookups with fewer than a quarter hits (ids, names, phones) it stops.
const cached = (either: Decode): Decoded => {
  const decode = (input: unknown) => {
    const result = either(input)
    return Either.isRight(result) ? result.right : refused
  }
  const probe = 512
  const limit = 8192
  // Strings by themselves, other values by their JSON.
  let strings: Map<string, unknown> | undefined = new Map()
  let others: Map<string, unknown> | undefined = new Map()
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
 * The fast decoder of a class's records, or `undefined` when `schema` is not
 * a `Schema.Class` built from a struct of fields (then decode as usual).
 * `given`'s fields stand for those the input lacks (the district an import
 * writes to), as if the input held them.
 */
export const fastDecoder = <A, I>(
  schema: Schema.Schema<A, I, never>
): ((input: unknown, given?: Readonly<Record<string, unknown>>) => A | undefined) | undefined => {
  const klass = schema as unknown as {
    readonly fields?: Record<string, Schema.Struct.Field>
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
    // A plain schema decodes the value; a property signature (optional, default) decodes a one-key struct.
    if (Schema.isSchema(field)) {
      const decode = cached(Schema.decodeUnknownEither(field as Schema.Schema<unknown, unknown, never>, { onExcessProperty: "error" }) as Decode)
      return { name, plain: true, decode, absent: undefined as unknown }
    }
    const struct = Schema.decodeUnknownEither(Schema.Struct({ [name]: field }) as unknown as Schema.Schema<unknown, unknown, never>, {
      onExcessProperty: "error"
    }) as Decode
    const decode = cached((value) => struct({ [name]: value }))
    const absent = struct({})
    return { name, plain: false, decode, absent: Either.isRight(absent) ? absent.right : refused }
  })
  const options: SchemaAST.ParseOptions = { onExcessProperty: "error" }
  const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
  return (input, given) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
    for (const key in input) if (!known.has(key)) return undefined
    const props: Record<string, unknown> = {}
    for (const field of fields) {
      const source = has(input, field.name) ? input as Record<string, unknown> : given !== undefined && has(given, field.name) ? given : undefined
      const present = source !== undefined
      if (field.plain) {
        if (!present) return undefined
        const decoded = field.decode(source[field.name])
        if (decoded === refused) return undefined
        props[field.name] = decoded
      } else {
        const decoded = present ? field.decode(source[field.name]) : field.absent
        if (decoded === refused) return undefined
        const out = decoded as Record<string, unknown>
        if (Object.prototype.hasOwnProperty.call(out, field.name)) props[field.name] = out[field.name]
      }
    }
    for (const refinement of refinements) {
      if (Option.isSome(refinement.filter(props, options, refinement) as Option.Option<ParseResult.ParseIssue>)) return undefined
    }
    return new klass(props, true)
  }
}
