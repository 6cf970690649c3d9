/**
 * ARN operators: each of the six colon-separated parts is compared on its own; `*` and `?` are wildcards (also in
 * ArnEquals). A policy value that is not a six-part ARN matches nothing (except "*").
 */
import { compileArnCodes } from "../arn";
import { patternCodes } from "../wildcard";
import type { OperatorDef } from "./types";

const compile = (codes: number[]) => compileArnCodes(codes, true);
const ARN = { compile, compileText: (text: string) => compile(patternCodes(text)) };

export const arnOperators: OperatorDef[] = [
  { name: "ArnEquals", negated: false, variables: true, ...ARN },
  { name: "ArnLike", negated: false, variables: true, ...ARN },
  { name: "ArnNotEquals", negated: true, variables: true, ...ARN },
  { name: "ArnNotLike", negated: true, variables: true, ...ARN },
];
