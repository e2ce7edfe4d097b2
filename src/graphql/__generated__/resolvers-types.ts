import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRow, UserRow, ApiKeyRow, AgentRow, ModelRow, PlanRow, AlertRow, RoutingAdjustmentRow } from '../../db/schema/index.js';
import type { ViewerParent, GraphQLContext } from '../context.js';
import type { CreatedTenant } from '../../tenants/index.js';
import type { CreatedApiKey } from '../../auth/index.js';
import type { BudgetStatusView } from '../../budgets/index.js';
import type { RunRecord, RoutePreviewView } from '../../agents/index.js';
import type { UsageGroup, UsageSummaryView } from '../../monitoring/usage.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC. */
  DateTime: { input: Date; output: Date | string; }
  /** An integer up to 2^53 (token totals pass 2^31 within a year). */
  SafeInt: { input: number; output: number; }
};

export type Agent = {
  __typename?: 'Agent';
  /**
   * BAD ratings of cheap answers raise the target (or lower the threshold) by 0.02 at a time, at most
   * once per ROUTING_ADAPT_INTERVAL_SECONDS and at most 0.2 in all; a run of GOOD ones lowers it back.
   */
  adaptiveRouting: Scalars['Boolean']['output'];
  archived: Scalars['Boolean']['output'];
  /** Who shares a cached answer: TENANT (every user of the tenant: a FAQ agent) or USER (only who asked). */
  cacheScope: CacheScope;
  cacheTtlSeconds: Scalars['Int']['output'];
  cheapModel: Model;
  contextTokenBudget: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  instructions: Scalars['String']['output'];
  localModel?: Maybe<Model>;
  name: Scalars['String']['output'];
  routing: RoutingStrategy;
  /** What adaptive routing has added to the target (or taken off the threshold); applied only while adaptiveRouting is on. */
  routingAdjustment: Scalars['Float']['output'];
  /** Adaptive routing's changes, newest first. */
  routingAdjustments: Array<RoutingAdjustment>;
  /** The threshold the router uses now, and where it comes from. */
  routingCalibration: RoutingCalibration;
  /** Routes to the strong model when the difficulty score is at least this (0..1); null: the default 0.5. */
  routingThreshold?: Maybe<Scalars['Float']['output']>;
  slug: Scalars['String']['output'];
  storeTranscripts: Scalars['Boolean']['output'];
  strongModel: Model;
  /**
   * The share of requests to send to the strong model (0.01..0.99): the threshold is calibrated from
   * the agent's recent traffic (once it has 200 routed runs). Not with routingThreshold.
   */
  strongShareTarget?: Maybe<Scalars['Float']['output']>;
  tools: Array<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};


export type AgentRoutingAdjustmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AgentRun = {
  __typename?: 'AgentRun';
  agent: Agent;
  cached: Scalars['Boolean']['output'];
  /**
   * The calls the run was made of: one, or (a client-side tool loop on the OpenAI-compatible door)
   * each call of it; the run's usage and costUsd are their sum.
   */
  calls: Array<RunCall>;
  costUsd: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  degradations: Array<Degradation>;
  durationMs: Scalars['Int']['output'];
  /** The caller's opaque end-user label (OpenAI's user field with a user key): recorded, never an identity. */
  endUser?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The model that answered (null on a cache hit or a refusal). */
  model?: Maybe<Model>;
  /** Its rating (rateRun), if it has one. */
  rating?: Maybe<RunRating>;
  ratingComment?: Maybe<Scalars['String']['output']>;
  route: RouteDecision;
  savedCostUsd: Scalars['Float']['output'];
  /** Completions Governor made for this run (routing, compression): included in usage and costUsd. */
  sideCalls: Array<SideCall>;
  status: RunStatus;
  toolCalls: Scalars['Int']['output'];
  usage: TokenUsage;
  user?: Maybe<User>;
};

export type AgentRunCompleted = {
  __typename?: 'AgentRunCompleted';
  output: Scalars['String']['output'];
  run: AgentRun;
};

export type AgentRunConnection = {
  __typename?: 'AgentRunConnection';
  edges: Array<AgentRunEdge>;
  pageInfo: PageInfo;
};

export type AgentRunEdge = {
  __typename?: 'AgentRunEdge';
  cursor: Scalars['String']['output'];
  node: AgentRun;
};

export type AgentRunFilter = {
  /** An agent id, or its slug as runAgent takes it. */
  agentId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<RunStatus>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * Raised once per kind, subject and period, off the request path; delivered to the tenant's webhook
 * when it has one and a signing secret.
 */
export type Alert = {
  __typename?: 'Alert';
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the last delivery attempt failed (retrying, or FAILED). */
  deliveryError?: Maybe<Scalars['String']['output']>;
  deliveryStatus: AlertDeliveryStatus;
  id: Scalars['ID']['output'];
  kind: AlertKind;
  message: Scalars['String']['output'];
  /** RUN_COST: the run. */
  run?: Maybe<AgentRun>;
  status: AlertStatus;
  /** The user it is about (the budget and share alerts; RUN_COST: the run's user). */
  subjectUser?: Maybe<User>;
  threshold: Scalars['Float']['output'];
  /** What was measured: USD for spend and run cost, tokens for the budget alerts, percent for the share. */
  value: Scalars['Float']['output'];
};

export type AlertConnection = {
  __typename?: 'AlertConnection';
  edges: Array<AlertEdge>;
  pageInfo: PageInfo;
};

export type AlertDeliveryStatus =
  | 'DELIVERED'
  /** Every attempt failed. */
  | 'FAILED'
  /** No webhook (or no signing secret) when it was raised. */
  | 'NONE'
  /** Due, or being retried. */
  | 'PENDING';

export type AlertEdge = {
  __typename?: 'AlertEdge';
  cursor: Scalars['String']['output'];
  node: Alert;
};

export type AlertKind =
  /** Today's spend over dailySpendMultiplier × the trailing daily average (once three days of history exist); once a UTC day. */
  | 'DAILY_SPEND_SPIKE'
  /** One run over runCostUsd; once per run. */
  | 'RUN_COST'
  /** Sent by testAlertWebhook. */
  | 'TEST'
  /** A MEMBER refused by a limit a bigger plan lifts; once per user and window. */
  | 'UPGRADE_SUGGESTED'
  /** A user at 80% of a daily or monthly window; once per user and window. */
  | 'USER_BUDGET_80'
  /** A user at 100% of a daily or monthly window; once per user and window. */
  | 'USER_BUDGET_100'
  /** One user over userBudgetSharePercent of the tenant's monthly token pool; once per user and UTC month. */
  | 'USER_BUDGET_SHARE';

export type AlertSigningSecret = {
  __typename?: 'AlertSigningSecret';
  createdAt: Scalars['DateTime']['output'];
  /** Verify X-Governor-Signature with it (see the README); Governor shows it only now. */
  secret: Scalars['String']['output'];
};

export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'OPEN';

export type AlertThresholds = {
  __typename?: 'AlertThresholds';
  dailySpendMultiplier: Scalars['Float']['output'];
  runCostUsd: Scalars['Float']['output'];
  userBudgetSharePercent: Scalars['Float']['output'];
};

export type AlertThresholdsInput = {
  dailySpendMultiplier?: InputMaybe<Scalars['Float']['input']>;
  runCostUsd?: InputMaybe<Scalars['Float']['input']>;
  userBudgetSharePercent?: InputMaybe<Scalars['Float']['input']>;
};

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: ApiKeyKind;
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the secret, to recognise a key. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  user?: Maybe<User>;
};

export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  edges: Array<ApiKeyEdge>;
  pageInfo: PageInfo;
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

