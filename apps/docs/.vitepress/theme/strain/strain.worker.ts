// The Strain explorer's Web Worker: reading, smoothing, strain maps, fits and peak simulations run
// here, off the page's thread.
import { serveWorker } from '../components/worker-protocol';
import {
  analyzeStrain,
  illustrativeData,
  projectWindow,
  readLatticeFile,
  warpPeaks,
} from './strain-core';

serveWorker({
  illustrative: illustrativeData,
  read: readLatticeFile,
  analyze: analyzeStrain,
  project: projectWindow,
  warp: warpPeaks,
});
