export { edge } from "./edge";
