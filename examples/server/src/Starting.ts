/**
 * The port while the server starts: `npm start` listens at once, before the
 * API's modules are loaded, the database migrated and the demo district
 * created, and until the API serves, every request is answered 503 with
 * `Retry-After` in the API's one error shape — `Starting`, then
 * `PreparingDemoData` while the demo district is being created on a first
 * run. Then the same server hands every request to the API (`serve`), so a
 * client polling the port never sees it refuse a connection.
 *
 * Only `node:` modules here: this is what runs before everything else loads.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { ErrorBody } from "./ApiErrors.js"

/** What the server is doing before it serves. */
export type Phase = "Starting" | "PreparingDemoData"

/** How many seconds a client is told to wait before asking again. */
export const retryAfterSeconds = 2

const answers: Record<Phase, ErrorBody> = {
  Starting: {
    _tag: "Starting",
    message: "The server is starting; ask again in a few seconds",
    messageKo: "서버를 시작하는 중입니다. 몇 초 뒤에 다시 요청하세요"
  },
  PreparingDemoData: {
    _tag: "PreparingDemoData",
    message: "The server is creating the demo district (first start only); ask again in a few seconds",
    messageKo: "데모 자치구 자료를 만드는 중입니다(처음 시작할 때만). 몇 초 뒤에 다시 요청하세요"
  }
}

/** The node:http request handler the API gives once it serves. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void

export interface Starting {
  readonly server: Server
  readonly host: string
  readonly port: number
  /** What the 503 says from now on. */
  readonly phase: (phase: Phase) => void
  /** Hands every request from now on to `handler`; `undefined` answers 503 again. */
  readonly serve: (handler: Handler | undefined) => void
  /** Stops listening (the connections still open finish their requests). */
  readonly close: () => Promise<void>
}

const notYet = (phase: Phase): Handler => (_request, response) => {
  response.writeHead(503, {
    "content-type": "application/json",
    "retry-after": String(retryAfterSeconds),
    "cache-control": "no-store"
  })
  response.end(JSON.stringify(answers[phase]))
}

/** Listens on `host:port` at once, answering 503 until `serve` is called. */
export const listen = (options: { readonly host: string; readonly port: number }): Promise<Starting> =>
  new Promise((resolve, reject) => {
    let phase: Phase = "Starting"
    let handler: Handler | undefined
    const server = createServer((request, response) => (handler ?? notYet(phase))(request, response))
    server.once("error", reject)
    server.listen(options.port, options.host, () => {
      server.off("error", reject)
      const address = server.address()
      resolve({
        server,
        host: options.host,
        port: typeof address === "object" && address !== null ? address.port : options.port,
        phase: (next) => (phase = next),
        serve: (next) => (handler = next),
        close: () => new Promise((done) => (server.listening ? server.close(() => done()) : done()))
      })
    })
  })
