/**
 * What the web app needs from the server that mounts it: where it is
 * mounted, whether cookies travel over TLS only, which addresses are the
 * office's (from elsewhere a second factor may be asked for), and each
 * district's annual targets (for the pace on the today page and the reports).
 */
import type { Ids, RateLimit, Targets } from "@iljari/core"
import { Context } from "effect"

export interface WebSettings {
  /** The path the app is mounted at, e.g. `/app`; every link starts with it. */
  readonly prefix: `/${string}`
  readonly secureCookies: boolean
  readonly inOffice: (origin: string | undefined) => boolean
  readonly targetsOf: (districtId: Ids.DistrictId) => Targets.MetricCounts
  /**
   * How often one address, and one survey link, may open or answer a survey
   * link (default: 30 and 10 times in 10 minutes).
   */
  readonly surveyLimits?: { readonly perAddress: RateLimit.Rule; readonly perLink: RateLimit.Rule } | undefined
}

// The tag has a name of its own: a value and a type both called WebSettings
// would be published as the value alone (the bundled .d.ts loses the type).
export const CurrentSettings = Context.GenericTag<WebSettings>("@iljari/web/WebSettings")
