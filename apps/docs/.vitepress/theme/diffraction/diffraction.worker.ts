// The Diffraction page's Web Worker: simulation and fitting run here, off the page's thread.
import { serveWorker } from '../components/worker-protocol';
import { fitLayeredPattern, simulateLayeredPattern } from './diffraction-core';

serveWorker({ simulate: simulateLayeredPattern, fit: fitLayeredPattern });
