/**
 * The server's users: bearer tokens from a JSON file, each naming one staff
 * member of one district and their role. Tokens are compared in constant time.
 */
import { FileSystem } from "@effect/platform"
import { Context, Effect, Layer, Redacted, Schema } from "effect"
import { timingSafeEqual } from "node:crypto"
import { Authentication, Unauthorized, User } from "./Api.js"

export const UserEntry = Schema.Struct({ token: Schema.String.pipe(Schema.minLength(16)), ...User.fields })
export const UsersFile = Schema.parseJson(Schema.Array(UserEntry))

export class Users extends Context.Tag("Users")<Users, ReadonlyArray<typeof UserEntry.Type>>() {
  static readonly fromFile = (path: string) =>
    Layer.effect(
      this,
      Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFileString(path)).pipe(
        Effect.flatMap(Schema.decodeUnknown(UsersFile)),
        Effect.mapError((error) => new Error(`Cannot read the users file ${path}: ${error.message}`))
      )
    )
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export const AuthenticationLive = Layer.effect(
  Authentication,
  Effect.map(Users, (users) =>
    Authentication.of({
      bearer: (token) => {
        const entry = users.find((u) => same(u.token, Redacted.value(token)))
        return entry === undefined
          ? Effect.fail(new Unauthorized({ message: "Unknown or missing bearer token" }))
          : Effect.succeed(new User({ name: entry.name, counselorId: entry.counselorId, districtId: entry.districtId, role: entry.role }))
      }
    }))
)
