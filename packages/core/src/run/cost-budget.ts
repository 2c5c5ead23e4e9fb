/**
 * Spending control of a run with `--max-cost`: each request reserves its worst-case cost
 * before it starts and settles its actual cost when it ends. A request whose reservation
 * would take spent + reserved above the limit is refused, and the run stops scheduling.
 */
export interface CostBudget {
  /** The limit in US dollars. */
  readonly limitUsd: number;
  /** Actual cost so far (earlier sessions of the run included). */
  readonly spentUsd: number;
  /** True once a reservation was refused. */
  readonly exhausted: boolean;
  /** Reserves `worstUsd`; false (and `exhausted`) when it does not fit. */
  reserve(worstUsd: number): boolean;
  /** Replaces a reservation of `reservedUsd` with the actual cost. */
  settle(reservedUsd: number, actualUsd: number): void;
}

/** Creates a budget of `limitUsd` with `spentUsd` already spent. */
export function createCostBudget(limitUsd: number, spentUsd = 0): CostBudget {
  let spent = spentUsd;
  let reserved = 0;
  let exhausted = false;
  return {
    limitUsd,
    get spentUsd() {
      return spent;
    },
    get exhausted() {
      return exhausted;
    },
    reserve(worstUsd) {
      if (exhausted || spent + reserved + worstUsd > limitUsd + 1e-12) {
        exhausted = true;
        return false;
      }
      reserved += worstUsd;
      return true;
    },
    settle(reservedUsd, actualUsd) {
      reserved -= reservedUsd;
      spent += actualUsd;
    },
  };
}
