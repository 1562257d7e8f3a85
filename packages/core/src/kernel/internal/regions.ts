import type { Label } from "../Labels.js"

// 시도 (province-level) codes: the first two digits of every 5-digit 시군구 code.
// Gangwon (42 → 51, 2023) and Jeonbuk (45 → 52, 2024) changed codes when they
// became special self-governing provinces; both codes are still found in data.
export const provinces: ReadonlyArray<readonly [string, Label]> = [
  ["11", { ko: "서울특별시", en: "Seoul" }],
  ["26", { ko: "부산광역시", en: "Busan" }],
  ["27", { ko: "대구광역시", en: "Daegu" }],
  ["28", { ko: "인천광역시", en: "Incheon" }],
  ["29", { ko: "광주광역시", en: "Gwangju" }],
  ["30", { ko: "대전광역시", en: "Daejeon" }],
  ["31", { ko: "울산광역시", en: "Ulsan" }],
  ["36", { ko: "세종특별자치시", en: "Sejong" }],
  ["41", { ko: "경기도", en: "Gyeonggi-do" }],
  ["42", { ko: "강원도", en: "Gangwon-do (before 2023)" }],
  ["43", { ko: "충청북도", en: "Chungcheongbuk-do" }],
  ["44", { ko: "충청남도", en: "Chungcheongnam-do" }],
  ["45", { ko: "전라북도", en: "Jeollabuk-do (before 2024)" }],
  ["46", { ko: "전라남도", en: "Jeollanam-do" }],
  ["47", { ko: "경상북도", en: "Gyeongsangbuk-do" }],
  ["48", { ko: "경상남도", en: "Gyeongsangnam-do" }],
  ["50", { ko: "제주특별자치도", en: "Jeju" }],
  ["51", { ko: "강원특별자치도", en: "Gangwon State" }],
  ["52", { ko: "전북특별자치도", en: "Jeonbuk State" }]
]

// Seoul's 25 autonomous districts (자치구) and their 시군구 codes.
export const seoulDistricts: ReadonlyArray<readonly [string, Label]> = [
  ["11110", { ko: "종로구", en: "Jongno-gu" }],
  ["11140", { ko: "중구", en: "Jung-gu" }],
  ["11170", { ko: "용산구", en: "Yongsan-gu" }],
  ["11200", { ko: "성동구", en: "Seongdong-gu" }],
  ["11215", { ko: "광진구", en: "Gwangjin-gu" }],
  ["11230", { ko: "동대문구", en: "Dongdaemun-gu" }],
  ["11260", { ko: "중랑구", en: "Jungnang-gu" }],
  ["11290", { ko: "성북구", en: "Seongbuk-gu" }],
  ["11305", { ko: "강북구", en: "Gangbuk-gu" }],
  ["11320", { ko: "도봉구", en: "Dobong-gu" }],
  ["11350", { ko: "노원구", en: "Nowon-gu" }],
  ["11380", { ko: "은평구", en: "Eunpyeong-gu" }],
  ["11410", { ko: "서대문구", en: "Seodaemun-gu" }],
  ["11440", { ko: "마포구", en: "Mapo-gu" }],
  ["11470", { ko: "양천구", en: "Yangcheon-gu" }],
  ["11500", { ko: "강서구", en: "Gangseo-gu" }],
  ["11530", { ko: "구로구", en: "Guro-gu" }],
  ["11545", { ko: "금천구", en: "Geumcheon-gu" }],
  ["11560", { ko: "영등포구", en: "Yeongdeungpo-gu" }],
  ["11590", { ko: "동작구", en: "Dongjak-gu" }],
  ["11620", { ko: "관악구", en: "Gwanak-gu" }],
  ["11650", { ko: "서초구", en: "Seocho-gu" }],
  ["11680", { ko: "강남구", en: "Gangnam-gu" }],
  ["11710", { ko: "송파구", en: "Songpa-gu" }],
  ["11740", { ko: "강동구", en: "Gangdong-gu" }]
]
