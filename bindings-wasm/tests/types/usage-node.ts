// Type-checked against the Node build's declarations: the same functions,
// no initialisation.

import { algorithmA, median } from "eqa-wasm/node";
import type { RobustEstimate } from "eqa-wasm/node";

const r: RobustEstimate = algorithmA(new Float64Array([1, 2, 3, 10]), { stop: "converged" });
const m: number = median([1, 2, 3]);
// @ts-expect-error: the Node build needs no initialisation
import { initSync } from "eqa-wasm/node";

console.log(r.location, m, initSync);
