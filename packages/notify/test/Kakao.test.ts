import { describe, expect, it } from "@effect/vitest"
import { Notifier, Outbox, Repositories } from "@iljari/core"
import { Effect, Either, Layer, Schedule } from "effect"
import { SolapiMessageService } from "solapi"
import { Dispatcher, Kakao, Notifiers, Templates } from "../src/index.js"
import { config as center, district, message, seekerWith, serviceBoth } from "./fixtures.js"
import { routeSolapiTo, type SolapiPeerOptions, startSolapiPeer } from "./providerPeer.js"

const registryInput = {
  "interview-notice": {
    templateCode: "KA01TP-INTERVIEW",
    variables: { 이름: "name", 기업: "employer", 일시: "date", 시각: "time", 장소: "place", 문의처: "centerPhone" }
  },
  "reemployment-support": { templateCode: "KA01TP-REEMPLOY", variables: { 센터: "center", 문의처: "centerPhone" } }
}
const registry = Either.getOrThrow(Kakao.decodeRegistry(registryInput))
const options = { registry, templates: Templates.korean, center: center.center }
const interview = { name: "김민수", employer: "성수디지털", date: "3월 10일", time: "14:00", place: "성동구청 3층" }
const talk = (kind: string, params: Record<string, string>, key = `${kind}:k1`) =>
  Kakao.alimtalk(options, { kind, params, to: "010-1234-5678", idempotencyKey: key })

describe("the 알림톡 template registry", () => {
  it("decodes a district's templates", () => {
    expect(registry["interview-notice"]!.templateCode).toBe("KA01TP-INTERVIEW")
  })

  it("refuses a registry it cannot use, naming each field", () => {
    const problems = (input: unknown) => Either.getOrThrow(Either.flip(Kakao.decodeRegistry(input))).problems
    expect(problems({ "interview-notice": { templateCode: " ", variables: {} } })).toEqual([
      "interview-notice.templateCode: the approved template's code is required"
    ])
    expect(problems({ "interview-notice": { templateCode: "T", variables: { "#{이름}": "name", "a.b": "name" } } })).toEqual([
      "interview-notice.variables.#{이름}: write the variable's name without #{…}, and without dots (SOLAPI refuses them)",
      "interview-notice.variables.a.b: write the variable's name without #{…}, and without dots (SOLAPI refuses them)"
    ])
    expect(problems({ "interview-notice": { variables: {} } })).toEqual(["interview-notice.templateCode: is missing"])
    expect(problems({
      "no-such-kind": { templateCode: "T", variables: {} },
      "referral-notice": { templateCode: "T", variables: {} },
      "interview-notice": { templateCode: "T", variables: { 이름: "nmae" } }
    })).toEqual([
      "no-such-kind: no message template of that name",
      "referral-notice: the template goes by email; only SMS templates have a 알림톡 (its text is the fallback)",
      "interview-notice.variables.이름: \"nmae\" is not a parameter of the template (name, employer, date, time, place, center, centerPhone)"
    ])
  })
})

