/** One condition operator: a positive test compiled from one policy value, optionally negated. */
export type ValuePredicate = (contextValue: string) => boolean;

export interface OperatorDef {
  name: string;
  /** StringNotEquals, NotIpAddress, …: true when NO policy value matches. */
  negated: boolean;
  /** Policy variables are substituted in the values of String and Arn operators only. */
  variables: boolean;
  /**
   * Compiles one policy value (as codes: char codes, STAR / QMARK for raw wildcards) into the positive test.
   * null when the policy value can never match (e.g. a malformed CIDR).
   */
  compile(codes: number[]): ValuePredicate | null;
}
