import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { simpleParser } from "mailparser"
import type { AddressInfo } from "node:net"
import nodemailer from "nodemailer"
import { SMTPServer } from "smtp-server"
import { Notifiers } from "../src/index.js"

// A real SMTP server in the test process: it accepts mail on a loopback port
// and hands each raw message to a real MIME parser.
const withSmtpServer = <A, E>(use: (port: number, received: Array<Awaited<ReturnType<typeof simpleParser>>>) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.promise(() =>
      new Promise<{ server: SMTPServer; port: number; received: Array<Awaited<ReturnType<typeof simpleParser>>> }>((resolve) => {
        const received: Array<Awaited<ReturnType<typeof simpleParser>>> = []
        const server = new SMTPServer({
          authOptional: true,
          disabledCommands: ["STARTTLS"],
          onRcptTo: (address, _session, callback) =>
            address.address.endsWith("@nowhere.invalid") ? callback(new Error("550 no such user")) : callback(),
          onData: (stream, _session, callback) => {
            simpleParser(stream).then((mail) => {
              received.push(mail)
              callback()
            }, callback)
          }
        })
        server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.server.address() as AddressInfo).port, received }))
      })
    ),
    ({ port, received }) => use(port, received),
    ({ server }) => Effect.promise(() => new Promise<void>((resolve) => server.close(() => resolve())))
  )

describe("the SMTP adapter, against a real SMTP server", () => {
  it.effect("delivers a Korean e-mail whose message id comes from the idempotency key", () =>
    withSmtpServer((port, received) =>
      Effect.gen(function*() {
        const transporter = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true })
        const notifier = Notifiers.smtp(transporter, { from: "성동구일자리센터 <jobs@seongdong.example.kr>" })
        yield* notifier.send({
          channel: "email",
          to: "minsu@example.kr",
          subject: "[성동구일자리센터] 직업선호도검사 결과 안내",
          text: "김민수님, 지난번 응시하신 직업선호도검사의 결과를 보내 드립니다.",
          idempotencyKey: "test-result:seeker-1:2026-03"
        })
        expect(received).toHaveLength(1)
        const mail = received[0]!
        expect(mail.subject).toBe("[성동구일자리센터] 직업선호도검사 결과 안내")
        expect(mail.text?.trim()).toBe("김민수님, 지난번 응시하신 직업선호도검사의 결과를 보내 드립니다.")
        expect(mail.messageId).toBe("<test-result-seeker-1-2026-03@iljari>")
        expect(mail.from?.text).toContain("jobs@seongdong.example.kr")
      })), 30_000)

  it.effect("reports a refused recipient as a permanent failure, and an unreachable server as a retryable one", () =>
    withSmtpServer((port) =>
      Effect.gen(function*() {
        const transporter = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true })
        const refused = yield* Effect.flip(
          Notifiers.smtp(transporter, { from: "jobs@seongdong.example.kr" }).send({
            channel: "email",
            to: "ghost@nowhere.invalid",
            text: "안내",
            idempotencyKey: "k1"
          })
        )
        expect(refused).toMatchObject({ _tag: "DeliveryFailed", permanent: true })
        const down = nodemailer.createTransport({ host: "127.0.0.1", port: 1, secure: false, ignoreTLS: true, connectionTimeout: 2_000 })
        const unreachable = yield* Effect.flip(
          Notifiers.smtp(down, { from: "jobs@seongdong.example.kr" }).send({ channel: "email", to: "a@example.kr", text: "안내", idempotencyKey: "k2" })
        )
        expect(unreachable).toMatchObject({ _tag: "DeliveryFailed", permanent: false })
      })), 30_000)
})
