import { packageBuild } from "../../tsup.shared.js"

// The suites run in Node, under vitest.
export default packageBuild("node")
