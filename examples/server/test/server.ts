import { ReportSource } from "@iljari/report"
import { HttpApiClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Effect, Layer, Schema } from "effect"
import { readFileSync } from "node:fs"
import { Api } from "../src/Api.js"
import { seedDemo } from "../src/Seed.js"
import { HttpLive } from "../src/Server.js"
import { Users, UsersFile } from "../src/Users.js"

// The demo users.json, as the server reads it.
export const users = Schema.decodeUnknownSync(UsersFile)(readFileSync(new URL("../users.json", import.meta.url), "utf8"))
export const token = (role: string, district = "11200") => users.find((u) => u.role === role && u.districtId === district)!.token

/** The real server on a free loopback port, over the memory layers, with a client pointed at it. */
export const TestServer = HttpLive.pipe(
  Layer.provide(Layer.succeed(Users, users)),
  Layer.provide(ReportSource.layerMemory),
  Layer.provideMerge(Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)),
  Layer.provideMerge(NodeHttpServer.layerTest)
)

/** A typed client of the API, acting with a bearer token. */
export const clientFor = (bearer: string) =>
  HttpApiClient.make(Api, { transformClient: HttpClient.mapRequest(HttpClientRequest.bearerToken(bearer)) })

export const raw = Effect.map(HttpClient.HttpClient, (client) => client)

/** A user's token by counselor id. */
export const tokenOf = (counselorId: string) => users.find((u) => u.counselorId === counselorId)!.token

/**
 * The real server over SQLite (an in-memory database, migrated), with the
 * reports counted by store-sql's `ReportSourceSql.layer` as `npm start` does, and the demo
 * district seeded at a small scale.
 */
export const SqliteTestServer = (scale: number) =>
  HttpLive.pipe(
    Layer.provide(Layer.succeed(Users, users)),
    Layer.provide(Layer.effectDiscard(seedDemo(scale))),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename: ":memory:" })),
        Layer.merge(Repositories.IdGenerator.layerSequential)
      )
    ),
    Layer.provideMerge(NodeHttpServer.layerTest),
    Layer.orDie
  )
