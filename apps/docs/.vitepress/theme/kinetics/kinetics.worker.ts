// The Kinetics page's Web Worker for the current–overpotential curves and the cycler files.
import { serveWorker } from '../components/worker-protocol';
import { analyzeCycler, currentCurves } from './kinetics-core';

serveWorker({ curves: currentCurves, cycler: analyzeCycler });
