export { CLASSIFIER_INSTRUCTIONS, parseClassifierAnswer } from './classifier.js';
export { classifyHeuristic, UNSURE_BELOW, type Complexity } from './heuristic.js';
export { cheaperThan, decideRoute, type AgentModels, type Classify, type RouteDecision, type RoutingOverride } from './route.js';
