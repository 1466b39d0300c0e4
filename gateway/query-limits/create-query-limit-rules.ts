import type { ValidationRule } from 'graphql';
import { createAliasLimitRule } from './create-alias-limit-rule';
import { createCostLimitRule } from './create-cost-limit-rule';
import { createDepthLimitRule } from './create-depth-limit-rule';
import { createDirectiveLimitRule } from './create-directive-limit-rule';
import { createQuerySizeRule } from './create-query-size-rule';
import type { CostDirectives } from './read-cost-directives';

/** The gateway's limits on one GraphQL query. */
export interface QueryLimits {
  /**
   * Deepest field nesting (`__typename` not counted). 15 lets the standard introspection query
   * (`getIntrospectionQuery()`, as used by the explorer) through. @default 15
   */
  maxDepth: number;
  /** Most aliased fields. @default 30 */
  maxAliases: number;
  /** Most directive uses. @default 20 */
  maxDirectives: number;
  /** Highest cost (see createCostLimitRule). @default 20000 */
  maxCost: number;
  /** Most lexer tokens, enforced by the parser (`parseOptions.maxTokens`). @default 5000 */
  maxTokens: number;
  /** Longest query text in UTF-8 bytes. @default 65536 */
  maxBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 20000,
  maxTokens: 5000,
  maxBytes: 64 * 1024,
};

/**
 * The validation rules for every limit but the token limit, which the parser enforces.
 * `getCostDirectives` gives the list sizes and weights the subgraphs declare in the supergraph.
 */
export function createQueryLimitRules(
  limits: QueryLimits,
  getCostDirectives?: () => CostDirectives,
): ValidationRule[] {
  return [
    createDepthLimitRule(limits.maxDepth),
    createAliasLimitRule(limits.maxAliases),
    createDirectiveLimitRule(limits.maxDirectives),
    createCostLimitRule({ maxCost: limits.maxCost, getCostDirectives }),
    createQuerySizeRule(limits.maxBytes),
  ];
}
