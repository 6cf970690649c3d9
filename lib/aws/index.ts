import "server-only";

/** Live diagnosis: reads an AWS account into a Snapshot v1 with the user's temporary credentials. */
export { collectSnapshot, validateCollectInput, CollectInputError, pickSample } from "./collect";
export type { CollectInput, InputProblem } from "./collect";
export type { ProgressEvent } from "./run";
export type { AwsCredentials } from "./clients";
export { classifyAwsError } from "./errors";
export type { ClassifiedAwsError, AwsErrorCode } from "./errors";
export { READ_ONLY_POLICY, diagnosingPolicy, HOW_TO_GET_CREDENTIALS } from "./diagnosing-policy";
export type { CredentialsHowTo, IamPolicyDocument } from "./diagnosing-policy";
export { OPERATIONS, IMPORT_CALLS } from "@/lib/reads/operations";
export type { OperationName } from "@/lib/reads/operations";
export { isValidRegion, REGION_LIST, AWS_REGIONS } from "./regions";
export { endpointOverride, announceEndpointOverride } from "./endpoints";
