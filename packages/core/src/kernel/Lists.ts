import { Schema } from "effect"

/**
 * An array of `item` with `min`–`max` entries and no entry twice; the error
 * names the repeated entry.
 */
export const distinctList = <A, I>(
  item: Schema.Schema<A, I, never>,
  options: { readonly min?: number; readonly max: number }
) => {
  const min = options.min ?? 0
  return Schema.Array(item).pipe(
    Schema.filter((items) => {
      if (items.length < min) return min === 1 ? "must list at least one entry" : `must list at least ${min} entries`
      if (items.length > options.max) return `must list at most ${options.max} entries; got ${items.length}`
      const seen = new Set<A>()
      for (let i = 0; i < items.length; i++) {
        if (seen.has(items[i]!)) return { path: [i], message: `repeats ${JSON.stringify(items[i])}, which is already listed` }
        seen.add(items[i]!)
      }
      return true
    })
  )
}
