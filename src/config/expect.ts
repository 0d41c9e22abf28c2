/**
 * The `expect` condition language: tokens (expect-lexer), tree (expect-parser) and decision over
 * measured fields (expect-evaluate). Other layers import it from here.
 */
export { ExpectSyntaxError } from './expect-lexer.js';
export {
  MAX_EXPECT_DEPTH,
  MAX_EXPECT_TERMS,
  parseCondition,
  referencedFields,
  type ComparisonOperator,
  type Condition,
  type Literal,
  type Operand,
} from './expect-parser.js';
export {
  compareNumbers,
  evaluateCondition,
  ExpectEvaluationError,
  isTruthy,
  type FieldLookup,
} from './expect-evaluate.js';
