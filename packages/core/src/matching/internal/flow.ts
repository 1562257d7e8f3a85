/**
 * Maximum-weight bipartite b-matching as a min-cost flow, solved exactly by
 * successive shortest paths with potentials (Dijkstra on reduced costs).
 *
 * The network: each seeker s has a supply of `quota[s]` units; an edge s→e
 * (capacity 1, cost −weight) per candidate pair; e→T (capacity
 * `capacity[e]`, cost 0) per employer; and s→T (unbounded, cost 0), a
 * "stay home" arc that lets a unit go unused. Every b-matching is such a flow
 * and back, with cost = −(total weight), so a min-cost flow that routes all
 * supply is a maximum-weight b-matching.
 *
 * Units enter one at a time (as rows do in the Hungarian method): each is
 * routed along a shortest path from its seeker to T in the residual graph.
 * Potentials keep every residual reduced cost ≥ 0, which certifies that the
 * flow is min-cost for the supply routed so far (no negative cycle); so after
 * the last unit it is optimal. Weights are integers (the caller scales
 * scores), so every sum and comparison is exact in a double.
 */

/** A bipartite graph whose edges are grouped by seeker (CSR). */
export interface BGraph {
  readonly seekerCount: number
  readonly employerCount: number
  /** Per seeker: how many units may leave it. */
  readonly quota: Int32Array
  /** Per employer: how many units it takes. */
  readonly capacity: Int32Array
  /** Seeker s's edges are `edgeStart[s] … edgeStart[s + 1] - 1`. */
  readonly edgeStart: Int32Array
  readonly edgeEmployer: Int32Array
  /** Positive integer weights. */
  readonly edgeWeight: Float64Array
}

/**
 * The edges of a maximum-weight b-matching, as one flag per edge.
 * Deterministic: the same graph gives the same answer.
 */
