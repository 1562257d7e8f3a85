/**
 * Edge colouring of a bipartite (multi)graph with Δ colours, Δ its maximum
 * degree. Colours are time slots: no vertex has two edges of one colour, and
 * no colouring can use fewer than Δ, since a vertex of degree Δ needs Δ
 * distinct ones. König's theorem says Δ always suffice; the constructive
 * proof is the algorithm: colour edges one by one; when the two ends have no
 * free colour in common, swap two colours along an alternating path.
 * O(E·V) in the worst case, O(E·Δ) in practice.
 */

/** Colours 0…colours-1, one per edge; `colours` is the maximum degree. */
export interface EdgeColouring {
  readonly colour: Int32Array
  readonly colours: number
}

/**
 * Colours the edges `left[i]`–`right[i]` in the given order. Left vertices
 * are `0…leftCount-1`, right vertices `0…rightCount-1`.
 */
export const colourBipartite = (
  left: Int32Array,
  right: Int32Array,
  leftCount: number,
  rightCount: number
): EdgeColouring => {
  const edges = left.length
  const vertices = leftCount + rightCount
  const degree = new Int32Array(vertices)
  for (let i = 0; i < edges; i++) {
    degree[left[i]!]!++
    degree[leftCount + right[i]!]!++
  }
  let colours = 0
  for (let v = 0; v < vertices; v++) if (degree[v]! > colours) colours = degree[v]!

  const colour = new Int32Array(edges).fill(-1)
  // at[v·Δ + c]: the edge of colour c at vertex v, or -1.
  const at = new Int32Array(vertices * colours).fill(-1)
  const path: Array<number> = []
  const endA = (i: number) => left[i]!
  const endB = (i: number) => leftCount + right[i]!

  for (let i = 0; i < edges; i++) {
    const u = endA(i)
    const v = endB(i)
    const ub = u * colours
    const vb = v * colours
    let chosen = -1
    for (let c = 0; c < colours; c++) {
      if (at[ub + c] === -1 && at[vb + c] === -1) {
        chosen = c
        break
      }
    }
    if (chosen === -1) {
      // Each end has fewer than Δ coloured edges, so each has a free colour:
      // a free at v (taken at u) and b free at u (taken at v).
      let a = 0
      while (at[vb + a] !== -1) a++
      let b = 0
      while (at[ub + b] !== -1) b++
      // The path from u along a, b, a, … never reaches v: it enters right-side
      // vertices by a-edges, and v has none. Swapping a and b on it frees a at u.
      path.length = 0
      let x = u
      let want = a
      for (;;) {
        const k = at[x * colours + want]!
        if (k === -1) break
        path.push(k)
        x = endA(k) === x ? endB(k) : endA(k)
        want = want === a ? b : a
      }
      for (const k of path) {
        at[endA(k) * colours + colour[k]!] = -1
        at[endB(k) * colours + colour[k]!] = -1
      }
      for (const k of path) {
        const c = colour[k] === a ? b : a
        colour[k] = c
        at[endA(k) * colours + c] = k
        at[endB(k) * colours + c] = k
      }
      chosen = a
    }
    colour[i] = chosen
    at[ub + chosen] = i
    at[vb + chosen] = i
  }
  return { colour, colours }
}
