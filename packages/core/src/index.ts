/**
 * iljari (일자리): the domain of Korean district job centers as typed
 * Effect schemas, pure rules, ports and use cases.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Assignment from "./Assignment.js"

/** @since 0.1.0 */
export * as Audit from "./Audit.js"

/** @since 0.1.0 */
export * as BusinessCalendar from "./BusinessCalendar.js"

/** @since 0.1.0 */
export * as Codes from "./Codes.js"

/** @since 0.1.0 */
export * as Consent from "./Consent.js"

/** @since 0.1.0 */
export * as Contact from "./Contact.js"

/** @since 0.1.0 */
export * as Counseling from "./Counseling.js"

/** @since 0.1.0 */
export * as Counselor from "./Counselor.js"

/** @since 0.1.0 */
export * as DiscoveryVisit from "./DiscoveryVisit.js"

/** @since 0.1.0 */
export * as Eligibility from "./Eligibility.js"

/** @since 0.1.0 */
export * as Employer from "./Employer.js"

/** @since 0.2.0 */
export * as Erasure from "./Erasure.js"

/** @since 0.1.0 */
export * as Errors from "./Errors.js"

/** @since 0.2.0 */
export * as Events from "./Events.js"

/** @since 0.1.0 */
export * as FollowUp from "./FollowUp.js"

/** @since 0.1.0 */
export * as Ids from "./Ids.js"

/** @since 0.1.0 */
export * as JobCafe from "./JobCafe.js"

/** @since 0.1.0 */
export * as JobCenter from "./JobCenter.js"

/** @since 0.1.0 */
export * as JobFair from "./JobFair.js"

/** @since 0.1.0 */
export * as LocalDate from "./LocalDate.js"

/** @since 0.1.0 */
export * as Match from "./Match.js"

/** @since 0.1.0 */
export * as Mismatch from "./Mismatch.js"

/** @since 0.1.0 */
export * as Monitoring from "./Monitoring.js"

/** @since 0.1.0 */
export * as Notifier from "./Notifier.js"

/** @since 0.1.0 */
export * as Opening from "./Opening.js"

/** @since 0.1.0 */
export * as Outbox from "./Outbox.js"

/** @since 0.1.0 */
export * as Outreach from "./Outreach.js"

/** @since 0.1.0 */
export * as Partner from "./Partner.js"

/** @since 0.1.0 */
export * as Placement from "./Placement.js"

/** @since 0.1.0 */
export * as PsychTest from "./PsychTest.js"

/** @since 0.1.0 */
export * as Ranking from "./Ranking.js"

/** @since 0.1.0 */
export * as Recommendations from "./Recommendations.js"

/** @since 0.1.0 */
export * as Referral from "./Referral.js"

/** @since 0.1.0 */
export * as Repositories from "./Repositories.js"

/** @since 0.1.0 */
export * as Seeker from "./Seeker.js"

/** @since 0.1.0 */
export * as StudyRooms from "./StudyRooms.js"

/** @since 0.1.0 */
export * as Survey from "./Survey.js"

/** @since 0.1.0 */
export * as Targets from "./Targets.js"

/** @since 0.1.0 */
export * as Text from "./Text.js"

/** @since 0.1.0 */
export * as Validation from "./Validation.js"

/** @since 0.1.0 */
export * as Wage from "./Wage.js"
