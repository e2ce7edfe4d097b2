export { CLASSIFIER_INSTRUCTIONS, parseClassifierAnswer } from './classifier.js';
export { classifyHeuristic, UNSURE_BELOW, type Complexity } from './heuristic.js';
export {
  cheaperThan,
  decideRoute,
  fallbacksFor,
  modelLadder,
  planRoute,
  withClassifier,
  type AgentModels,
  type Classify,
  type RouteDecision,
  type RouteInput,
  type RoutePlan,
  type RoutingOverride,
} from './route.js';
