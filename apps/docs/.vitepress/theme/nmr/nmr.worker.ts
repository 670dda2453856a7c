// The NMR page's Web Worker: prediction and fitting run here, off the page's thread.
import { serveWorker } from '../components/worker-protocol';
import { fitNmrFiles, predictLi7 } from './nmr-core';

serveWorker({ predict: predictLi7, fit: fitNmrFiles });
