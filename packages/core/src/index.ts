/**
 * iljari (일자리): the domain of Korean district job centers as typed
 * Effect schemas and pure rules.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Codes from "./Codes.js"
/** @since 0.1.0 */
export * as Consent from "./Consent.js"
/** @since 0.1.0 */
export * as Contact from "./Contact.js"
/** @since 0.1.0 */
export * as Counselor from "./Counselor.js"
/** @since 0.1.0 */
export * as Employer from "./Employer.js"
/** @since 0.1.0 */
export * as Ids from "./Ids.js"
/** @since 0.1.0 */
export * as LocalDate from "./LocalDate.js"
/** @since 0.1.0 */
export * as Opening from "./Opening.js"
/** @since 0.1.0 */
export * as Seeker from "./Seeker.js"
/** @since 0.1.0 */
export * as Text from "./Text.js"
/** @since 0.1.0 */
export * as Validation from "./Validation.js"
/** @since 0.1.0 */
export * as Wage from "./Wage.js"
