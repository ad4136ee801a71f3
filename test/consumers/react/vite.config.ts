import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative asset URLs: the test serves each fixture's dist/ under its own path.
export default defineConfig({ base: "./", plugins: [react()] });
