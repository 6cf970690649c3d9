/**
 * ARN operators: each of the six colon-separated parts is compared on its own; `*` and `?` are wildcards (also in
 * ArnEquals). A policy value that is not a six-part ARN matches nothing (except "*").
 */
import { compileArnCodes } from "../arn";
import type { OperatorDef } from "./types";

const compile = (codes: number[]) => compileArnCodes(codes, true);

export const arnOperators: OperatorDef[] = [
  { name: "ArnEquals", negated: false, variables: true, compile },
  { name: "ArnLike", negated: false, variables: true, compile },
  { name: "ArnNotEquals", negated: true, variables: true, compile },
  { name: "ArnNotLike", negated: true, variables: true, compile },
];
