// The frame's files reach the Worker as text (wrangler.toml [[rules]] type "Text"; .html by default).
declare module "*/frame/reveal.html" {
  const text: string;
  export default text;
}
declare module "*/frame/reveal-frame.js" {
  const text: string;
  export default text;
}
declare module "*/frame/reveal-frame.messages.js" {
  const text: string;
  export default text;
}
declare module "*/frame/reveal-frame.css" {
  const text: string;
  export default text;
}