export type ApiKeyKind =
  | 'SERVICE'
  | 'USER';

export type BillingPortalSession = {
  __typename?: 'BillingPortalSession';
  url: Scalars['String']['output'];
};

/**
 * FREE: never subscribed. ACTIVE: paid. PAST_DUE: a payment failed; the paid limits hold until
 * graceEndsAt, the free plan's after. SUSPENDED: Stripe gave up collecting; runs answer
 * PAYMENT_REQUIRED until the invoice is paid. CANCELED: the subscription ended; the free plan.
 */
export type BillingStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'FREE'
  | 'PAST_DUE'
  | 'SUSPENDED';

export type BillingUnavailable = {
  __typename?: 'BillingUnavailable';
  message: Scalars['String']['output'];
};

export type BudgetExceeded = UserError & {
  __typename?: 'BudgetExceeded';
  /** The caller may call startUpgrade and billing is configured. */
  canUpgrade: Scalars['Boolean']['output'];
  code: Scalars['String']['output'];
  /** Tokens, or USD for TENANT_SPEND. */
  limit: Scalars['Float']['output'];
  message: Scalars['String']['output'];
  /** What a tool loop produced before the budget ran out; it was charged. */
  partialOutput?: Maybe<Scalars['String']['output']>;
  resetsAt: Scalars['DateTime']['output'];
  run: AgentRun;
  unit: BudgetUnit;
  /** Higher plans that would lift this window; empty on the top plan. */
  upgradeOptions: Array<Plan>;
  /** Used so far, runs in flight included. */
  used: Scalars['Float']['output'];
  window: BudgetWindowKind;
};

export type BudgetOverride = {
  __typename?: 'BudgetOverride';
  dailyTokenLimit?: Maybe<Scalars['Int']['output']>;
  monthlyTokenLimit?: Maybe<Scalars['Int']['output']>;
};

/** Periods are the UTC day and the UTC calendar month. */
export type BudgetStatus = {
  __typename?: 'BudgetStatus';
  daily: BudgetWindow;
  monthly: BudgetWindow;
  tenantMonthly: BudgetWindow;
  tenantSpend: SpendWindow;
  user?: Maybe<User>;
};

export type BudgetUnit =
  | 'TOKENS'
  | 'USD';

/** Tokens: used (settled), reserved (held by runs in flight), and what remains for new runs. */
export type BudgetWindow = {
  __typename?: 'BudgetWindow';
  limit: Scalars['Int']['output'];
  remaining: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  resetsAt: Scalars['DateTime']['output'];
  used: Scalars['Int']['output'];
};

export type BudgetWindowKind =
  | 'TENANT_MONTHLY'
  | 'TENANT_SPEND'
  | 'USER_DAILY'
  | 'USER_MONTHLY';

export type CacheMode =
  | 'BYPASS'
  | 'REFRESH'
  | 'USE';

export type CacheScope =
  | 'TENANT'
  | 'USER';

export type ChatMessageInput = {
  content: Scalars['String']['input'];
  role: ChatRole;
};

export type ChatRole =
  | 'ASSISTANT'
  | 'USER';

export type Complexity =
  | 'COMPLEX'
  | 'SIMPLE';

