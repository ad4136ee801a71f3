export { auth } from "./auth";
