/**
 * `npm start`: the demo district server on http://127.0.0.1:8080 (PORT,
 * HOST). It listens at once and answers 503 (`Starting`, then
 * `PreparingDemoData` while a first start creates the demo district, with
 * `Retry-After`) while the rest loads, so that the port answers within a
 * couple of seconds; Launch.ts is the server itself.
 */
import * as Starting from "./Starting.js"

const port = Number(process.env["PORT"] ?? 8080)
const host = process.env["HOST"] ?? "127.0.0.1"

const starting = await Starting.listen({ host, port }).catch((error: NodeJS.ErrnoException) => {
  console.error(`iljari demo server: cannot listen on ${host}:${port}: ${error.code ?? error.message}`)
  process.exit(1)
})
console.log(`iljari demo server: starting on http://${host}:${starting.port} (it answers 503 until it is ready)…`)

// Everything else loads now, while the port answers.
const { launch } = await import("./Launch.js").catch(async (error: unknown) => {
  await starting.close()
  throw error
})
launch(starting)