describe("the 알림톡 and its SOLAPI message", () => {
  it("fills the template's variables from the message and the center, the SMS text as fallback", () => {
    const delivery = Either.getOrThrow(talk("interview-notice", interview))
    expect(delivery).toMatchObject({
      channel: "kakao",
      templateCode: "KA01TP-INTERVIEW",
      variables: { 이름: "김민수", 기업: "성수디지털", 일시: "3월 10일", 시각: "14:00", 장소: "성동구청 3층", 문의처: "02-2286-5000" },
      fallback: { subject: "면접 안내" }
    })
    expect(delivery.fallback.text).toContain("기업: 성수디지털")
    expect(Either.getOrThrow(Either.flip(talk("interview-notice", { name: "김민수" })))).toMatchObject({ _tag: "TemplateError" })
  })

  it("asks SOLAPI for the 알림톡 with its own substitute sending, the fallback as SMS or LMS", () => {
    const short = Either.getOrThrow(Kakao.toSolapi(Either.getOrThrow(talk("reemployment-support", {})), { pfId: "KA01PF-SEONGDONG", sender: "02-2286-5000" }))
    expect(short).toEqual({
      to: "01012345678",
      from: "0222865000",
      type: "ATA",
      kakaoOptions: {
        pfId: "KA01PF-SEONGDONG",
        templateId: "KA01TP-REEMPLOY",
        variables: { "#{센터}": "성동구일자리센터", "#{문의처}": "02-2286-5000" },
        disableSms: false
      },
      replacements: [{ to: "01012345678", from: "0222865000", type: "LMS", text: short.replacements[0]!.text }],
      customFields: { idempotencyKey: "reemployment-support:k1" }
    })
    const long = Either.getOrThrow(Kakao.toSolapi(Either.getOrThrow(talk("interview-notice", interview)), { pfId: "P", sender: "02-2286-5000" }))
    expect(long.replacements[0]).toMatchObject({ type: "LMS", subject: "면접 안내" })
    const brief = { ...Either.getOrThrow(talk("reemployment-support", {})), fallback: { text: "[성동구일자리센터] 상담 안내" } }
    expect(Either.getOrThrow(Kakao.toSolapi(brief, { pfId: "P", sender: "02-2286-5000" })).replacements[0]).toMatchObject({ type: "SMS" })
  })

  it("refuses a fallback beyond the LMS limit, or one EUC-KR cannot carry", () => {
    const base = Either.getOrThrow(talk("reemployment-support", {}))
    const refused = (text: string) => Either.getOrThrow(Either.flip(Kakao.toSolapi({ ...base, fallback: { text } }, { pfId: "P", sender: "0222865000" })))
    expect(refused("가".repeat(1001)).reason).toBe("the text is 2002 bytes in EUC-KR; an LMS carries at most 2000")
    expect(refused("안내 😀").reason).toContain("not in EUC-KR")
    expect(Either.isRight(Kakao.toSolapi({ ...base, fallback: { text: "가".repeat(1000) } }, { pfId: "P", sender: "0222865000" }))).toBe(true)
  })

  it("reads SOLAPI's records into how the message went", () => {
    const ata = { type: "ATA", customFields: { idempotencyKey: "k" } }
    expect(Kakao.outcomeOf([{ ...ata, statusCode: "4000" }])).toEqual({ _tag: "Delivered", via: "kakao" })
    expect(Kakao.outcomeOf([{ ...ata, statusCode: "3104" }, { type: "SMS", replacement: true, statusCode: "4000" }])).toEqual({
      _tag: "Delivered",
      via: "sms-fallback"
    })
    // The 알림톡 failed and its substitute is not reported yet: not a failure yet.
    expect(Kakao.outcomeOf([{ ...ata, statusCode: "3104" }])).toEqual({ _tag: "Pending" })
    expect(Kakao.outcomeOf([{ ...ata, statusCode: "2000" }])).toEqual({ _tag: "Pending" })
    expect(Kakao.outcomeOf([{ ...ata, statusCode: "3104" }, { type: "LMS", replacement: true, statusCode: "3059", reason: "없는 번호" }])).toMatchObject({
      _tag: "Failed",
      reason: "the 알림톡 failed (3104) and so did the substitute SMS (3059 없는 번호)"
    })
  })
})

// The real SDK, pointed at a local peer that speaks SOLAPI's API.
const withKakaoPeer = (peerOptions: Partial<SolapiPeerOptions> = {}) =>
  Effect.gen(function*() {
    const peer = yield* Effect.acquireRelease(
      Effect.promise(() =>
        startSolapiPeer({
          apiKey: "NCSTESTKEY",
          apiSecret: "TESTSECRET",
          kakaoUsers: new Set(["01011112222"]),
          approved: new Set(["KA01TP-INTERVIEW", "KA01TP-REEMPLOY"]),
          ...peerOptions
        })
      ),
      (p) => Effect.promise(() => p.close())
    )
    yield* Effect.acquireRelease(Effect.sync(() => routeSolapiTo(peer.url)), (restore) => Effect.sync(restore))
    return peer
  })

const sdk = () => new SolapiMessageService("NCSTESTKEY", "TESTSECRET")
const adapterOptions = { pfId: "KA01PF-SEONGDONG", sender: "02-2286-5000", timeout: "500 millis", reportEvery: "20 millis", reportWithin: "2 seconds" } as const
const kakaoTo = (to: string, key: string) => ({ ...Either.getOrThrow(talk("interview-notice", interview, key)), to })

