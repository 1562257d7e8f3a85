import { Either } from "effect"

/** The value of a `Right`, or a test failure that shows the error. */
export const right = <A, E>(result: Either.Either<A, E>): A => {
  if (Either.isLeft(result)) throw new Error(`expected a value, got ${String(result.left)}`)
  return result.right
}

/** The error of a `Left`, or a test failure that shows the value. */
export const left = <A, E>(result: Either.Either<A, E>): E => {
  if (Either.isRight(result)) throw new Error(`expected an error, got ${JSON.stringify(result.right)}`)
  return result.left
}
