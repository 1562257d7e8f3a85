import type { Label } from "../Labels.js"

// KECO 2018 (한국고용직업분류 2018), published by the Ministry of Employment and
// Labor: 10 major groups (대분류, 1 digit) and 35 middle groups (중분류, 2 digits).
// Lower levels (136 minor, 450 unit groups) extend these codes digit by digit.

export const majorGroups: ReadonlyArray<readonly [string, Label]> = [
  ["0", { ko: "경영·사무·금융·보험직", en: "Management, office, finance and insurance" }],
  ["1", { ko: "연구직 및 공학기술직", en: "Research and engineering" }],
  ["2", { ko: "교육·법률·사회복지·경찰·소방직 및 군인", en: "Education, law, social welfare, police, fire services and military" }],
  ["3", { ko: "보건·의료직", en: "Health and medical" }],
  ["4", { ko: "예술·디자인·방송·스포츠직", en: "Arts, design, broadcasting and sports" }],
  ["5", { ko: "미용·여행·숙박·음식·경비·청소직", en: "Beauty, travel, lodging, food, security and cleaning" }],
  ["6", { ko: "영업·판매·운전·운송직", en: "Sales, driving and transport" }],
  ["7", { ko: "건설·채굴직", en: "Construction and mining" }],
  ["8", { ko: "설치·정비·생산직", en: "Installation, maintenance and production" }],
  ["9", { ko: "농림어업직", en: "Agriculture, forestry and fishing" }]
]

export const middleGroups: ReadonlyArray<readonly [string, Label]> = [
  ["01", { ko: "관리직(임원·부서장)", en: "Managers (executives and department heads)" }],
  ["02", { ko: "경영·행정·사무직", en: "Business, administration and office work" }],
  ["03", { ko: "금융·보험직", en: "Finance and insurance" }],
  ["11", { ko: "인문·사회과학 연구직", en: "Humanities and social science research" }],
  ["12", { ko: "자연·생명과학 연구직", en: "Natural and life science research" }],
  ["13", { ko: "정보통신 연구개발직 및 공학기술직", en: "ICT research, development and engineering" }],
  ["14", { ko: "건설·채굴 연구개발직 및 공학기술직", en: "Construction and mining engineering" }],
  ["15", { ko: "제조 연구개발직 및 공학기술직", en: "Manufacturing research and engineering" }],
  ["21", { ko: "교육직", en: "Education" }],
  ["22", { ko: "법률직", en: "Law" }],
  ["23", { ko: "사회복지·종교직", en: "Social welfare and religion" }],
  ["24", { ko: "경찰·소방·교도직", en: "Police, fire services and corrections" }],
  ["25", { ko: "군인", en: "Military" }],
  ["30", { ko: "보건·의료직", en: "Health and medical" }],
  ["41", { ko: "예술·디자인·방송직", en: "Arts, design and broadcasting" }],
  ["42", { ko: "스포츠·레크리에이션직", en: "Sports and recreation" }],
  ["51", { ko: "미용·예식 서비스직", en: "Beauty and wedding services" }],
  ["52", { ko: "여행·숙박·오락 서비스직", en: "Travel, lodging and entertainment services" }],
  ["53", { ko: "음식 서비스직", en: "Food services" }],
  ["54", { ko: "경호·경비직", en: "Security and guarding" }],
  ["55", { ko: "돌봄 서비스직(간병·육아)", en: "Care services (nursing aides and childcare)" }],
  ["56", { ko: "청소 및 기타 개인서비스직", en: "Cleaning and other personal services" }],
  ["61", { ko: "영업·판매직", en: "Sales" }],
  ["62", { ko: "운전·운송직", en: "Driving and transport" }],
  ["70", { ko: "건설·채굴직", en: "Construction and mining" }],
  ["81", { ko: "기계 설치·정비·생산직", en: "Machinery installation, maintenance and production" }],
  ["82", { ko: "금속·재료 설치·정비·생산직", en: "Metal and materials installation, maintenance and production" }],
  ["83", { ko: "전기·전자 설치·정비·생산직", en: "Electrical and electronics installation, maintenance and production" }],
  ["84", { ko: "정보통신 설치·정비직", en: "ICT installation and maintenance" }],
  ["85", { ko: "화학·환경 설치·정비·생산직", en: "Chemical and environmental installation, maintenance and production" }],
  ["86", { ko: "섬유·의복 생산직", en: "Textile and clothing production" }],
  ["87", { ko: "식품 가공·생산직", en: "Food processing and production" }],
  ["88", { ko: "인쇄·목재·공예 및 기타 설치·정비·생산직", en: "Printing, wood, crafts and other production" }],
  ["89", { ko: "제조 단순직", en: "Elementary manufacturing work" }],
  ["90", { ko: "농림어업직", en: "Agriculture, forestry and fishing" }]
]
