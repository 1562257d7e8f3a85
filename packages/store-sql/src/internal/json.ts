// The encoded form of every record iljari stores differs from its decoded form
// only in its DateTimes (UTC, whose toJSON is the ISO string Schema encodes
// them to) and its class wrappers (plain objects when encoded), so plain JSON
// *is* the encoded JSON, at a fraction of the cost of Schema.encode, which
// re-checks every rule. test/json.test.ts proves the equality for every
// stored schema; reading always decodes in full.
export const encodedJson = (value: unknown): string => JSON.stringify(value)
