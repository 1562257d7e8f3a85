/**
 * The request log: one line per answered request (time, method, path and
 * query, status, milliseconds), and a failure's cause under its line. A
 * survey link's token in a path is cut to its first characters: the log
 * must not hold what answers the survey.
 *
 * Effect's `HttpMiddleware.logger` formats each line through the logger and
 * writes it to the console at once, synchronously, on the thread that
 * answers requests (about a tenth of a simple GET under load). Here lines are
 * gathered and written together once the current burst of work is done
 * (`setImmediate`), or at once when many are waiting; a failure's cause is
 * written straight away, since it matters more than the cost.
 */
import { HttpApp, HttpServerError, HttpServerRequest } from "@effect/platform"
import { SurveyLink } from "@iljari/core"
import { Cause, Context, Effect, Option } from "effect"

const pending: Array<string> = []
let scheduled = false
const flushAt = 256

const flush = () => {
  scheduled = false
  if (pending.length === 0) return
  const text = pending.join("")
  pending.length = 0
  process.stdout.write(text)
}

const push = (line: string) => {
  pending.push(line)
  if (pending.length >= flushAt) flush()
  else if (!scheduled) {
    scheduled = true
    setImmediate(flush)
  }
}

/**
 * Where the request log goes: its lines, and a failure's cause. Standard
 * output (lines gathered as above) and standard error by default; a test
 * reads them by providing its own.
 */
export class RequestLogSink extends Context.Reference<RequestLogSink>()("RequestLogSink", {
  defaultValue: (): { readonly line: (line: string) => void; readonly failure: (text: string) => void } => ({
    line: push,
    failure: (text) => {
      flush()
      process.stderr.write(text)
    }
  })
}) {}

// A survey link's token, wherever the address carries it (its page, or a language switch's way back to it).
const surveyToken = /iljari_v_[A-Za-z0-9_-]+/g
const logged = (url: string) => url.includes("iljari_v_") ? url.replace(surveyToken, SurveyLink.redact) : url

/** Wraps an app with the request log. */
export const requestLog = <E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R> =>
  Effect.flatMap(Effect.zip(HttpServerRequest.HttpServerRequest, RequestLogSink), ([request, sink]) => {
    const started = performance.now()
    return Effect.onExit(app, (exit) =>
      Effect.sync(() => {
        const took = (performance.now() - started).toFixed(1)
        if (exit._tag === "Success") {
          sink.line(`${new Date().toISOString()} ${request.method} ${logged(request.url)} ${exit.value.status} ${took}ms\n`)
          return
        }
        const [response, cause] = HttpServerError.causeResponseStripped(exit.cause)
        sink.line(`${new Date().toISOString()} ${request.method} ${logged(request.url)} ${response.status} ${took}ms\n`)
        if (Option.isSome(cause)) sink.failure(`${Cause.pretty(cause.value)}\n`)
      }))
  })
