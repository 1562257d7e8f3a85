/**
 * Places on the map: a point (WGS 84) and the distance between two points —
 * for cafés within a walk and for matching by distance.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/**
 * A point on the map (WGS 84 degrees).
 *
 * @since 0.1.0
 * @category location
 */
export const Point = Schema.Struct({
  lat: Schema.Number.pipe(Schema.between(-90, 90)),
  lon: Schema.Number.pipe(Schema.between(-180, 180))
}).annotations({
  identifier: "Point",
  // Never -0, which stored JSON keeps as 0 (a stored place is written `+ 0`).
  arbitrary: () => (fc) =>
    fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }).map((n) => n + 0),
      lon: fc.double({ min: -180, max: 180, noNaN: true }).map((n) => n + 0)
    })
})
/** @since 0.1.0 @category location */
export type Point = typeof Point.Type

/**
 * The great-circle distance between two points, in metres (haversine,
 * Earth radius 6,371 km).
 *
 * @since 0.1.0
 * @category location
 */
export const distanceMetres = (a: Point, b: Point): number => {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

