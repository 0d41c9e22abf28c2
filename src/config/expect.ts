/**
 * The `expect` condition language: tokens (expect-lexer), tree (expect-parser) and decision over
 * measured fields (expect-evaluate). Other layers import it from here; the parser's and the
 * evaluator's exports are all public, the lexer's tokens are not.
 */
export { ExpectSyntaxError } from './expect-lexer.js';
export * from './expect-parser.js';
export * from './expect-evaluate.js';
