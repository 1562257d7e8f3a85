/**
 * Regenerates `api.ts`, the typed paths of the example server's API, from
 * the OpenAPI document built in process: `npm run api:client`.
 */
import { writeFileSync } from "node:fs"
import { generatedFile, generate } from "./openapi.js"

writeFileSync(generatedFile, await generate())
console.log(`wrote ${generatedFile}`)
