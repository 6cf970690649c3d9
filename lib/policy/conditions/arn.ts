/** ARN operators: each colon-separated part is compared on its own; `*` and `?` are wildcards (also in ArnEquals). */
import { compileArnCodes } from "../arn";
import type { OperatorDef } from "./types";

const compile = (codes: number[]) => compileArnCodes(codes);

export const arnOperators: OperatorDef[] = [
  { name: "ArnEquals", negated: false, variables: true, compile },
  { name: "ArnLike", negated: false, variables: true, compile },
  { name: "ArnNotEquals", negated: true, variables: true, compile },
  { name: "ArnNotLike", negated: true, variables: true, compile },
];
