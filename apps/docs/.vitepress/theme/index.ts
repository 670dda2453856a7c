import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import LiveDSpacing from './LiveDSpacing.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveDSpacing', LiveDSpacing);
  },
} satisfies Theme;
