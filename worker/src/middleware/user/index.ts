export { LAST_USED_WINDOW_MS, user } from "./user";
