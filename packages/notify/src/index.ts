/**
 * iljari's outbox delivery: consent, quiet hours and Korean SMS rules, with
 * memory, console, SMTP and SOLAPI adapters (SMS/LMS, and KakaoTalk 알림톡
 * with SMS fallback).
 *
 * @since 0.1.0
 * @module
 */

export * as Dispatcher from "./Dispatcher.js"
export * as Kakao from "./Kakao.js"
export * as Notifiers from "./Notifiers.js"
export * as QuietHours from "./QuietHours.js"
export * as Sms from "./Sms.js"
export * as Templates from "./Templates.js"
