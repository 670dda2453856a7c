// The Imaging page's Web Worker: the synthetic movie, the file analysis and the XANES maps run
// here, off the page's thread.
import { serveWorker } from '../components/worker-protocol';
import { analyseParticleImage, simulateOperandoMovie, simulateXanes } from './imaging-core';

serveWorker({
  movie: simulateOperandoMovie,
  particles: analyseParticleImage,
  xanes: simulateXanes,
});
