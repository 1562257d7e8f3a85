/**
 * Forms: request bodies accepted as any JSON and decoded by the core use
 * cases (so a bad form gets the core's ValidationError naming every field),
 * documented in OpenAPI with the model's shape.
 */
import { JSONSchema, Schema } from "effect"

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

