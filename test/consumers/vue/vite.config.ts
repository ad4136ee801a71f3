import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// Relative asset URLs: the test serves each fixture's dist/ under its own path.
export default defineConfig({
  base: "./",
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "machines-card" } } })],
});
