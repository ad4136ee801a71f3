// A Vue 3 app: "machines-card/vue" types <machines-card> in templates (GlobalComponents), and
// vite.config.ts tells Vue's compiler that the tag is a custom element.
import "machines-card";
import type {} from "machines-card/vue";
import { createApp } from "vue";
import App from "./App.vue";

createApp(App).mount("#app");
