// The valid encoded records of @iljari/testing's Fixtures, under the names the
// repository's tests import them by.
import { Fixtures } from "@iljari/testing"

export const { counselorInput, employerInput, openingInput, seekerInput } = Fixtures
