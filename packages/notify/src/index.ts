/**
 * iljari's outbox delivery: consent, quiet hours and Korean SMS rules, with
 * memory, console, SMTP and SOLAPI adapters.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Dispatcher from "./Dispatcher.js"
/** @since 0.1.0 */
export * as Notifiers from "./Notifiers.js"
/** @since 0.1.0 */
export * as QuietHours from "./QuietHours.js"
/** @since 0.1.0 */
export * as Sms from "./Sms.js"
/** @since 0.1.0 */
export * as Templates from "./Templates.js"
