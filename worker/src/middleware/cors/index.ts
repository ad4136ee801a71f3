export { cors } from "./cors";
