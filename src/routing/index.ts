export {
  Calibration,
  MemorySketches,
  MIN_SAMPLES,
  RedisSketches,
  type ScoreSketches,
  type Sketch,
} from './calibration.js';
export { CLASSIFIER_INSTRUCTIONS, parseClassifierAnswer } from './classifier.js';
export {
  ADAPT_MAX,
  ADAPT_STEP,
  cheaperThan,
  fallbacksFor,
  modelLadder,
  planRoute,
  routerChoseCheap,
  thresholdOf,
  tieBreak,
  UNSURE_MARGIN,
  verdictOf,
  withClassifier,
  type AgentModels,
  type Complexity,
  type RouteDecision,
  type RouteInput,
  type RoutePlan,
  type RoutingOverride,
  type RoutingSettings,
  type Threshold,
} from './route.js';
export { difficulty, type Difficulty, type ScoredTurn } from './score.js';
