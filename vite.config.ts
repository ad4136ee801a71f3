import { defineConfig } from "vite";
export default defineConfig({
  build: {
    outDir: "dist",
    target: "es2022",
    lib: { entry: "widget/src/define.ts", formats: ["es"], fileName: () => "machines-card.js" },
    rollupOptions: { output: { chunkFileNames: "chunks/[name]-[hash].js" } },
  },
});
