import { base } from "./base";
import { controls } from "./controls";
import { feedback } from "./feedback";
import { fields } from "./fields";
import { layout } from "./layout";

/** Every style module a step starts from; a step adds its own `css` after these. */
export const stepStyles = [base, layout, controls, fields, feedback];
