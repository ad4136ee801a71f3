export { settings } from "./settings";
