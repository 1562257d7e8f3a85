/**
 * The `http` benchmark's request kinds, shared by the load client and the
 * plain reference server (which answers each kind with the bytes the real
 * server answered it with).
 */
export const kindOf = (method: string, url: string): string => {
  const path = url.split("?")[0]!
  if (method === "GET" && path === "/seekers") return "list"
  if (method === "GET" && path.startsWith("/seekers/")) return "seeker"
  if (method === "GET" && path === "/follow-ups/ledger") return "ledger"
  if (method === "GET" && path === "/follow-ups") return "calls"
  if (method === "GET" && path === "/caseload") return "caseload"
  if (method === "POST" && path === "/seekers") return "register"
  if (method === "POST" && path === "/counseling") return "counsel"
  if (method === "POST" && path.startsWith("/follow-ups/")) return "followUp"
  return "other"
}
