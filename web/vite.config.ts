import { defineConfig } from "vite";

// A static site: `npm run build` writes dist/, which any file server can serve.
export default defineConfig({
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
});
