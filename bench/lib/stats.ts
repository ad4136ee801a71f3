import { percentile } from "../../test/load/percentile";

export { percentile };
export const median = (values: readonly number[]) => percentile(values, 50);
