import { createHash } from "node:crypto"

// SOLAPI keeps a message's customFields (values up to 100 characters) with
// it; the idempotency key goes there as it is when it fits, else hashed.
export const keyField = (idempotencyKey: string): string =>
  idempotencyKey.length <= 100 ? idempotencyKey : `sha256:${createHash("sha256").update(idempotencyKey).digest("hex")}`

export const digits = (phone: string): string => phone.replace(/\D/g, "")
