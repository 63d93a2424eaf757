import { UserRejectedRequestError, BaseError as ViemBaseError } from "viem";
import {
  ContractRevertError,
  type ErrorContext,
  toIpoolError,
} from "../../../sdk/src/errors/contract.ts";

/** A revert or failure, reduced to what a person needs to read. */
export interface DecodedError {
  /** A readable sentence, e.g. "stake 500 API3 exceeds your unstaked 200 API3". */
  message: string;
  /** The custom error's name, e.g. `InsufficientUnstaked`, when the revert was decoded. */
  errorName?: string;
}

/**
 * Decodes anything a viem/wagmi call throws with the SDK's decoder (custom errors of every
 * contract of the system, values formatted with the token).
 */
export function decodeError(error: unknown, context: ErrorContext = {}): DecodedError {
  if (
    error instanceof ViemBaseError &&
    error.walk((e) => e instanceof UserRejectedRequestError) instanceof UserRejectedRequestError
  ) {
    return { message: "You rejected the request in your wallet" };
  }
  const decoded = toIpoolError(error, context);
  if (decoded instanceof ContractRevertError) {
    return { message: decoded.shortMessage, errorName: decoded.errorName };
  }
  return { message: decoded.shortMessage };
}

export function errorText(error: DecodedError): string {
  return error.errorName ? `${error.message} [${error.errorName}]` : error.message;
}