export type CreateAgentInput = {
  adaptiveRouting?: InputMaybe<Scalars['Boolean']['input']>;
  cacheScope?: InputMaybe<CacheScope>;
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  cheapModel?: InputMaybe<Scalars['ID']['input']>;
  contextTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  instructions: Scalars['String']['input'];
  localModel?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  routing?: InputMaybe<RoutingStrategy>;
  routingThreshold?: InputMaybe<Scalars['Float']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  storeTranscripts?: InputMaybe<Scalars['Boolean']['input']>;
  strongModel?: InputMaybe<Scalars['ID']['input']>;
  strongShareTarget?: InputMaybe<Scalars['Float']['input']>;
  tools?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateApiKeyInput = {
  kind: ApiKeyKind;
  name: Scalars['String']['input'];
  /** Required for USER keys, except a key for yourself. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  apiKey: ApiKey;
  /** Shown once: only its hash is stored. */
  secret: Scalars['String']['output'];
};

export type CreateTenantInput = {
  name: Scalars['String']['input'];
  ownerEmail: Scalars['String']['input'];
  ownerName?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type CreateTenantPayload = {
  __typename?: 'CreateTenantPayload';
  apiKey: ApiKey;
  owner: User;
  /** The owner's key. Shown once: only its hash is stored. */
  secret: Scalars['String']['output'];
  tenant: Tenant;
};

export type CreateUserInput = {
  email: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};

export type Degradation =
  | 'CHEAPER_MODEL'
  | 'SHORTER_RESPONSE';

export type Model = {
  __typename?: 'Model';
  cachedInputPricePerMTokUsd?: Maybe<Scalars['Float']['output']>;
  contextWindow?: Maybe<Scalars['Int']['output']>;
  /** <provider>/<model>, e.g. openai/gpt-4o-mini. */
  id: Scalars['ID']['output'];
  inputPricePerMTokUsd: Scalars['Float']['output'];
  outputPricePerMTokUsd: Scalars['Float']['output'];
  provider: Scalars['String']['output'];
  tier: ModelTier;
};

export type ModelTier =
  | 'CHEAP'
  | 'LOCAL'
  | 'STRONG';

export type Mutation = {
  __typename?: 'Mutation';
  /** ADMIN+: marks an alert seen. */
  acknowledgeAlert: Alert;
  /** ADMIN+; runs keep pointing at it and its slug is free again. */
  archiveAgent: Agent;
  /** ADMIN+. */
  createAgent: Agent;
  /** ADMIN+ for service keys and other users' keys; anyone for a key of their own. */
  createApiKey: CreateApiKeyPayload;
  /** Sign-up. Open while SIGNUP=open; otherwise needs the operator token. */
  createTenant: CreateTenantPayload;
  /** ADMIN+. Only an OWNER creates an OWNER. */
  createUser: User;
  /** With a session token: ends that session (signing out). */
  endSession: Scalars['Boolean']['output'];
  /** OWNER/ADMIN: Stripe's billing portal (cards, invoices, cancelling). */
  openBillingPortal: BillingPortalSession;
  /**
   * Rates a run GOOD or BAD (a new rating replaces the last): the run's own user, or ADMIN+. Ratings
   * show on the run and in usage(), and move an agent with adaptiveRouting.
   */
  rateRun: AgentRun;
  /** Your own keys; ADMIN+ for others. Stops working on every process within 5 seconds. */
  revokeApiKey: ApiKey;
  /** ADMIN+: a new secret that signs the tenant's webhooks; shown this once. */
  rotateAlertSigningSecret: AlertSigningSecret;
  /**
   * Runs an agent: answers from the response cache when it can, routes to a cheap or a strong model,
   * reserves budget (degrading to a cheaper model or a shorter answer when needed) and runs the agent
   * loop under its breakers. Expected outcomes are members of the union; faults are errors.
   */
  runAgent: RunAgentResult;
  /** Operator only (ADMIN_TOKEN). */
  setModelPrice: Model;
  /** Operator (ADMIN_TOKEN): the Stripe price a plan is sold at; null takes it off sale. */
  setPlanStripePrice: Plan;
  /** ADMIN+. null returns a limit to the plan's default; a limit above the plan's is refused. */
  setUserBudget: User;
  /**
   * With an API key: a short-lived token for the dashboard (SESSION_TTL_HOURS, 8 by default),
   * accepted as a bearer like the key, with exactly its rights. Revoking the key ends it too.
   */
  startSession: Session;
  /**
   * OWNER/ADMIN: buys a plan. Without a subscription: a Stripe Checkout session (UpgradeCheckout).
   * With one: an upgrade changes it now, invoicing the difference, and applies once paid
   * (UpgradeApplied) or waits for the customer to pay the invoice (UpgradePending); a downgrade
   * takes effect at the end of the period (UpgradeApplied, with tenant.pendingPlan); the current
   * plan, while a downgrade waits, cancels the downgrade. Billing off: BillingUnavailable.
   */
  startUpgrade: StartUpgradeResult;
  /** ADMIN+: raises a TEST alert and sends it to alertWebhookUrl now (needs a signing secret). */
  testAlertWebhook: Alert;
  /** ADMIN+; bumps Agent.version. */
  updateAgent: Agent;
  /** ADMIN+. */
  updateTenant: Tenant;
  /** ADMIN+. Only an OWNER changes an OWNER; the last active OWNER stays. */
  updateUser: User;
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveAgentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateAgentArgs = {
  input: CreateAgentInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateTenantArgs = {
  input: CreateTenantInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationRateRunArgs = {
  input: RateRunInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRunAgentArgs = {
  input: RunAgentInput;
};


export type MutationSetModelPriceArgs = {
  input: SetModelPriceInput;
};


export type MutationSetPlanStripePriceArgs = {
  planKey: Scalars['String']['input'];
  stripePriceId?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetUserBudgetArgs = {
  input: SetUserBudgetInput;
};


export type MutationStartUpgradeArgs = {
  planKey: Scalars['String']['input'];
};


export type MutationUpdateAgentArgs = {
  input: UpdateAgentInput;
};


export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Plan = {
  __typename?: 'Plan';
  allowedModelTiers: Array<ModelTier>;
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  monthlyPriceUsd: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  runLimits: RunLimits;
  /** The Stripe price the plan is sold at; null: not for sale (the free plan). */
  stripePriceId?: Maybe<Scalars['String']['output']>;
  tenantMonthlySpendLimitUsd: Scalars['Float']['output'];
  tenantMonthlyTokenLimit: Scalars['Int']['output'];
  userDailyTokenLimit: Scalars['Int']['output'];
  userMonthlyTokenLimit: Scalars['Int']['output'];
};

export type ProviderUnavailable = UserError & {
  __typename?: 'ProviderUnavailable';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  retryAfterSeconds: Scalars['Int']['output'];
  run: AgentRun;
};

export type Query = {
  __typename?: 'Query';
  agent?: Maybe<Agent>;
  /** Newest first. Your own runs; ADMIN+ sees every run of the tenant. */
  agentRuns: AgentRunConnection;
  agents: Array<Agent>;
  /** ADMIN+: the tenant's alerts, newest first. */
  alerts: AlertConnection;
  /** ADMIN+. */
  apiKeys: ApiKeyConnection;
  /** Your own budget; ADMIN+ for another user. A service key must name userId. */
  budgetStatus: BudgetStatus;
  models: Array<Model>;
  plans: Array<Plan>;
  /**
   * The route the agent would take for this request now: its score, threshold, tier and model, with
   * no provider call, charge or run record (the classifier is not asked; the preview says whether it
   * would be). Any key of the tenant.
   */
  routePreview: RoutePreview;
  /** How many runs ended each way over [from, to) (at most 366 days). MEMBERs count their own, ADMIN+ the tenant's. */
  runOutcomes: Array<RunOutcomeCount>;
  /**
   * The ledger summed over [from, to) (at most 366 days), grouped by the dimensions asked for (none:
   * one row of totals). MEMBERs get their own usage, ADMIN+ the tenant's. Exact: runs not yet in
   * Postgres are counted too.
   */
  usage: Array<UsageRow>;
  /** ADMIN+, or the caller itself. */
  user?: Maybe<User>;
  /** ADMIN+. */
  users: UserConnection;
  /** The caller: its tenant, its user (null for a service key) and the key it used. */
  viewer: Viewer;
};


export type QueryAgentArgs = {
  idOrSlug: Scalars['String']['input'];
};


export type QueryAgentRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgentRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAgentsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<AlertStatus>;
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBudgetStatusArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRoutePreviewArgs = {
  agent: Scalars['String']['input'];
  history?: InputMaybe<Array<ChatMessageInput>>;
  message: Scalars['String']['input'];
};


export type QueryRunOutcomesArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryUsageArgs = {
  from: Scalars['DateTime']['input'];
  groupBy: Array<UsageDimension>;
  to: Scalars['DateTime']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UserOrder>;
};

export type RateRunInput = {
  /** Up to 2,000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  rating: RunRating;
  runId: Scalars['ID']['input'];
};

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

/**
 * How a run was routed. score: the request's difficulty in [0, 1] (higher: the strong model is more
 * worth it); threshold: what it was held against. complexity is COMPLEX when score >= threshold, and
 * confidence = min(1, 0.5 + |score - threshold|). Pinned, fixed and cached runs record them too; runs
 * recorded before scores read as 1 (COMPLEX) or 0 against 0.5.
 */
export type RouteDecision = {
  __typename?: 'RouteDecision';
  complexity: Complexity;
  confidence: Scalars['Float']['output'];
  reason: Scalars['String']['output'];
  score: Scalars['Float']['output'];
  strategy: RoutingStrategy;
  threshold: Scalars['Float']['output'];
  tier: ModelTier;
};

export type RoutePreview = {
  __typename?: 'RoutePreview';
  decision: RouteDecision;
  model: Model;
  /** The CLASSIFIER strategy would ask the cheap model (the score is in the unsure band). */
  wouldConsultClassifier: Scalars['Boolean']['output'];
};

export type RoutingAdjustment = {
  __typename?: 'RoutingAdjustment';
  createdAt: Scalars['DateTime']['output'];
  from: Scalars['Float']['output'];
  reason: Scalars['String']['output'];
  to: Scalars['Float']['output'];
};

export type RoutingCalibration = {
  __typename?: 'RoutingCalibration';
  /** Routed runs sampled into the agent's sketch so far. */
  samples: Scalars['Int']['output'];
  source: ThresholdSource;
  /** The strong share aimed at: the target plus the adjustment (null without a target). */
  targetShare?: Maybe<Scalars['Float']['output']>;
  threshold: Scalars['Float']['output'];
};

export type RoutingOverride =
  | 'AUTO'
  | 'CHEAP'
  | 'STRONG';

export type RoutingStrategy =
  | 'CLASSIFIER'
  | 'FIXED_CHEAP'
  | 'FIXED_STRONG'
  | 'HEURISTIC';

export type RunAgentEvent = RunDelta | RunFinished | RunToolCall;

export type RunAgentInput = {
  /** Agent slug or id. */
  agent: Scalars['String']['input'];
  cache?: InputMaybe<CacheMode>;
  /** Earlier turns, oldest first; long histories are compressed. */
  history?: InputMaybe<Array<ChatMessageInput>>;
  /**
   * 1 to 255 characters, scoped to the tenant and the acting user. A retry with the same key and the
   * same input within 24 hours answers the first call's result and run id, charged once; the same key
   * with another input is BAD_USER_INPUT; a retry while the first is running waits a little, then
   * answers CONFLICT with retryAfterSeconds. Refusals are not replayed.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  maxOutputTokens?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 100,000 characters. */
  message: Scalars['String']['input'];
  routing?: InputMaybe<RoutingOverride>;
  /** Service keys only: the user to act for. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Every member carries the run record: a refused or failed call is a run too. */
export type RunAgentResult = AgentRunCompleted | BudgetExceeded | ProviderUnavailable | RunLimitExceeded;

/** One call of a run. */
export type RunCall = {
  __typename?: 'RunCall';
  at: Scalars['DateTime']['output'];
  costUsd: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  model?: Maybe<Model>;
  status: RunStatus;
  toolCalls: Scalars['Int']['output'];
  usage: TokenUsage;
};

export type RunDelta = {
  __typename?: 'RunDelta';
  text: Scalars['String']['output'];
};

export type RunFinished = {
  __typename?: 'RunFinished';
  result: RunAgentResult;
};

export type RunLimitExceeded = UserError & {
  __typename?: 'RunLimitExceeded';
  code: Scalars['String']['output'];
  kind: RunLimitKind;
  message: Scalars['String']['output'];
  partialOutput?: Maybe<Scalars['String']['output']>;
  run: AgentRun;
};

export type RunLimitKind =
  | 'COST'
  | 'DURATION'
  | 'TOKENS'
  | 'TOOL_CALLS';

export type RunLimits = {
  __typename?: 'RunLimits';
  maxCostPerRunUsd: Scalars['Float']['output'];
  maxDurationSeconds: Scalars['Int']['output'];
  maxTokensPerRun: Scalars['Int']['output'];
  maxToolCalls: Scalars['Int']['output'];
};

export type RunOutcomeCount = {
  __typename?: 'RunOutcomeCount';
  runs: Scalars['Int']['output'];
  status: RunStatus;
};

export type RunRating =
  | 'BAD'
  | 'GOOD';

export type RunStatus =
  | 'BUDGET_EXCEEDED'
  | 'CACHED'
  /** The caller went away mid-run (a stream it stopped reading); what was generated was charged. */
  | 'CANCELED'
  | 'COMPLETED'
  | 'FAILED'
  | 'RUN_LIMIT';

export type RunToolCall = {
  __typename?: 'RunToolCall';
  /** The call's arguments, as JSON text. */
  arguments: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type Session = {
  __typename?: 'Session';
  expiresAt: Scalars['DateTime']['output'];
  /** Shown once: only its hash is stored. */
  token: Scalars['String']['output'];
};

export type SetModelPriceInput = {
  cachedInputPricePerMTokUsd?: InputMaybe<Scalars['Float']['input']>;
  inputPricePerMTokUsd: Scalars['Float']['input'];
  modelId: Scalars['ID']['input'];
  outputPricePerMTokUsd: Scalars['Float']['input'];
};

export type SetUserBudgetInput = {
  dailyTokenLimit?: InputMaybe<Scalars['Int']['input']>;
  monthlyTokenLimit?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};

/** A completion Governor made on a run's behalf, charged to it. */
export type SideCall = {
  __typename?: 'SideCall';
  costUsd: Scalars['Float']['output'];
  kind: SideCallKind;
  model?: Maybe<Model>;
  usage: TokenUsage;
};

export type SideCallKind =
  | 'CLASSIFIER'
  | 'SUMMARY';

export type SpendWindow = {
  __typename?: 'SpendWindow';
  limitUsd: Scalars['Float']['output'];
  remainingUsd: Scalars['Float']['output'];
  reservedUsd: Scalars['Float']['output'];
  resetsAt: Scalars['DateTime']['output'];
  usedUsd: Scalars['Float']['output'];
};

export type StartUpgradeResult = BillingUnavailable | UpgradeApplied | UpgradeCheckout | UpgradePending;

/**
 * Streams, over the GraphQL-over-SSE protocol at /graphql/stream (POST, the Authorization header;
 * one operation per connection). Queries and mutations go to /graphql.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Runs an agent as runAgent does, streaming: text as the model writes it (RunDelta), the tools it
   * calls (RunToolCall), then the outcome (RunFinished, the same union runAgent answers). A
   * subscriber that goes away stops the run; what was generated is charged.
   */
  runAgentEvents: RunAgentEvent;
};


/**
 * Streams, over the GraphQL-over-SSE protocol at /graphql/stream (POST, the Authorization header;
 * one operation per connection). Queries and mutations go to /graphql.
 */
export type SubscriptionRunAgentEventsArgs = {
  input: RunAgentInput;
};

export type Tenant = {
  __typename?: 'Tenant';
  alertThresholds: AlertThresholds;
  alertWebhookUrl?: Maybe<Scalars['String']['output']>;
  billingStatus: BillingStatus;
  createdAt: Scalars['DateTime']['output'];
  /** The end of the paid period. */
  currentPeriodEnd?: Maybe<Scalars['DateTime']['output']>;
  /** PAST_DUE: until when the paid limits hold. */
  graceEndsAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** A downgrade that takes effect at currentPeriodEnd. */
  pendingPlan?: Maybe<Plan>;
  /** The plan whose limits apply now (the free plan's once a grace period has run out). */
  plan: Plan;
  slug: Scalars['String']['output'];
  /** ADMIN+: this UTC month against the plan's limits, its savings, and where its spend is heading. */
  usageSummary: UsageSummary;
};

export type ThresholdSource =
  | 'CALIBRATED'
  | 'DEFAULT'
  | 'FIXED';

export type TokenUsage = {
  __typename?: 'TokenUsage';
  cachedInputTokens: Scalars['Int']['output'];
  inputTokens: Scalars['Int']['output'];
  outputTokens: Scalars['Int']['output'];
  totalTokens: Scalars['Int']['output'];
};

export type UpdateAgentInput = {
  adaptiveRouting?: InputMaybe<Scalars['Boolean']['input']>;
  cacheScope?: InputMaybe<CacheScope>;
  cacheTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
  cheapModel?: InputMaybe<Scalars['ID']['input']>;
  contextTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  instructions?: InputMaybe<Scalars['String']['input']>;
  localModel?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  routing?: InputMaybe<RoutingStrategy>;
  routingThreshold?: InputMaybe<Scalars['Float']['input']>;
  storeTranscripts?: InputMaybe<Scalars['Boolean']['input']>;
  strongModel?: InputMaybe<Scalars['ID']['input']>;
  strongShareTarget?: InputMaybe<Scalars['Float']['input']>;
  tools?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateTenantInput = {
  alertThresholds?: InputMaybe<AlertThresholdsInput>;
  /** An http(s) URL that receives alerts; an empty string removes it. */
  alertWebhookUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUserInput = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  status?: InputMaybe<UserStatus>;
};

/** The change is made: the new limits apply now (or, for a downgrade, at the period's end). */
export type UpgradeApplied = {
  __typename?: 'UpgradeApplied';
  tenant: Tenant;
};

/** Send the customer to this Stripe Checkout page; the new limits apply when Stripe confirms payment. */
export type UpgradeCheckout = {
  __typename?: 'UpgradeCheckout';
  url: Scalars['String']['output'];
};

/** The customer must act (3-D Secure, a declined card) on this invoice page; nothing changes until it is paid. */
export type UpgradePending = {
  __typename?: 'UpgradePending';
  url: Scalars['String']['output'];
};

export type UsageDimension =
  | 'AGENT'
  /** The UTC day. */
  | 'DAY'
  | 'MODEL'
  /** The tier of the model the tokens were spent on. */
  | 'TIER'
  | 'USER';

/**
 * One group of a usage report: the keys of the dimensions asked for (the others are null), and its
 * sums. A run's tokens and cost include its side calls; sideCallTokens is that part.
 */
export type UsageRow = {
  __typename?: 'UsageRow';
  agent?: Maybe<Agent>;
  badRatings: Scalars['Int']['output'];
  cacheHits: Scalars['Int']['output'];
  /** What the cached answers would have cost to generate again. */
  cacheSavedCostUsd: Scalars['Float']['output'];
  cachedInputTokens: Scalars['SafeInt']['output'];
  costUsd: Scalars['Float']['output'];
  day?: Maybe<Scalars['DateTime']['output']>;
  /** Ratings (rateRun) of the group's runs, by the run's day, user, model, agent and tier. */
  goodRatings: Scalars['Int']['output'];
  inputTokens: Scalars['SafeInt']['output'];
  model?: Maybe<Model>;
  outputTokens: Scalars['SafeInt']['output'];
  /**
   * What the runs the router itself sent to a cheaper model would have cost on the agent's strong
   * model, minus what they cost (not a caller's pin, a fixed agent, a plan without the strong tier,
   * a budget downgrade or a cache hit).
   */
  routingSavedCostUsd: Scalars['Float']['output'];
  /** Runs that spent tokens or were answered from the cache, each in the group of its first call's first line. */
  runs: Scalars['Int']['output'];
  /** cacheSavedCostUsd + routingSavedCostUsd. */
  savedCostUsd: Scalars['Float']['output'];
  /** Tokens of the classifier and history-summary calls made for the runs. */
  sideCallTokens: Scalars['SafeInt']['output'];
  /** The share of the group's model runs that ran on a STRONG model (null: none ran on a model). */
  strongShare?: Maybe<Scalars['Float']['output']>;
  tier?: Maybe<ModelTier>;
  user?: Maybe<User>;
};

export type UsageSummary = {
  __typename?: 'UsageSummary';
  cacheSavedCostUsd: Scalars['Float']['output'];
  /**
   * The month's end spend at the current rate: spent so far, plus the daily rate since the start of
   * the seventh day before today (or of the month, when later) times the days left.
   */
  forecastSpendUsd: Scalars['Float']['output'];
  /** The start of this UTC month. */
  periodStart: Scalars['DateTime']['output'];
  routingSavedCostUsd: Scalars['Float']['output'];
  spendLimitUsd: Scalars['Float']['output'];
  spendUsd: Scalars['Float']['output'];
  tokenLimit: Scalars['Int']['output'];
  /** This month's tokens (a month's pool fits an Int; the reports' sums over a year use SafeInt). */
  tokens: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  /** Limits set for this user in place of the plan's; null where the plan's apply. */
  budgetOverride?: Maybe<BudgetOverride>;
  budgetStatus: BudgetStatus;
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  role: Role;
  status: UserStatus;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** Shared by the members that report why a run did not complete. */
export type UserError = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type UserFilter = {
  emailContains?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  status?: InputMaybe<UserStatus>;
};

export type UserOrder =
  /**
   * The users closest to a budget limit first: by the larger of today's and this month's share of
   * their limits used (from the ledger), then by id. A page follows the order as it stands when it is read.
   */
  | 'CLOSEST_TO_LIMIT'
  /** Oldest first. */
  | 'ID';

export type UserStatus =
  | 'ACTIVE'
  | 'DISABLED';

export type Viewer = {
  __typename?: 'Viewer';
  apiKey: ApiKey;
  tenant: Tenant;
  user?: Maybe<User>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  RunAgentEvent:
    | ( RunDelta )
    | ( Omit<RunFinished, 'result'> & { result: _RefType['RunAgentResult'] } )
    | ( RunToolCall )
  ;
  RunAgentResult:
    | ( Omit<AgentRunCompleted, 'run'> & { run: _RefType['AgentRun'] } )
    | ( Omit<BudgetExceeded, 'run' | 'upgradeOptions'> & { run: _RefType['AgentRun'], upgradeOptions: Array<_RefType['Plan']> } )
    | ( Omit<ProviderUnavailable, 'run'> & { run: _RefType['AgentRun'] } )
    | ( Omit<RunLimitExceeded, 'run'> & { run: _RefType['AgentRun'] } )
  ;
  StartUpgradeResult:
    | ( BillingUnavailable )
    | ( Omit<UpgradeApplied, 'tenant'> & { tenant: _RefType['Tenant'] } )
    | ( UpgradeCheckout )
    | ( UpgradePending )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( Omit<BudgetExceeded, 'run' | 'upgradeOptions'> & { run: _RefType['AgentRun'], upgradeOptions: Array<_RefType['Plan']> } )
    | ( Omit<ProviderUnavailable, 'run'> & { run: _RefType['AgentRun'] } )
    | ( Omit<RunLimitExceeded, 'run'> & { run: _RefType['AgentRun'] } )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agent: ResolverTypeWrapper<AgentRow>;
  AgentRun: ResolverTypeWrapper<RunRecord>;
  AgentRunCompleted: ResolverTypeWrapper<Omit<AgentRunCompleted, 'run'> & { run: ResolversTypes['AgentRun'] }>;
  AgentRunConnection: ResolverTypeWrapper<Omit<AgentRunConnection, 'edges'> & { edges: Array<ResolversTypes['AgentRunEdge']> }>;
  AgentRunEdge: ResolverTypeWrapper<Omit<AgentRunEdge, 'node'> & { node: ResolversTypes['AgentRun'] }>;
  AgentRunFilter: AgentRunFilter;
  Alert: ResolverTypeWrapper<AlertRow>;
  AlertConnection: ResolverTypeWrapper<Omit<AlertConnection, 'edges'> & { edges: Array<ResolversTypes['AlertEdge']> }>;
  AlertDeliveryStatus: AlertDeliveryStatus;
  AlertEdge: ResolverTypeWrapper<Omit<AlertEdge, 'node'> & { node: ResolversTypes['Alert'] }>;
  AlertKind: AlertKind;
  AlertSigningSecret: ResolverTypeWrapper<AlertSigningSecret>;
  AlertStatus: AlertStatus;
  AlertThresholds: ResolverTypeWrapper<AlertThresholds>;
  AlertThresholdsInput: AlertThresholdsInput;
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  ApiKeyConnection: ResolverTypeWrapper<Omit<ApiKeyConnection, 'edges'> & { edges: Array<ResolversTypes['ApiKeyEdge']> }>;
  ApiKeyEdge: ResolverTypeWrapper<Omit<ApiKeyEdge, 'node'> & { node: ResolversTypes['ApiKey'] }>;
  ApiKeyKind: ApiKeyKind;
  BillingPortalSession: ResolverTypeWrapper<BillingPortalSession>;
  BillingStatus: BillingStatus;
  BillingUnavailable: ResolverTypeWrapper<BillingUnavailable>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BudgetExceeded: ResolverTypeWrapper<Omit<BudgetExceeded, 'run' | 'upgradeOptions'> & { run: ResolversTypes['AgentRun'], upgradeOptions: Array<ResolversTypes['Plan']> }>;
  BudgetOverride: ResolverTypeWrapper<BudgetOverride>;
  BudgetStatus: ResolverTypeWrapper<BudgetStatusView>;
  BudgetUnit: BudgetUnit;
  BudgetWindow: ResolverTypeWrapper<BudgetWindow>;
  BudgetWindowKind: BudgetWindowKind;
  CacheMode: CacheMode;
  CacheScope: CacheScope;
  ChatMessageInput: ChatMessageInput;
  ChatRole: ChatRole;
  Complexity: Complexity;
  CreateAgentInput: CreateAgentInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<CreatedApiKey>;
  CreateTenantInput: CreateTenantInput;
  CreateTenantPayload: ResolverTypeWrapper<CreatedTenant>;
  CreateUserInput: CreateUserInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Degradation: Degradation;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Model: ResolverTypeWrapper<ModelRow>;
  ModelTier: ModelTier;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Plan: ResolverTypeWrapper<PlanRow>;
  ProviderUnavailable: ResolverTypeWrapper<Omit<ProviderUnavailable, 'run'> & { run: ResolversTypes['AgentRun'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateRunInput: RateRunInput;
  Role: Role;
  RouteDecision: ResolverTypeWrapper<RouteDecision>;
  RoutePreview: ResolverTypeWrapper<RoutePreviewView>;
  RoutingAdjustment: ResolverTypeWrapper<RoutingAdjustmentRow>;
  RoutingCalibration: ResolverTypeWrapper<RoutingCalibration>;
  RoutingOverride: RoutingOverride;
  RoutingStrategy: RoutingStrategy;
  RunAgentEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RunAgentEvent']>;
  RunAgentInput: RunAgentInput;
  RunAgentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RunAgentResult']>;
  RunCall: ResolverTypeWrapper<Omit<RunCall, 'model'> & { model?: Maybe<ResolversTypes['Model']> }>;
  RunDelta: ResolverTypeWrapper<RunDelta>;
  RunFinished: ResolverTypeWrapper<Omit<RunFinished, 'result'> & { result: ResolversTypes['RunAgentResult'] }>;
  RunLimitExceeded: ResolverTypeWrapper<Omit<RunLimitExceeded, 'run'> & { run: ResolversTypes['AgentRun'] }>;
  RunLimitKind: RunLimitKind;
  RunLimits: ResolverTypeWrapper<RunLimits>;
  RunOutcomeCount: ResolverTypeWrapper<RunOutcomeCount>;
  RunRating: RunRating;
  RunStatus: RunStatus;
  RunToolCall: ResolverTypeWrapper<RunToolCall>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  Session: ResolverTypeWrapper<Session>;
  SetModelPriceInput: SetModelPriceInput;
  SetUserBudgetInput: SetUserBudgetInput;
  SideCall: ResolverTypeWrapper<Omit<SideCall, 'model'> & { model?: Maybe<ResolversTypes['Model']> }>;
  SideCallKind: SideCallKind;
  SpendWindow: ResolverTypeWrapper<SpendWindow>;
  StartUpgradeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StartUpgradeResult']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantRow>;
  ThresholdSource: ThresholdSource;
  TokenUsage: ResolverTypeWrapper<TokenUsage>;
  UpdateAgentInput: UpdateAgentInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateUserInput: UpdateUserInput;
  UpgradeApplied: ResolverTypeWrapper<Omit<UpgradeApplied, 'tenant'> & { tenant: ResolversTypes['Tenant'] }>;
  UpgradeCheckout: ResolverTypeWrapper<UpgradeCheckout>;
  UpgradePending: ResolverTypeWrapper<UpgradePending>;
  UsageDimension: UsageDimension;
  UsageRow: ResolverTypeWrapper<UsageGroup>;
  UsageSummary: ResolverTypeWrapper<UsageSummaryView>;
  User: ResolverTypeWrapper<UserRow>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  UserFilter: UserFilter;
  UserOrder: UserOrder;
  UserStatus: UserStatus;
  Viewer: ResolverTypeWrapper<ViewerParent>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Agent: AgentRow;
  AgentRun: RunRecord;
  AgentRunCompleted: Omit<AgentRunCompleted, 'run'> & { run: ResolversParentTypes['AgentRun'] };
  AgentRunConnection: Omit<AgentRunConnection, 'edges'> & { edges: Array<ResolversParentTypes['AgentRunEdge']> };
  AgentRunEdge: Omit<AgentRunEdge, 'node'> & { node: ResolversParentTypes['AgentRun'] };
  AgentRunFilter: AgentRunFilter;
  Alert: AlertRow;
  AlertConnection: Omit<AlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['AlertEdge']> };
  AlertEdge: Omit<AlertEdge, 'node'> & { node: ResolversParentTypes['Alert'] };
  AlertSigningSecret: AlertSigningSecret;
  AlertThresholds: AlertThresholds;
  AlertThresholdsInput: AlertThresholdsInput;
  ApiKey: ApiKeyRow;
  ApiKeyConnection: Omit<ApiKeyConnection, 'edges'> & { edges: Array<ResolversParentTypes['ApiKeyEdge']> };
  ApiKeyEdge: Omit<ApiKeyEdge, 'node'> & { node: ResolversParentTypes['ApiKey'] };
  BillingPortalSession: BillingPortalSession;
  BillingUnavailable: BillingUnavailable;
  Boolean: Scalars['Boolean']['output'];
  BudgetExceeded: Omit<BudgetExceeded, 'run' | 'upgradeOptions'> & { run: ResolversParentTypes['AgentRun'], upgradeOptions: Array<ResolversParentTypes['Plan']> };
  BudgetOverride: BudgetOverride;
  BudgetStatus: BudgetStatusView;
  BudgetWindow: BudgetWindow;
  ChatMessageInput: ChatMessageInput;
  CreateAgentInput: CreateAgentInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: CreatedApiKey;
  CreateTenantInput: CreateTenantInput;
  CreateTenantPayload: CreatedTenant;
  CreateUserInput: CreateUserInput;
  DateTime: Scalars['DateTime']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Model: ModelRow;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Plan: PlanRow;
  ProviderUnavailable: Omit<ProviderUnavailable, 'run'> & { run: ResolversParentTypes['AgentRun'] };
  Query: Record<PropertyKey, never>;
  RateRunInput: RateRunInput;
  RouteDecision: RouteDecision;
  RoutePreview: RoutePreviewView;
  RoutingAdjustment: RoutingAdjustmentRow;
  RoutingCalibration: RoutingCalibration;
  RunAgentEvent: ResolversUnionTypes<ResolversParentTypes>['RunAgentEvent'];
  RunAgentInput: RunAgentInput;
  RunAgentResult: ResolversUnionTypes<ResolversParentTypes>['RunAgentResult'];
  RunCall: Omit<RunCall, 'model'> & { model?: Maybe<ResolversParentTypes['Model']> };
  RunDelta: RunDelta;
  RunFinished: Omit<RunFinished, 'result'> & { result: ResolversParentTypes['RunAgentResult'] };
  RunLimitExceeded: Omit<RunLimitExceeded, 'run'> & { run: ResolversParentTypes['AgentRun'] };
  RunLimits: RunLimits;
  RunOutcomeCount: RunOutcomeCount;
  RunToolCall: RunToolCall;
  SafeInt: Scalars['SafeInt']['output'];
  Session: Session;
  SetModelPriceInput: SetModelPriceInput;
  SetUserBudgetInput: SetUserBudgetInput;
  SideCall: Omit<SideCall, 'model'> & { model?: Maybe<ResolversParentTypes['Model']> };
  SpendWindow: SpendWindow;
  StartUpgradeResult: ResolversUnionTypes<ResolversParentTypes>['StartUpgradeResult'];
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantRow;
  TokenUsage: TokenUsage;
  UpdateAgentInput: UpdateAgentInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateUserInput: UpdateUserInput;
  UpgradeApplied: Omit<UpgradeApplied, 'tenant'> & { tenant: ResolversParentTypes['Tenant'] };
  UpgradeCheckout: UpgradeCheckout;
  UpgradePending: UpgradePending;
  UsageRow: UsageGroup;
  UsageSummary: UsageSummaryView;
  User: UserRow;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  UserFilter: UserFilter;
  Viewer: ViewerParent;
};

export type AgentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent']> = {
  adaptiveRouting?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cacheScope?: Resolver<ResolversTypes['CacheScope'], ParentType, ContextType>;
  cacheTtlSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cheapModel?: Resolver<ResolversTypes['Model'], ParentType, ContextType>;
  contextTokenBudget?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instructions?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  localModel?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routing?: Resolver<ResolversTypes['RoutingStrategy'], ParentType, ContextType>;
  routingAdjustment?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  routingAdjustments?: Resolver<Array<ResolversTypes['RoutingAdjustment']>, ParentType, ContextType, RequireFields<AgentRoutingAdjustmentsArgs, 'first'>>;
  routingCalibration?: Resolver<ResolversTypes['RoutingCalibration'], ParentType, ContextType>;
  routingThreshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  storeTranscripts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  strongModel?: Resolver<ResolversTypes['Model'], ParentType, ContextType>;
  strongShareTarget?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tools?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgentRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentRun'] = ResolversParentTypes['AgentRun']> = {
  agent?: Resolver<ResolversTypes['Agent'], ParentType, ContextType>;
  cached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  calls?: Resolver<Array<ResolversTypes['RunCall']>, ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  degradations?: Resolver<Array<ResolversTypes['Degradation']>, ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endUser?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['RunRating']>, ParentType, ContextType>;
  ratingComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  route?: Resolver<ResolversTypes['RouteDecision'], ParentType, ContextType>;
  savedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sideCalls?: Resolver<Array<ResolversTypes['SideCall']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  toolCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['TokenUsage'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type AgentRunCompletedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentRunCompleted'] = ResolversParentTypes['AgentRunCompleted']> = {
  output?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgentRunConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentRunConnection'] = ResolversParentTypes['AgentRunConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AgentRunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AgentRunEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentRunEdge'] = ResolversParentTypes['AgentRunEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType>;
};

export type AlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveryError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deliveryStatus?: Resolver<ResolversTypes['AlertDeliveryStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['AgentRun']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AlertStatus'], ParentType, ContextType>;
  subjectUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AlertConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertConnection'] = ResolversParentTypes['AlertConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AlertEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertEdge'] = ResolversParentTypes['AlertEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
};

export type AlertSigningSecretResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertSigningSecret'] = ResolversParentTypes['AlertSigningSecret']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AlertThresholdsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertThresholds'] = ResolversParentTypes['AlertThresholds']> = {
  dailySpendMultiplier?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  runCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  userBudgetSharePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ApiKeyKind'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type ApiKeyConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeyConnection'] = ResolversParentTypes['ApiKeyConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ApiKeyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ApiKeyEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeyEdge'] = ResolversParentTypes['ApiKeyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
};

export type BillingPortalSessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingPortalSession'] = ResolversParentTypes['BillingPortalSession']> = {
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BillingUnavailableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingUnavailable'] = ResolversParentTypes['BillingUnavailable']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BudgetExceededResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetExceeded'] = ResolversParentTypes['BudgetExceeded']> = {
  canUpgrade?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partialOutput?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resetsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['BudgetUnit'], ParentType, ContextType>;
  upgradeOptions?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  window?: Resolver<ResolversTypes['BudgetWindowKind'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BudgetOverrideResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetOverride'] = ResolversParentTypes['BudgetOverride']> = {
  dailyTokenLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  monthlyTokenLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type BudgetStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetStatus'] = ResolversParentTypes['BudgetStatus']> = {
  daily?: Resolver<ResolversTypes['BudgetWindow'], ParentType, ContextType>;
  monthly?: Resolver<ResolversTypes['BudgetWindow'], ParentType, ContextType>;
  tenantMonthly?: Resolver<ResolversTypes['BudgetWindow'], ParentType, ContextType>;
  tenantSpend?: Resolver<ResolversTypes['SpendWindow'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type BudgetWindowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetWindow'] = ResolversParentTypes['BudgetWindow']> = {
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resetsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CreateApiKeyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreateTenantPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateTenantPayload'] = ResolversParentTypes['CreateTenantPayload']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ModelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model']> = {
  cachedInputPricePerMTokUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  contextWindow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputPricePerMTokUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outputPricePerMTokUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['ModelTier'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationAcknowledgeAlertArgs, 'id'>>;
  archiveAgent?: Resolver<ResolversTypes['Agent'], ParentType, ContextType, RequireFields<MutationArchiveAgentArgs, 'id'>>;
  createAgent?: Resolver<ResolversTypes['Agent'], ParentType, ContextType, RequireFields<MutationCreateAgentArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createTenant?: Resolver<ResolversTypes['CreateTenantPayload'], ParentType, ContextType, RequireFields<MutationCreateTenantArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  endSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  openBillingPortal?: Resolver<ResolversTypes['BillingPortalSession'], ParentType, ContextType>;
  rateRun?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType, RequireFields<MutationRateRunArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateAlertSigningSecret?: Resolver<ResolversTypes['AlertSigningSecret'], ParentType, ContextType>;
  runAgent?: Resolver<ResolversTypes['RunAgentResult'], ParentType, ContextType, RequireFields<MutationRunAgentArgs, 'input'>>;
  setModelPrice?: Resolver<ResolversTypes['Model'], ParentType, ContextType, RequireFields<MutationSetModelPriceArgs, 'input'>>;
  setPlanStripePrice?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<MutationSetPlanStripePriceArgs, 'planKey'>>;
  setUserBudget?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetUserBudgetArgs, 'input'>>;
  startSession?: Resolver<ResolversTypes['Session'], ParentType, ContextType>;
  startUpgrade?: Resolver<ResolversTypes['StartUpgradeResult'], ParentType, ContextType, RequireFields<MutationStartUpgradeArgs, 'planKey'>>;
  testAlertWebhook?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
  updateAgent?: Resolver<ResolversTypes['Agent'], ParentType, ContextType, RequireFields<MutationUpdateAgentArgs, 'input'>>;
  updateTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationUpdateTenantArgs, 'input'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = {
  allowedModelTiers?: Resolver<Array<ResolversTypes['ModelTier']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  monthlyPriceUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runLimits?: Resolver<ResolversTypes['RunLimits'], ParentType, ContextType>;
  stripePriceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenantMonthlySpendLimitUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tenantMonthlyTokenLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userDailyTokenLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userMonthlyTokenLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProviderUnavailableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProviderUnavailable'] = ResolversParentTypes['ProviderUnavailable']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType, RequireFields<QueryAgentArgs, 'idOrSlug'>>;
  agentRuns?: Resolver<ResolversTypes['AgentRunConnection'], ParentType, ContextType, Partial<QueryAgentRunsArgs>>;
  agents?: Resolver<Array<ResolversTypes['Agent']>, ParentType, ContextType, RequireFields<QueryAgentsArgs, 'includeArchived'>>;
  alerts?: Resolver<ResolversTypes['AlertConnection'], ParentType, ContextType, Partial<QueryAlertsArgs>>;
  apiKeys?: Resolver<ResolversTypes['ApiKeyConnection'], ParentType, ContextType, Partial<QueryApiKeysArgs>>;
  budgetStatus?: Resolver<ResolversTypes['BudgetStatus'], ParentType, ContextType, Partial<QueryBudgetStatusArgs>>;
  models?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  routePreview?: Resolver<ResolversTypes['RoutePreview'], ParentType, ContextType, RequireFields<QueryRoutePreviewArgs, 'agent' | 'message'>>;
  runOutcomes?: Resolver<Array<ResolversTypes['RunOutcomeCount']>, ParentType, ContextType, RequireFields<QueryRunOutcomesArgs, 'from' | 'to'>>;
  usage?: Resolver<Array<ResolversTypes['UsageRow']>, ParentType, ContextType, RequireFields<QueryUsageArgs, 'from' | 'groupBy' | 'to'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'orderBy'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type RouteDecisionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RouteDecision'] = ResolversParentTypes['RouteDecision']> = {
  complexity?: Resolver<ResolversTypes['Complexity'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['RoutingStrategy'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['ModelTier'], ParentType, ContextType>;
};

export type RoutePreviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutePreview'] = ResolversParentTypes['RoutePreview']> = {
  decision?: Resolver<ResolversTypes['RouteDecision'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['Model'], ParentType, ContextType>;
  wouldConsultClassifier?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RoutingAdjustmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutingAdjustment'] = ResolversParentTypes['RoutingAdjustment']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type RoutingCalibrationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutingCalibration'] = ResolversParentTypes['RoutingCalibration']> = {
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ThresholdSource'], ParentType, ContextType>;
  targetShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type RunAgentEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunAgentEvent'] = ResolversParentTypes['RunAgentEvent']> = {
  __resolveType: TypeResolveFn<'RunDelta' | 'RunFinished' | 'RunToolCall', ParentType, ContextType>;
};

export type RunAgentResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunAgentResult'] = ResolversParentTypes['RunAgentResult']> = {
  __resolveType: TypeResolveFn<'AgentRunCompleted' | 'BudgetExceeded' | 'ProviderUnavailable' | 'RunLimitExceeded', ParentType, ContextType>;
};

export type RunCallResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunCall'] = ResolversParentTypes['RunCall']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  toolCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['TokenUsage'], ParentType, ContextType>;
};

export type RunDeltaResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunDelta'] = ResolversParentTypes['RunDelta']> = {
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunFinishedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunFinished'] = ResolversParentTypes['RunFinished']> = {
  result?: Resolver<ResolversTypes['RunAgentResult'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunLimitExceededResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunLimitExceeded'] = ResolversParentTypes['RunLimitExceeded']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RunLimitKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partialOutput?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  run?: Resolver<ResolversTypes['AgentRun'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunLimitsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunLimits'] = ResolversParentTypes['RunLimits']> = {
  maxCostPerRunUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxTokensPerRun?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxToolCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RunOutcomeCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunOutcomeCount'] = ResolversParentTypes['RunOutcomeCount']> = {
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
};

export type RunToolCallResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunToolCall'] = ResolversParentTypes['RunToolCall']> = {
  arguments?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SideCallResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SideCall'] = ResolversParentTypes['SideCall']> = {
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SideCallKind'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['TokenUsage'], ParentType, ContextType>;
};

export type SpendWindowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SpendWindow'] = ResolversParentTypes['SpendWindow']> = {
  limitUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  remainingUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reservedUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  resetsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usedUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type StartUpgradeResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StartUpgradeResult'] = ResolversParentTypes['StartUpgradeResult']> = {
  __resolveType: TypeResolveFn<'BillingUnavailable' | 'UpgradeApplied' | 'UpgradeCheckout' | 'UpgradePending', ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  runAgentEvents?: SubscriptionResolver<ResolversTypes['RunAgentEvent'], "runAgentEvents", ParentType, ContextType, RequireFields<SubscriptionRunAgentEventsArgs, 'input'>>;
};

export type TenantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant']> = {
  alertThresholds?: Resolver<ResolversTypes['AlertThresholds'], ParentType, ContextType>;
  alertWebhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  billingStatus?: Resolver<ResolversTypes['BillingStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentPeriodEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  graceEndsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pendingPlan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usageSummary?: Resolver<ResolversTypes['UsageSummary'], ParentType, ContextType>;
};

export type TokenUsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TokenUsage'] = ResolversParentTypes['TokenUsage']> = {
  cachedInputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UpgradeAppliedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpgradeApplied'] = ResolversParentTypes['UpgradeApplied']> = {
  tenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UpgradeCheckoutResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpgradeCheckout'] = ResolversParentTypes['UpgradeCheckout']> = {
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UpgradePendingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpgradePending'] = ResolversParentTypes['UpgradePending']> = {
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UsageRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UsageRow'] = ResolversParentTypes['UsageRow']> = {
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  badRatings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cacheHits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cacheSavedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cachedInputTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  day?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  goodRatings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inputTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  routingSavedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  savedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sideCallTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  strongShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['ModelTier']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type UsageSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UsageSummary'] = ResolversParentTypes['UsageSummary']> = {
  cacheSavedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  forecastSpendUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  routingSavedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  spendLimitUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  spendUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokenLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  budgetOverride?: Resolver<Maybe<ResolversTypes['BudgetOverride']>, ParentType, ContextType>;
  budgetStatus?: Resolver<ResolversTypes['BudgetStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType: TypeResolveFn<'BudgetExceeded' | 'ProviderUnavailable' | 'RunLimitExceeded', ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Agent?: AgentResolvers<ContextType>;
  AgentRun?: AgentRunResolvers<ContextType>;
  AgentRunCompleted?: AgentRunCompletedResolvers<ContextType>;
  AgentRunConnection?: AgentRunConnectionResolvers<ContextType>;
  AgentRunEdge?: AgentRunEdgeResolvers<ContextType>;
  Alert?: AlertResolvers<ContextType>;
  AlertConnection?: AlertConnectionResolvers<ContextType>;
  AlertEdge?: AlertEdgeResolvers<ContextType>;
  AlertSigningSecret?: AlertSigningSecretResolvers<ContextType>;
  AlertThresholds?: AlertThresholdsResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyConnection?: ApiKeyConnectionResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  BillingPortalSession?: BillingPortalSessionResolvers<ContextType>;
  BillingUnavailable?: BillingUnavailableResolvers<ContextType>;
  BudgetExceeded?: BudgetExceededResolvers<ContextType>;
  BudgetOverride?: BudgetOverrideResolvers<ContextType>;
  BudgetStatus?: BudgetStatusResolvers<ContextType>;
  BudgetWindow?: BudgetWindowResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  CreateTenantPayload?: CreateTenantPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Model?: ModelResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  ProviderUnavailable?: ProviderUnavailableResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RouteDecision?: RouteDecisionResolvers<ContextType>;
  RoutePreview?: RoutePreviewResolvers<ContextType>;
  RoutingAdjustment?: RoutingAdjustmentResolvers<ContextType>;
  RoutingCalibration?: RoutingCalibrationResolvers<ContextType>;
  RunAgentEvent?: RunAgentEventResolvers<ContextType>;
  RunAgentResult?: RunAgentResultResolvers<ContextType>;
  RunCall?: RunCallResolvers<ContextType>;
  RunDelta?: RunDeltaResolvers<ContextType>;
  RunFinished?: RunFinishedResolvers<ContextType>;
  RunLimitExceeded?: RunLimitExceededResolvers<ContextType>;
  RunLimits?: RunLimitsResolvers<ContextType>;
  RunOutcomeCount?: RunOutcomeCountResolvers<ContextType>;
  RunToolCall?: RunToolCallResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Session?: SessionResolvers<ContextType>;
  SideCall?: SideCallResolvers<ContextType>;
  SpendWindow?: SpendWindowResolvers<ContextType>;
  StartUpgradeResult?: StartUpgradeResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  TokenUsage?: TokenUsageResolvers<ContextType>;
  UpgradeApplied?: UpgradeAppliedResolvers<ContextType>;
  UpgradeCheckout?: UpgradeCheckoutResolvers<ContextType>;
  UpgradePending?: UpgradePendingResolvers<ContextType>;
  UsageRow?: UsageRowResolvers<ContextType>;
  UsageSummary?: UsageSummaryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

