export { bodyLimit, MAX_BODY_BYTES } from "./body-limit";