describe("the SOLAPI 알림톡 adapter, through SOLAPI's SDK", () => {
  it.live("delivers by KakaoTalk to a KakaoTalk user, once", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer()
      const receipt = yield* Notifiers.solapiKakao(sdk(), adapterOptions).send(kakaoTo("010-1111-2222", "k-kakao"))
      expect(receipt.via).toBe("kakao")
      expect(receipt.providerId).toMatch(/^G4V/)
      expect(peer.deliveries).toEqual([{ to: "01011112222", via: "kakao", key: "k-kakao" }])
    }).pipe(Effect.scoped))

  it.live("a person without KakaoTalk gets SOLAPI's substitute SMS/LMS, once, from one request", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer({ reportAfter: 60 })
      const delivery = kakaoTo("010-3333-4444", "k-fallback")
      const receipt = yield* Notifiers.solapiKakao(sdk(), adapterOptions).send(delivery)
      expect(receipt.via).toBe("sms-fallback")
      expect(peer.deliveries).toEqual([{ to: "01033334444", via: "LMS", key: "k-fallback", text: delivery.fallback.text }])
      expect(peer.requests.filter((r) => r.method === "POST")).toHaveLength(1)
    }).pipe(Effect.scoped))

  it.live("a send retried after a timeout (SOLAPI accepted it) is not delivered twice", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer()
      const notifier = Notifiers.solapiKakao(sdk(), adapterOptions)
      const delivery = kakaoTo("010-3333-4444", "k-timeout")
      peer.fail("send", "accept-then-hang")
      const first = yield* Effect.flip(notifier.send(delivery))
      expect(first).toMatchObject({ permanent: false, reason: "SOLAPI send: no answer within 500ms" })
      const retried = yield* notifier.send(delivery)
      expect(retried.via).toBe("sms-fallback")
      expect(peer.deliveries).toHaveLength(1)
      expect(peer.requests.filter((r) => r.method === "POST")).toHaveLength(1)
    }).pipe(Effect.scoped))

  it.live("5xx and timeouts are transient, 4xx and unapproved templates permanent; nothing is sent blind", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer()
      const notifier = Notifiers.solapiKakao(sdk(), adapterOptions)
      peer.fail("send", "server-error")
      expect(yield* Effect.flip(notifier.send(kakaoTo("010-1111-2222", "k-5xx")))).toMatchObject({
        permanent: false,
        reason: "SOLAPI send: InternalError - injected server error"
      })
      peer.fail("send", "client-error")
      expect(yield* Effect.flip(notifier.send(kakaoTo("010-1111-2222", "k-4xx")))).toMatchObject({ permanent: true })
      // The lookup before sending hangs: nothing is sent.
      peer.fail("list", "hang")
      expect(yield* Effect.flip(notifier.send(kakaoTo("010-1111-2222", "k-list")))).toMatchObject({
        permanent: false,
        reason: "SOLAPI message list: no answer within 500ms"
      })
      const unapproved = { ...kakaoTo("010-1111-2222", "k-unapproved"), templateCode: "KA01TP-DRAFT" }
      expect(yield* Effect.flip(notifier.send(unapproved))).toMatchObject({
        permanent: true,
        reason: "SOLAPI send: refused (3022 승인되지 않은 알림톡 템플릿)"
      })
      expect(peer.deliveries).toEqual([])
      // The transient ones go through on retry, once each.
      yield* notifier.send(kakaoTo("010-1111-2222", "k-5xx"))
      yield* notifier.send(kakaoTo("010-1111-2222", "k-list"))
      expect(peer.deliveries.map((d) => d.key)).toEqual(["k-5xx", "k-list"])
    }).pipe(Effect.scoped))

  it.live("records acceptance alone when SOLAPI reports no result in time", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer({ reportAfter: 1_000 })
      const receipt = yield* Notifiers.solapiKakao(sdk(), { ...adapterOptions, reportWithin: "100 millis" }).send(kakaoTo("010-1111-2222", "k-slow"))
      expect(receipt.via).toBeUndefined()
      expect(receipt.providerId).toMatch(/^G4V/)
      expect(peer.deliveries).toEqual([])
    }).pipe(Effect.scoped))
})

