import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// In dev the api runs on its own port; proxying keeps everything same-origin, as in production,
// so the session cookie and the api's Origin check behave the same.
const api = "http://127.0.0.1:3000";

export default defineConfig({
	plugins: [solid(), tailwindcss()],
	server: {
		proxy: {
			"/trpc": { target: api, changeOrigin: false },
			"/api": { target: api, changeOrigin: false },
			"/media": { target: api, changeOrigin: false },
		},
	},
	build: {
		outDir: "dist",
		emptyOutDir: true,
		target: "es2022",
	},
});
