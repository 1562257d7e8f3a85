/**
 * A store keeps the records it decoded lately, keyed by the stored text: a
 * row another process changed (here, a statement beside the store) is read
 * afresh, never answered from what was decoded before.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Repositories, Seeker } from "@iljari/core"
import { Fixtures } from "@iljari/testing"
import { sqliteFile, sqliteStore } from "@iljari/test-support/storage/backends"
import { Effect } from "effect"

const district = "11200" as Ids.DistrictId

describe("records decoded from a row", () => {
  it.effect("are answered again only while the row is unchanged, whoever changed it", () =>
    Effect.gen(function*() {
      const filename = yield* sqliteFile()
      yield* Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        const sql = yield* SqlClient.SqlClient
        const hong = yield* Seeker.decode(Fixtures.seekerInput)
        yield* repo.insert(hong)
        const first = yield* repo.get(district, hong.id)
        // Read again unchanged: the very record decoded before.
        expect((yield* repo.get(district, hong.id)).value).toBe(first.value)
        expect((yield* repo.getMany(district, [hong.id]))[0]!.value).toBe(first.value)

        // Another process renames the seeker: the next read shows the new name.
        const renamed = JSON.stringify({ ...JSON.parse(JSON.stringify(hong)), name: "홍길순" })
        yield* sql`UPDATE iljari_seekers SET data = ${renamed}, version = version + 1 WHERE district_id = ${district} AND id = ${hong.id}`
        const after = yield* repo.get(district, hong.id)
        expect(after).toMatchObject({ version: 2, value: { name: "홍길순" } })
        expect((yield* repo.list(district)).map((row) => row.value.name)).toEqual(["홍길순"])

        // Changed through the store: the update is what is read back.
        yield* repo.update(new Seeker.Seeker({ ...after.value, name: "홍길남" }), 2)
        expect((yield* repo.get(district, hong.id)).value.name).toBe("홍길남")

        // A row that no longer decodes is a failure, even though an earlier text of it decoded.
        yield* sql`UPDATE iljari_seekers SET data = ${renamed.replace("홍길순", "")} WHERE district_id = ${district} AND id = ${hong.id}`
        const broken = yield* Effect.flip(repo.get(district, hong.id))
        expect(broken._tag).toBe("PersistenceError")
      }).pipe(Effect.provide(sqliteStore(filename)), Effect.scoped)
    }).pipe(Effect.scoped), 60_000)
})
