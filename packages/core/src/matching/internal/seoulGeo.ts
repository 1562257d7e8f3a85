// Where Seoul's 25 districts are, for the region criterion of matching.
//
// Each point is a representative centre of the district (close to its
// district office), rounded to four decimals (about 10 m); district-to-district
// distances from them are what a commute roughly costs, which is all matching
// needs. Neighbours share a boundary; the Han river counts as one, because a
// bridge or a subway line crosses it in minutes.

export const seoulCentroids: ReadonlyArray<readonly [code: string, lat: number, lon: number]> = [
  ["11110", 37.5735, 126.9790], // 종로구
  ["11140", 37.5641, 126.9979], // 중구
  ["11170", 37.5326, 126.9905], // 용산구
  ["11200", 37.5633, 127.0371], // 성동구
  ["11215", 37.5384, 127.0822], // 광진구
  ["11230", 37.5744, 127.0397], // 동대문구
  ["11260", 37.6063, 127.0925], // 중랑구
  ["11290", 37.5894, 127.0167], // 성북구
  ["11305", 37.6396, 127.0257], // 강북구
  ["11320", 37.6688, 127.0471], // 도봉구
  ["11350", 37.6542, 127.0568], // 노원구
  ["11380", 37.6027, 126.9291], // 은평구
  ["11410", 37.5791, 126.9368], // 서대문구
  ["11440", 37.5663, 126.9019], // 마포구
  ["11470", 37.5170, 126.8664], // 양천구
  ["11500", 37.5509, 126.8495], // 강서구
  ["11530", 37.4954, 126.8874], // 구로구
  ["11545", 37.4569, 126.8955], // 금천구
  ["11560", 37.5264, 126.8962], // 영등포구
  ["11590", 37.5124, 126.9393], // 동작구
  ["11620", 37.4784, 126.9516], // 관악구
  ["11650", 37.4837, 127.0324], // 서초구
  ["11680", 37.5172, 127.0473], // 강남구
  ["11710", 37.5145, 127.1059], // 송파구
  ["11740", 37.5301, 127.1238] // 강동구
]

// Each boundary once; the lookup below makes it symmetric.
const boundaries: ReadonlyArray<readonly [string, string]> = [
  ["11110", "11140"], ["11110", "11410"], ["11110", "11380"], ["11110", "11290"], ["11110", "11230"],
  ["11140", "11410"], ["11140", "11170"], ["11140", "11200"],
  ["11170", "11440"], ["11170", "11200"], ["11170", "11590"], ["11170", "11650"], ["11170", "11560"],
  ["11200", "11230"], ["11200", "11215"], ["11200", "11680"],
  ["11215", "11230"], ["11215", "11260"], ["11215", "11710"], ["11215", "11740"], ["11215", "11680"],
  ["11230", "11290"], ["11230", "11260"],
  ["11260", "11290"], ["11260", "11350"],
  ["11290", "11350"], ["11290", "11305"],
  ["11305", "11320"], ["11305", "11350"],
  ["11320", "11350"],
  ["11380", "11410"], ["11380", "11440"],
  ["11410", "11440"],
  ["11440", "11560"], ["11440", "11500"],
  ["11470", "11500"], ["11470", "11530"], ["11470", "11560"],
  ["11500", "11560"],
  ["11530", "11560"], ["11530", "11545"],
  ["11545", "11620"], ["11545", "11560"],
  ["11560", "11590"], ["11560", "11620"],
  ["11590", "11620"], ["11590", "11650"],
  ["11620", "11650"],
  ["11650", "11680"],
  ["11680", "11710"],
  ["11710", "11740"]
]

const neighbours = new Map<string, Set<string>>()
for (const [a, b] of boundaries) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const set = neighbours.get(from) ?? new Set<string>()
    set.add(to)
    neighbours.set(from, set)
  }
}

export const areNeighbours = (a: string, b: string): boolean => neighbours.get(a)?.has(b) ?? false

export const neighboursOf = (code: string): ReadonlyArray<string> => [...(neighbours.get(code) ?? [])].sort()

const centroidByCode = new Map(seoulCentroids.map(([code, lat, lon]) => [code, { lat, lon }]))

export const centroidOf = (code: string): { readonly lat: number; readonly lon: number } | undefined =>
  centroidByCode.get(code)
