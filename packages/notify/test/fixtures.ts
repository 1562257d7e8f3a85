import { DateTime, Either } from "effect"
import { type Ids, Outbox, Seeker } from "@iljari/core"
import { seekerInput } from "@iljari/test-support/fixtures"

export const district = "11200" as Ids.DistrictId

/** A seeker with the given consents (all given on 2016-03-02). */
export const seekerWith = (id: string, consents: ReadonlyArray<Record<string, string>>, contact: object = { phone: "010-1234-5678", email: "minsu@example.kr" }) =>
  Either.getOrThrow(Seeker.decodeEither({
    ...seekerInput,
    id,
    name: `구직자${id}`,
    contact,
    consents: consents.map((c) => ({ givenAt: "2016-03-02T01:00:00.000Z", ...c }))
  }))

export const serviceBoth = [{ purpose: "service", channel: "sms" }, { purpose: "service", channel: "email" }]

let messages = 0
export const message = (patch: Partial<Outbox.OutboxMessage> & { readonly to: string }) => {
  const { to, ...rest } = patch
  const n = ++messages
  return new Outbox.OutboxMessage({
    id: `message-${n}` as Ids.MessageId,
    districtId: district,
    createdAt: DateTime.unsafeMake("2026-03-02T00:00:00Z"),
    idempotencyKey: `key-${n}`,
    recipient: { kind: "seeker", id: to },
    channel: "sms",
    purpose: "service",
    urgent: false,
    template: "interview-notice",
    params: { name: "김민수", employer: "성수디지털", date: "3월 10일", time: "14:00", place: "성동구청 3층" },
    status: "pending",
    attempts: 0,
    ...rest
  })
}

export const config = {
  center: { name: "성동구일자리센터", phone: "02-2286-5000" },
  smsSender: "02-2286-5000"
}
