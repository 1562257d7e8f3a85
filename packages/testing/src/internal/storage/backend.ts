// What a storage suite runs against, and the two things every suite does with
// it: build a fresh store (with ids), and read back every text it holds.
import { type Ids, Repositories } from "@iljari/core"
import { Effect, Layer } from "effect"

/** A text stored somewhere: which table and column (or file path, or memory table), and the text. */
export interface StoredText {
  readonly where: string
  readonly text: string
}

/**
 * A storage adapter as the suites see it.
 *
 * `layer` builds a fresh, empty store on every call (a new file, a new
 * database, a new schema): each test starts from nothing. It may provide its
 * own `IdGenerator` too; otherwise the suites number ids sequentially.
 *
 * `scan` reads every text the store holds, wherever it sits and whatever port
 * wrote it — what erasure must leave clean. It runs in the context `layer`
 * builds (a `SqlClient`, say, when the layer also provides one). Without it,
 * the suites read back what the ports themselves can list.
 */
export interface Backend {
  readonly name: string
  readonly layer: () => Layer.Layer<Repositories.Ports, unknown>
  readonly scan?: Effect.Effect<ReadonlyArray<StoredText>, unknown, any>
}

/** What a test of the suites runs with. */
export type Ports = Repositories.Ports | Repositories.IdGenerator

// The adapter's own IdGenerator, when it has one, overrides the sequential one.
export const layerOf = (backend: Backend): Layer.Layer<Ports, unknown> =>
  Layer.merge(Repositories.IdGenerator.layerSequential, backend.layer())

/** Every string in a value, with where it sits: Maps, arrays and objects are walked. */
export const textsOf = (where: string, value: unknown, into: Array<StoredText> = []): Array<StoredText> => {
  if (typeof value === "string") into.push({ where, text: value })
  else if (value instanceof Map) for (const [k, v] of value) textsOf(`${where}.${String(k)}`, v, into)
  else if (Array.isArray(value)) value.forEach((v, i) => textsOf(`${where}[${i}]`, v, into))
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) textsOf(`${where}.${k}`, v, into)
  }
  return into
}

// The districts the suites write to.
const districts = ["11200", "11215"] as unknown as ReadonlyArray<Ids.DistrictId>

/**
 * Every text the ports can read back in the suites' districts: each record
 * store's listing, the access rules, the outbox and the audit log. Weaker
 * than a scan of the storage itself (a row the ports no longer list, an old
 * version kept beside the new one, is not seen), so an adapter should give
 * its own `scan`.
 */
export const scanPorts: Effect.Effect<ReadonlyArray<StoredText>, unknown, Repositories.Ports> = Effect.gen(function*() {
  const found: Array<StoredText> = []
  // Import mappings hold header texts, no personal data: not scanned.
  const {
    AccessRulesRepository,
    AuditLog,
    IdempotencyStore: _keys,
    ImportStore: _imports,
    Outbox,
    RateLimits: _limits,
    ResultCounts: _counts,
    Transactor: _tx,
    ...stores
  } = Repositories.ports
  for (const districtId of districts) {
    for (const [name, tag] of Object.entries(stores)) {
      const store = (yield* tag) as unknown as {
        readonly list: (districtId: Ids.DistrictId) => Effect.Effect<ReadonlyArray<{ readonly value: unknown }>, unknown>
      }
      for (const [i, row] of (yield* store.list(districtId)).entries()) textsOf(`${name}[${districtId}][${i}]`, row.value, found)
    }
    const rules = yield* Effect.option(Effect.flatMap(AccessRulesRepository, (repo) => repo.get(districtId, "access")))
    if (rules._tag === "Some") textsOf(`AccessRulesRepository[${districtId}]`, rules.value.value, found)
    textsOf(`Outbox[${districtId}]`, yield* Effect.flatMap(Outbox, (outbox) => outbox.list(districtId)), found)
    textsOf(`AuditLog[${districtId}]`, yield* Effect.flatMap(AuditLog, (log) => log.list(districtId)), found)
  }
  return found
})

/** The backend's own scan, or what the ports list. */
export const scanOf = (backend: Backend): Effect.Effect<ReadonlyArray<StoredText>, unknown, any> => backend.scan ?? scanPorts
