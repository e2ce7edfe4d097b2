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
  decideRoute,
  DEFAULT_THRESHOLD,
  fallbacksFor,
  inUnsureBand,
  modelLadder,
  planRoute,
  thresholdOf,
  UNSURE_MARGIN,
  verdictOf,
  withClassifier,
  type AgentModels,
  type Classify,
  type Complexity,
  type RouteDecision,
  type RouteInput,
  type RoutePlan,
  type RoutingOverride,
  type RoutingSettings,
  type Threshold,
} from './route.js';
export { difficulty, type Difficulty, type ScoredTurn } from './score.js';