describe("the dispatcher with 알림톡 templates", () => {
  const base: Dispatcher.Config = {
    ...Dispatcher.defaults,
    ...center,
    kakao: registry,
    quietHours: { start: 0, end: 0 }, // never quiet: these tests run on the real clock
    backoff: Schedule.spaced("0 millis")
  }
  const kakaoPhone = { phone: "010-1111-2222" }
  const smsPhone = { phone: "010-3333-4444" }
  const layer = Layer.mergeAll(
    Repositories.layerMemory,
    Notifiers.byChannel({
      sms: Notifiers.solapi(sdk(), center.smsSender),
      email: { send: () => Effect.fail(new Notifier.DeliveryFailed({ reason: "no e-mail in these tests", permanent: true })) },
      kakao: Notifiers.solapiKakao(sdk(), adapterOptions)
    })
  )
  const setup = (seekers: ReadonlyArray<ReturnType<typeof seekerWith>>, messages: ReadonlyArray<Outbox.OutboxMessage>) =>
    Effect.gen(function*() {
      for (const s of seekers) yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.insert(s))
      for (const m of messages) yield* Effect.flatMap(Outbox.Outbox, (o) => o.enqueue(m))
    })
  const stateOf = (id: string) => Effect.map(Effect.flatMap(Outbox.Outbox, (o) => o.list(district)), (all) => all.find((m) => m.id === id)!)

  it.live("sends kinds with a template as 알림톡, others as SMS, and records how each went", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer({ reportAfter: 30 })
      const onKakao = message({ to: "s1" })
      const noKakao = message({ to: "s2" })
      const plain = message({ to: "s2", template: "job-fair-invitation", params: { name: "김민수", date: "3월 10일", venue: "성동구청" } })
      yield* setup([seekerWith("s1", serviceBoth, kakaoPhone), seekerWith("s2", serviceBoth, smsPhone)], [onKakao, noKakao, plain])
      expect(yield* Dispatcher.dispatchOnce(base)).toBe(3)
      expect(yield* stateOf(onKakao.id)).toMatchObject({ status: "sent", receipt: { outcome: "kakao" } })
      expect(yield* stateOf(noKakao.id)).toMatchObject({ status: "sent", receipt: { outcome: "sms-fallback" } })
      expect(yield* stateOf(plain.id)).toMatchObject({ status: "sent", receipt: { outcome: "sent" } })
      expect(peer.deliveries.map((d) => [d.to, d.via, d.key])).toEqual([
        ["01011112222", "kakao", onKakao.idempotencyKey],
        ["01033334444", "LMS", noKakao.idempotencyKey],
        ["01033334444", "LMS", plain.idempotencyKey]
      ])
    }).pipe(Effect.scoped, Effect.provide(layer)))

  it.live("a 알림톡 to a person without KakaoTalk arrives as SMS once, though the first attempt timed out", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer()
      const notice = message({ to: "s2" })
      yield* setup([seekerWith("s2", serviceBoth, smsPhone)], [notice])
      peer.fail("send", "accept-then-hang")
      yield* Dispatcher.dispatchOnce(base)
      expect(yield* stateOf(notice.id)).toMatchObject({ status: "pending", attempts: 1, lastError: "SOLAPI send: no answer within 500ms" })
      yield* Dispatcher.dispatchOnce(base)
      expect(yield* stateOf(notice.id)).toMatchObject({ status: "sent", attempts: 2, receipt: { outcome: "sms-fallback" } })
      expect(peer.deliveries.map((d) => [d.via, d.key])).toEqual([["LMS", notice.idempotencyKey]])
    }).pipe(Effect.scoped, Effect.provide(layer)))

  it.live("records a permanent failure as failed, and applies consent and quiet hours as for SMS", () =>
    Effect.gen(function*() {
      const peer = yield* withKakaoPeer()
      const draft = Either.getOrThrow(Kakao.decodeRegistry({ ...registryInput, "interview-notice": { ...registryInput["interview-notice"], templateCode: "KA01TP-DRAFT" } }))
      const failing = message({ to: "s1" })
      const noConsent = message({ to: "s3" })
      yield* setup([seekerWith("s1", serviceBoth, kakaoPhone), seekerWith("s3", [], kakaoPhone)], [failing, noConsent])
      yield* Dispatcher.dispatchOnce({ ...base, kakao: draft })
      expect(yield* stateOf(failing.id)).toMatchObject({ status: "dead", receipt: { outcome: "failed" }, lastError: "SOLAPI send: refused (3022 승인되지 않은 알림톡 템플릿)" })
      expect(yield* stateOf(noConsent.id)).toMatchObject({ status: "refused", lastError: "no active consent to service messages by sms (서비스 안내 수신 동의 없음)" })
      const night = message({ to: "s1" })
      yield* setup([], [night])
      yield* Dispatcher.dispatchOnce({ ...base, quietHours: { start: 0, end: 24 } }) // always quiet
      expect(yield* stateOf(night.id)).toMatchObject({ status: "pending", attempts: 0, lastError: "quiet hours: service messages wait for the morning" })
      expect(peer.deliveries).toEqual([])
    }).pipe(Effect.scoped, Effect.provide(layer)))
})
