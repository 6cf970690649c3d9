/** One condition operator: a positive test compiled from one policy value, optionally negated. */
export type ValuePredicate = (contextValue: string) => boolean;

export interface OperatorDef {
  name: string;
  /** StringNotEquals, NotIpAddress, …: true when NO policy value matches. */
  negated: boolean;
  /** Policy variables are substituted in the values of String and Arn operators only. */
  variables: boolean;
  /**
   * Compiles one policy value as written (`*` and `?` are wildcards, for the operators that have them) into the
   * positive test. null when the policy value can never match (e.g. a malformed CIDR).
   */
  compileText(text: string): ValuePredicate | null;
  /**
   * The same from codes (char codes, STAR / QMARK for raw wildcards): a value whose policy variables were resolved,
   * where `${*}` stands for a literal `*`.
   */
  compile(codes: number[]): ValuePredicate | null;
  /**
   * For a context value known only by how it begins (partialContext prefix): 2 when the positive test holds for every
   * longer value with this prefix, 0 when for none, 1 when for some. Absent: such a condition is undecided.
   */
  prefix?(codes: number[], prefix: string): 0 | 1 | 2;
}
