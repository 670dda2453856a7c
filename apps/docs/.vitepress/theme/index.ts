import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import BenchmarkResults from './benchmarks/BenchmarkResults.vue';
import FileDrop from './components/FileDrop.vue';
import NumberControl from './components/NumberControl.vue';
import PlotFigure from './components/PlotFigure.vue';
import DiffractionExplorer from './diffraction/DiffractionExplorer.vue';
import DiffractionFit from './diffraction/DiffractionFit.vue';
import LiveDSpacing from './LiveDSpacing.vue';
import NmrExplorer from './nmr/NmrExplorer.vue';
import NmrFit from './nmr/NmrFit.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveDSpacing', LiveDSpacing);
    app.component('PlotFigure', PlotFigure);
    app.component('FileDrop', FileDrop);
    app.component('NumberControl', NumberControl);
    app.component('DiffractionExplorer', DiffractionExplorer);
    app.component('DiffractionFit', DiffractionFit);
    app.component('NmrExplorer', NmrExplorer);
    app.component('NmrFit', NmrFit);
    app.component('BenchmarkResults', BenchmarkResults);
  },
} satisfies Theme;
