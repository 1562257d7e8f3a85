/**
 * Forms: request bodies accepted as any JSON and decoded by the core use
 * cases (so a bad form gets the core's ValidationError naming every field),
 * documented in OpenAPI with the model's shape.
 */
import { JSONSchema, Schema } from "effect"
import { bilingual } from "./ApiErrors.js"
import { Version } from "./Params.js"

// JSON Schema with its definitions written in place, so that it can sit inside
// the OpenAPI document, where "#/$defs/…" would point nowhere.
export const inlined = (schema: Schema.Schema.Any): object => {
  const { $defs = {}, $schema: _, ...root } = JSONSchema.make(schema) as { $defs?: Record<string, unknown>; $schema?: string }
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve)
    if (typeof node !== "object" || node === null) return node
    const ref = (node as { $ref?: unknown }).$ref
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) return resolve($defs[ref.slice("#/$defs/".length)])
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]))
  }
  return resolve(root) as object
}

// A form is any JSON the use case decodes; its documented shape is the model's.
export const form = (identifier: string, schema: Schema.Schema.Any) =>
  Schema.Unknown.annotations({ identifier, jsonSchema: inlined(schema) })


const withVersion = (jsonSchema: object): object => {
  const node = jsonSchema as { properties?: Record<string, unknown>; required?: Array<string> }
  return {
    ...node,
    properties: {
      ...node.properties,
      version: {
        type: "integer",
        minimum: 1,
        description: "The version of the record as you read it (its `version`); a stale one is refused with 409 StaleVersion"
      }
    },
    required: [...(node.required ?? []), "version"]
  }
}

/**
 * A form that changes a stored record: the form's fields and the `version`
 * of the record the change is based on, side by side in one JSON object.
 * The version is decoded here; the handler passes the rest to the use case
 * as the form.
 */
export const versionedForm = (identifier: string, schema: Schema.Schema.Any) =>
  Schema.Struct({ version: Version }, Schema.Record({ key: Schema.String, value: Schema.Unknown })).annotations({
    identifier,
    jsonSchema: withVersion(inlined(schema)),
    message: () => bilingual("must be a JSON object with the form's fields and version", "양식의 항목과 version을 담은 JSON 객체여야 합니다")
  })

/** A versioned form's version, and the form without it. */
export const splitVersion = ({ version, ...form }: { readonly version: number; readonly [field: string]: unknown }) => ({ version, form })