export const maximumWeightBMatching = (g: BGraph): Uint8Array => {
  const n = g.seekerCount
  const m = g.employerCount
  const { capacity, edgeEmployer: emp, edgeStart: start, edgeWeight: w, quota } = g
  const edgeCount = emp.length
  const sink = n + m
  const nodes = n + m + 1

  const used = new Uint8Array(edgeCount)
  const edgeSeeker = new Int32Array(edgeCount)
  const degree = new Int32Array(m)
  for (let s = 0; s < n; s++) {
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      edgeSeeker[k] = s
      degree[emp[k]!]!++
    }
  }
  // Each employer's matched edges; never more than its capacity or degree.
  const matchedStart = new Int32Array(m + 1)
  for (let e = 0; e < m; e++) matchedStart[e + 1] = matchedStart[e]! + Math.min(capacity[e]!, degree[e]!)
  const matched = new Int32Array(matchedStart[m]!)
  const load = new Int32Array(m)

  // Node potentials: seekers 0…n-1, employers n…n+m-1, the sink n+m. An
  // arc u→v of cost c has reduced cost c + π(u) − π(v). Row reduction makes
  // every one non-negative from the start: π(s) = s's heaviest edge,
  // π(e) = π(T) = 0.
  const pi = new Float64Array(nodes)
  for (let s = 0; s < n; s++) {
    let best = 0
    for (let k = start[s]!; k < start[s + 1]!; k++) if (w[k]! > best) best = w[k]!
    pi[s] = best
  }

  const dist = new Float64Array(nodes).fill(Infinity)
  // For an employer or a seeker: the edge it was reached by; for the sink: the node.
  const pred = new Int32Array(nodes)
  // Indexed binary heap; state[v]: ≥ 0 heap position, -1 untouched, -2 scanned.
  const heap = new Int32Array(nodes)
  const state = new Int32Array(nodes).fill(-1)
  let size = 0
  const touched = new Int32Array(nodes)
  let touchedCount = 0
  const scanned = new Int32Array(nodes)
  let scannedCount = 0

  // On equal distances the sink comes first: the search stops as soon as a
  // shortest path is known, instead of exploring a plateau of ties.
  const before = (a: number, b: number): boolean => {
    const da = dist[a]!
    const db = dist[b]!
    return da < db || (da === db && a === sink)
  }
  const siftUp = (v: number, at: number): void => {
    while (at > 0) {
      const parent = (at - 1) >> 1
      const p = heap[parent]!
      if (!before(v, p)) break
      heap[at] = p
      state[p] = at
      at = parent
    }
    heap[at] = v
    state[v] = at
  }
  const decrease = (v: number, d: number): void => {
    dist[v] = d
    const at = state[v]!
    if (at === -1) {
      touched[touchedCount++] = v
      siftUp(v, size++)
    } else {
      siftUp(v, at)
    }
  }
  const popMin = (): number => {
    const top = heap[0]!
    const last = heap[--size]!
    if (size > 0) {
      let at = 0
      for (;;) {
        let child = 2 * at + 1
        if (child >= size) break
        const right = child + 1
        if (right < size && before(heap[right]!, heap[child]!)) child = right
        const c = heap[child]!
        if (!before(c, last)) break
        heap[at] = c
        state[c] = at
        at = child
      }
      heap[at] = last
      state[last] = at
    }
    state[top] = -2
    return top
  }

  const removeMatched = (e: number, k: number): void => {
    const from = matchedStart[e]!
    const last = from + load[e]! - 1
    let j = from
    while (matched[j] !== k) j++
    matched[j] = matched[last]!
    load[e]!--
  }
  const addMatched = (e: number, k: number): void => {
    matched[matchedStart[e]! + load[e]!] = k
    load[e]!++
  }

  /** Routes one unit of `source`; returns false when it stays unused. */
  const route = (source: number): boolean => {
    decrease(source, 0)
    while (size > 0) {
      const u = popMin()
      if (u === sink) break
      scanned[scannedCount++] = u
      const du = dist[u]!
      const pu = pi[u]!
      if (u < n) {
        for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
          if (used[k] === 1) continue
          const e = n + emp[k]!
          if (state[e] === -2) continue
          const d = du + (pu - w[k]! - pi[e]!)
          if (d < dist[e]!) {
            pred[e] = k
            decrease(e, d)
          }
        }
        // The source's own arc reaches the sink first; later paths replace it
        // only when strictly shorter, so an equal-cost reshuffle is not made.
        const d = du + (pu - pi[sink]!)
        if (d < dist[sink]!) {
          pred[sink] = u
          decrease(sink, d)
        }
      } else {
        const e = u - n
        for (let j = matchedStart[e]!, end = j + load[e]!; j < end; j++) {
          const k = matched[j]!
          const s = edgeSeeker[k]!
          if (state[s] === -2) continue
          const d = du + (pu + w[k]! - pi[s]!)
          if (d < dist[s]!) {
            pred[s] = k
            decrease(s, d)
          }
        }
        if (load[e]! < capacity[e]!) {
          const d = du + (pu - pi[sink]!)
          if (d < dist[sink]!) {
            pred[sink] = u
            decrease(sink, d)
          }
        }
      }
    }
    const total = dist[sink]!
    // π(v) += min(d(v), D) keeps reduced costs ≥ 0; subtracting D from every
    // node changes no reduced cost, so only the scanned nodes move.
    for (let i = 0; i < scannedCount; i++) {
      const v = scanned[i]!
      pi[v] = pi[v]! + dist[v]! - total
    }
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!
      dist[v] = Infinity
      state[v] = -1
    }
    touchedCount = 0
    scannedCount = 0
    size = 0

    let v = pred[sink]!
    if (v === source) return false
    // Walk back to the source, flipping the path's edges.
    for (;;) {
      if (v >= n) {
        const k = pred[v]!
        used[k] = 1
        addMatched(v - n, k)
        v = edgeSeeker[k]!
      } else {
        if (v === source) return true
        const k = pred[v]!
        used[k] = 0
        removeMatched(emp[k]!, k)
        v = n + emp[k]!
      }
    }
  }

  for (let s = 0; s < n; s++) {
    const units = Math.min(quota[s]!, start[s + 1]! - start[s]!)
    // Once a unit of s stays home by the direct arc, that arc has reduced
    // cost 0 and the rest of s's units follow it: no search needed.
    for (let u = 0; u < units; u++) if (!route(s)) break
  }
  return used
}
