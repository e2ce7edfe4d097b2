/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AgentFields on Agent {\n    id\n    slug\n    name\n    instructions\n    version\n    archived\n    routing\n    cheapModel {\n      id\n    }\n    strongModel {\n      id\n    }\n    localModel {\n      id\n      tier\n    }\n    cacheTtlSeconds\n    contextTokenBudget\n    tools\n    storeTranscripts\n  }\n": typeof types.AgentFieldsFragmentDoc,
    "\n  mutation AgentsCreate($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n": typeof types.AgentsCreateDocument,
    "\n  mutation AgentsUpdate($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n": typeof types.AgentsUpdateDocument,
    "\n  mutation AgentsArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      ...AgentFields\n    }\n  }\n": typeof types.AgentsArchiveDocument,
    "\n  query AgentsVersion($k: String!) {\n    agent(idOrSlug: $k) {\n      id\n      version\n    }\n  }\n": typeof types.AgentsVersionDocument,
    "\n  query AgentsArchived($k: String!) {\n    agent(idOrSlug: $k) {\n      archived\n    }\n  }\n": typeof types.AgentsArchivedDocument,
    "\n  query AgentsLists {\n    agents {\n      id\n    }\n    all: agents(includeArchived: true) {\n      id\n    }\n  }\n": typeof types.AgentsListsDocument,
    "\n  query AgentsTemp {\n    agent(idOrSlug: \"temp\") {\n      id\n    }\n  }\n": typeof types.AgentsTempDocument,
    "\n  query AgentsAssistant {\n    agent(idOrSlug: \"assistant\") {\n      slug\n    }\n  }\n": typeof types.AgentsAssistantDocument,
    "\n  mutation AnthropicAgent {\n    createAgent(\n      input: {\n        name: \"Claude\"\n        slug: \"claude\"\n        instructions: \"You are the Acme agent.\"\n        routing: FIXED_STRONG\n        cheapModel: \"anthropic/claude-haiku-4-5\"\n        strongModel: \"anthropic/claude-sonnet-4-5\"\n        cacheTtlSeconds: 0\n      }\n    ) {\n      id\n    }\n  }\n": typeof types.AnthropicAgentDocument,
    "\n  query AnthropicPrices {\n    models {\n      id\n      inputPricePerMTokUsd\n      outputPricePerMTokUsd\n      cachedInputPricePerMTokUsd\n    }\n  }\n": typeof types.AnthropicPricesDocument,
    "\n  query BreakersStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n      tenantSpend {\n        usedUsd\n        reservedUsd\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.BreakersStatusDocument,
    "\n  mutation BreakersBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1600 }) {\n      id\n    }\n  }\n": typeof types.BreakersBudgetDocument,
    "\n  mutation CacheScopeAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n      cacheScope\n    }\n  }\n": typeof types.CacheScopeAgentDocument,
    "\n  query ClassifierUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.ClassifierUsedDocument,
    "\n  query IdempotencySpent($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 100, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.IdempotencySpentDocument,
    "\n  mutation IdempotencySetBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.IdempotencySetBudgetDocument,
    "\n  mutation InvalidationAgent {\n    createAgent(input: { name: \"Short Lived\", slug: \"short-lived\", instructions: \"x\" }) {\n      id\n    }\n  }\n": typeof types.InvalidationAgentDocument,
    "\n  mutation InvalidationArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": typeof types.InvalidationArchiveDocument,
    "\n  mutation InvalidationBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n": typeof types.InvalidationBudgetDocument,
    "\n  mutation LadderBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n": typeof types.LadderBudgetDocument,
    "\n  query LadderUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.LadderUsedDocument,
    "\n  query PipelineErrorStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.PipelineErrorStatusDocument,
    "\n  query PipelineStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n": typeof types.PipelineStatusDocument,
    "\n  query PipelineLastRun {\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.PipelineLastRunDocument,
    "\n  mutation RateLimitServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.RateLimitServiceKeyDocument,
    "\n  query RateLimitRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.RateLimitRunsDocument,
    "\n  mutation RateLimitKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n": typeof types.RateLimitKeeperDocument,
    "\n  query ResponseCacheUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.ResponseCacheUsedDocument,
    "\n  query ResponseCacheAssistant {\n    agent(idOrSlug: \"assistant\") {\n      id\n    }\n  }\n": typeof types.ResponseCacheAssistantDocument,
    "\n  mutation ResponseCacheReinstruct($id: ID!) {\n    updateAgent(input: { id: $id, instructions: \"Be brief.\" }) {\n      version\n    }\n  }\n": typeof types.ResponseCacheReinstructDocument,
    "\n  mutation ResponseCacheTtl($id: ID!) {\n    updateAgent(input: { id: $id, cacheTtlSeconds: 60 }) {\n      id\n    }\n  }\n": typeof types.ResponseCacheTtlDocument,
    "\n  query PreviewOverUpstream($agent: String!, $message: String!) {\n    routePreview(agent: $agent, message: $message) {\n      decision {\n        tier\n        score\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n": typeof types.PreviewOverUpstreamDocument,
    "\n  query RoutingPreview($agent: String!, $message: String!, $history: [ChatMessageInput!]) {\n    routePreview(agent: $agent, message: $message, history: $history) {\n      decision {\n        strategy\n        complexity\n        confidence\n        reason\n        tier\n        score\n        threshold\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n": typeof types.RoutingPreviewDocument,
    "\n  query RoutingBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.RoutingBudgetDocument,
    "\n  fragment RoutingFields on Agent {\n    routingAdjustment\n    routingCalibration {\n      threshold\n      source\n      targetShare\n      samples\n    }\n    routingAdjustments {\n      from\n      to\n      reason\n    }\n  }\n": typeof types.RoutingFieldsFragmentDoc,
    "\n  mutation RoutingSetAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      routing\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n      ...RoutingFields\n    }\n  }\n": typeof types.RoutingSetAgentDocument,
    "\n  mutation RoutingCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n      slug\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n    }\n  }\n": typeof types.RoutingCreateAgentDocument,
    "\n  query RoutingAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      ...RoutingFields\n    }\n  }\n": typeof types.RoutingAgentDocument,
    "\n  mutation RoutingRate($input: RateRunInput!) {\n    rateRun(input: $input) {\n      id\n      rating\n      ratingComment\n    }\n  }\n": typeof types.RoutingRateDocument,
    "\n  query RoutingRuns($agent: ID) {\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          rating\n          ratingComment\n        }\n      }\n    }\n  }\n": typeof types.RoutingRunsDocument,
    "\n  query RoutingRatings($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: [TIER]) {\n      tier\n      runs\n      strongShare\n      goodRatings\n      badRatings\n    }\n  }\n": typeof types.RoutingRatingsDocument,
    "\n  query RoutingTotals($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: []) {\n      runs\n      goodRatings\n    }\n  }\n": typeof types.RoutingTotalsDocument,
    "\n  query RunAgentErrorRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n": typeof types.RunAgentErrorRunsDocument,
    "\n  mutation RunAgentErrorAgent {\n    createAgent(input: { name: \"Old\", instructions: \"x\" }) {\n      id\n    }\n  }\n": typeof types.RunAgentErrorAgentDocument,
    "\n  mutation RunAgentErrorArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": typeof types.RunAgentErrorArchiveDocument,
    "\n  mutation RunAgentErrorServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.RunAgentErrorServiceKeyDocument,
    "\n  mutation RunAgentErrorDisable($id: ID!) {\n    updateUser(input: { id: $id, status: DISABLED }) {\n      id\n    }\n  }\n": typeof types.RunAgentErrorDisableDocument,
    "\n  query RunAgentRead {\n    agentRuns(first: 5) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n      }\n      tenantSpend {\n        usedUsd\n      }\n    }\n  }\n": typeof types.RunAgentReadDocument,
    "\n  mutation RunAgentServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.RunAgentServiceKeyDocument,
    "\n  query RunAgentFiltered($f: AgentRunFilter) {\n    agentRuns(filter: $f) {\n      edges {\n        node {\n          status\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.RunAgentFilteredDocument,
    "\n  mutation TranscriptsKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n": typeof types.TranscriptsKeeperDocument,
    "\n  mutation ApiKeysCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysCreateDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysRevokeDocument,
    "\n  query ApiKeysViewer {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n      apiKey {\n        id\n        kind\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.ApiKeysViewerDocument,
    "\n  mutation ApiKeysServiceUser {\n    createUser(input: { email: \"svc-made@example.com\" }) {\n      id\n    }\n  }\n": typeof types.ApiKeysServiceUserDocument,
    "\n  query ApiKeysPrefixes {\n    apiKeys {\n      edges {\n        node {\n          id\n          prefix\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysPrefixesDocument,
    "\n  query ApiKeysLastUsed {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          lastUsedAt\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysLastUsedDocument,
    "\n  query ApiKeysTenantId {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.ApiKeysTenantIdDocument,
    "\n  mutation SessionsStart {\n    startSession {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SessionsStartDocument,
    "\n  mutation SessionsEnd {\n    endSession\n  }\n": typeof types.SessionsEndDocument,
    "\n  query SessionsViewer {\n    viewer {\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.SessionsViewerDocument,
    "\n  query SessionsUsers {\n    users(first: 5) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SessionsUsersDocument,
    "\n  query SessionsKeys {\n    apiKeys(first: 20) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.SessionsKeysDocument,
    "\n  mutation SessionsDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": typeof types.SessionsDisableDocument,
    "\n  mutation SessionsCreateKey {\n    createApiKey(input: { name: \"from a session\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.SessionsCreateKeyDocument,
    "\n  mutation SessionsRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": typeof types.SessionsRevokeDocument,
    "\n  mutation BillingServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.BillingServiceKeyDocument,
    "\n  mutation BillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n": typeof types.BillingPortalDocument,
    "\n  mutation BillingSetPrice($plan: String!, $price: String) {\n    setPlanStripePrice(planKey: $plan, stripePriceId: $price) {\n      key\n      stripePriceId\n    }\n  }\n": typeof types.BillingSetPriceDocument,
    "\n  mutation BudgetsSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.BudgetsSetDocument,
    "\n  query BudgetsDaily {\n    budgetStatus {\n      daily {\n        limit\n        used\n        reserved\n        remaining\n      }\n    }\n  }\n": typeof types.BudgetsDailyDocument,
    "\n  query ClosestToLimit($first: Int, $after: String) {\n    users(first: $first, after: $after, orderBy: CLOSEST_TO_LIMIT) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClosestToLimitDocument,
    "\n  mutation ClosestLimit($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.ClosestLimitDocument,
    "\n  query ClosestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n": typeof types.ClosestOutcomesDocument,
    "\n  query ClusterRuns {\n    agentRuns(first: 10) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.ClusterRunsDocument,
    "\n  mutation ClusterLimit($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n": typeof types.ClusterLimitDocument,
    "\n  mutation OwnerBudgetSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n": typeof types.OwnerBudgetSetDocument,
    "\n  mutation OwnerBudgetServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.OwnerBudgetServiceKeyDocument,
    "\n  query RedisDownStatus {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.RedisDownStatusDocument,
    "\n  mutation SetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n        monthlyTokenLimit\n      }\n      budgetStatus {\n        daily {\n          limit\n        }\n        monthly {\n          limit\n        }\n      }\n    }\n  }\n": typeof types.SetUserBudgetDocument,
    "\n  query SetUserBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      user {\n        id\n      }\n      daily {\n        limit\n        used\n        reserved\n        remaining\n        resetsAt\n      }\n      monthly {\n        limit\n        resetsAt\n      }\n      tenantMonthly {\n        limit\n      }\n      tenantSpend {\n        limitUsd\n        usedUsd\n        reservedUsd\n        remainingUsd\n        resetsAt\n      }\n    }\n  }\n": typeof types.SetUserBudgetStatusDocument,
    "\n  mutation SetUserBudgetServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.SetUserBudgetServiceKeyDocument,
    "\n  query SetUserBudgetUsers {\n    users {\n      edges {\n        node {\n          id\n          budgetStatus {\n            daily {\n              limit\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SetUserBudgetUsersDocument,
    "\n  query DashboardTestPeriod {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          tokens\n        }\n      }\n    }\n  }\n": typeof types.DashboardTestPeriodDocument,
    "\n  query DashboardTestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n": typeof types.DashboardTestOutcomesDocument,
    "\n  query DashboardTestBudget($u: ID!) {\n    budgetStatus(userId: $u) {\n      daily {\n        limit\n      }\n    }\n  }\n": typeof types.DashboardTestBudgetDocument,
    "\n  mutation DashboardTestRotate {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n": typeof types.DashboardTestRotateDocument,
    "\n  query DashboardTestAlerts($status: AlertStatus) {\n    alerts(first: 20, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n        }\n      }\n    }\n  }\n": typeof types.DashboardTestAlertsDocument,
    "\n  query DashboardTestMyBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.DashboardTestMyBudgetDocument,
    "\n  mutation DashboardTestAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n": typeof types.DashboardTestAgentDocument,
    "\n  query DataloaderRuns($first: Int) {\n    agentRuns(first: $first) {\n      edges {\n        node {\n          id\n          user {\n            id\n            email\n          }\n          agent {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": typeof types.DataloaderRunsDocument,
    "\n    query KnownAgent($slug: String!) {\n      agent(idOrSlug: $slug) {\n        id\n        slug\n        name\n      }\n    }\n  ": typeof types.KnownAgentDocument,
    "\n    query KnownAgents {\n      agents {\n        slug\n      }\n    }\n  ": typeof types.KnownAgentsDocument,
    "\n    mutation KnownRun($input: RunAgentInput!) {\n      runAgent(input: $input) {\n        __typename\n        ... on AgentRunCompleted {\n          output\n        }\n      }\n    }\n  ": typeof types.KnownRunDocument,
    "\n  subscription RunAgentStream($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n      ... on RunDelta {\n        text\n      }\n      ... on RunToolCall {\n        name\n        arguments\n      }\n      ... on RunFinished {\n        result {\n          __typename\n          ... on AgentRunCompleted {\n            output\n            run {\n              id\n              status\n              toolCalls\n              usage {\n                inputTokens\n                outputTokens\n              }\n            }\n          }\n          ... on BudgetExceeded {\n            code\n            window\n          }\n        }\n      }\n    }\n  }\n": typeof types.RunAgentStreamDocument,
    "\n  query GraphqlStreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          usage {\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.GraphqlStreamStatusDocument,
    "\n  mutation BillingStartUpgrade($plan: String!) {\n    startUpgrade(planKey: $plan) {\n      __typename\n      ... on UpgradeCheckout {\n        url\n      }\n      ... on UpgradePending {\n        url\n      }\n      ... on BillingUnavailable {\n        message\n      }\n      ... on UpgradeApplied {\n        tenant {\n          plan {\n            key\n          }\n          pendingPlan {\n            key\n          }\n          billingStatus\n        }\n      }\n    }\n  }\n": typeof types.BillingStartUpgradeDocument,
    "\n  query BillingState {\n    viewer {\n      tenant {\n        plan {\n          key\n        }\n        billingStatus\n        currentPeriodEnd\n        graceEndsAt\n        pendingPlan {\n          key\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        limit\n      }\n    }\n  }\n": typeof types.BillingStateDocument,
    "\n  mutation SignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n      }\n      owner {\n        id\n      }\n      secret\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query SignUpAgents {\n    agents {\n      id\n      slug\n    }\n  }\n": typeof types.SignUpAgentsDocument,
    "\n  mutation AddUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.AddUserDocument,
    "\n  mutation AddUserKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": typeof types.AddUserKeyDocument,
    "\n  fragment AgentRunFields on AgentRun {\n    id\n    status\n    cached\n    degradations\n    toolCalls\n    costUsd\n    savedCostUsd\n    durationMs\n    createdAt\n    agent {\n      id\n      slug\n    }\n    user {\n      id\n    }\n    model {\n      id\n      tier\n    }\n    route {\n      strategy\n      complexity\n      confidence\n      reason\n      tier\n      score\n      threshold\n    }\n    usage {\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      totalTokens\n    }\n    sideCalls {\n      kind\n      model {\n        id\n      }\n      usage {\n        inputTokens\n        outputTokens\n        totalTokens\n      }\n      costUsd\n    }\n  }\n": typeof types.AgentRunFieldsFragmentDoc,
    "\n  mutation RunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n      ... on AgentRunCompleted {\n        output\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on BudgetExceeded {\n        code\n        message\n        window\n        unit\n        limit\n        used\n        resetsAt\n        upgradeOptions {\n          key\n        }\n        canUpgrade\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on RunLimitExceeded {\n        code\n        message\n        kind\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on ProviderUnavailable {\n        code\n        message\n        retryAfterSeconds\n        run {\n          ...AgentRunFields\n        }\n      }\n    }\n  }\n": typeof types.RunAgentDocument,
    "\n  mutation OpenaiAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n": typeof types.OpenaiAgentDocument,
    "\n  query SecurityWorldKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.SecurityWorldKeysDocument,
    "\n  mutation ClusterSignUp {\n    createTenant(input: { name: \"Cluster\", ownerEmail: \"c@example.com\" }) {\n      secret\n    }\n  }\n": typeof types.ClusterSignUpDocument,
    "\n  mutation ClusterRun($message: String!) {\n    runAgent(input: { agent: \"assistant\", message: $message }) {\n      __typename\n    }\n  }\n": typeof types.ClusterRunDocument,
    "\n  query DependencyFailureViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.DependencyFailureViewerDocument,
    "\n  mutation DependencyFailureSignUp {\n    createTenant(input: { name: \"X\", ownerEmail: \"x@example.com\" }) {\n      secret\n    }\n  }\n": typeof types.DependencyFailureSignUpDocument,
    "\n  mutation Ask($m: String!) {\n    runAgent(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n": typeof types.AskDocument,
    "\n  subscription Streamed($m: String!) {\n    runAgentEvents(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n": typeof types.StreamedDocument,
    "\n  query Me {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query RequestLogRefused {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.RequestLogRefusedDocument,
    "\n  mutation CrashAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": typeof types.CrashAlertSettingsDocument,
    "\n  mutation CrashAlertRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n": typeof types.CrashAlertRotateDocument,
    "\n  mutation AlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n": typeof types.AlertSettingsDocument,
    "\n  mutation AlertBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.AlertBudgetDocument,
    "\n  mutation AlertRotate {\n    rotateAlertSigningSecret {\n      secret\n      createdAt\n    }\n  }\n": typeof types.AlertRotateDocument,
    "\n  mutation AlertTest {\n    testAlertWebhook {\n      id\n      kind\n      deliveryStatus\n      deliveredAt\n      deliveryError\n    }\n  }\n": typeof types.AlertTestDocument,
    "\n  query AlertList($status: AlertStatus) {\n    alerts(first: 50, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n          value\n          threshold\n          message\n          subjectUser {\n            id\n          }\n          run {\n            id\n            costUsd\n          }\n          deliveryStatus\n          deliveryError\n        }\n      }\n    }\n  }\n": typeof types.AlertListDocument,
    "\n  mutation AlertAck($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AlertAckDocument,
    "\n  mutation MetricsBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n": typeof types.MetricsBudgetDocument,
    "\n  mutation MetricsAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n": typeof types.MetricsAlertSettingsDocument,
    "\n  mutation MetricsRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n": typeof types.MetricsRotateDocument,
    "\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageDimension!]!) {\n    usage(from: $from, to: $to, groupBy: $groupBy) {\n      day\n      user {\n        id\n      }\n      model {\n        id\n      }\n      agent {\n        id\n      }\n      tier\n      runs\n      cacheHits\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      sideCallTokens\n      costUsd\n      savedCostUsd\n      cacheSavedCostUsd\n      routingSavedCostUsd\n      strongShare\n    }\n  }\n": typeof types.UsageReportDocument,
    "\n  query UsageSummary {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          spendLimitUsd\n          tokens\n          tokenLimit\n          cacheSavedCostUsd\n          routingSavedCostUsd\n          forecastSpendUsd\n        }\n      }\n    }\n  }\n": typeof types.UsageSummaryDocument,
    "\n  mutation UsageSetPrice($input: SetModelPriceInput!) {\n    setModelPrice(input: $input) {\n      id\n    }\n  }\n": typeof types.UsageSetPriceDocument,
    "\n  query ClientToolRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          toolCalls\n          usage {\n            totalTokens\n          }\n          calls {\n            id\n            status\n            toolCalls\n            usage {\n              totalTokens\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClientToolRunsDocument,
    "\n  mutation DoorErrorBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.DoorErrorBudgetDocument,
    "\n  query DoorErrorRuns($user: ID) {\n    agentRuns(first: 50, filter: { userId: $user }) {\n      edges {\n        node {\n          status\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        reserved\n      }\n    }\n  }\n": typeof types.DoorErrorRunsDocument,
    "\n  mutation DoorErrorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.DoorErrorServiceKeyDocument,
    "\n  mutation DoorErrorDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": typeof types.DoorErrorDisableDocument,
    "\n  query DoorRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          user {\n            id\n          }\n          model {\n            id\n          }\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.DoorRunsDocument,
    "\n  mutation DoorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": typeof types.DoorServiceKeyDocument,
    "\n        mutation DoorSetBudget($input: SetUserBudgetInput!) {\n          setUserBudget(input: $input) {\n            id\n          }\n        }\n      ": typeof types.DoorSetBudgetDocument,
    "\n  query StreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          costUsd\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": typeof types.StreamStatusDocument,
    "\n  mutation HostileRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": typeof types.HostileRevokeDocument,
    "\n  mutation HostileDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": typeof types.HostileDisableDocument,
    "\n  query HostileKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.HostileKeysDocument,
    "\n  query TrioViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.TrioViewerDocument,
    "\n  query TrioPlans {\n    plans {\n      key\n    }\n  }\n": typeof types.TrioPlansDocument,
    "\n  query TrioModels {\n    models {\n      id\n    }\n  }\n": typeof types.TrioModelsDocument,
    "\n  query TrioUsers {\n    users {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TrioUsersDocument,
    "\n  query TrioUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n    }\n  }\n": typeof types.TrioUserDocument,
    "\n  query TrioApiKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TrioApiKeysDocument,
    "\n  query TrioAgents {\n    agents {\n      id\n    }\n  }\n": typeof types.TrioAgentsDocument,
    "\n  query TrioAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      id\n      instructions\n    }\n  }\n": typeof types.TrioAgentDocument,
    "\n  mutation TrioUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioUpdateTenantDocument,
    "\n  mutation TrioCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioCreateUserDocument,
    "\n  mutation TrioUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioUpdateUserDocument,
    "\n  mutation TrioCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": typeof types.TrioCreateApiKeyDocument,
    "\n  mutation TrioRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": typeof types.TrioRevokeApiKeyDocument,
    "\n  mutation TrioCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioCreateAgentDocument,
    "\n  mutation TrioUpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioUpdateAgentDocument,
    "\n  mutation TrioArchiveAgent($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": typeof types.TrioArchiveAgentDocument,
    "\n  query TrioBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      daily {\n        used\n      }\n    }\n  }\n": typeof types.TrioBudgetStatusDocument,
    "\n  mutation TrioSetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": typeof types.TrioSetUserBudgetDocument,
    "\n  mutation TrioRunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n    }\n  }\n": typeof types.TrioRunAgentDocument,
    "\n  subscription TrioRunAgentEvents($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n    }\n  }\n": typeof types.TrioRunAgentEventsDocument,
    "\n  mutation TrioStartUpgrade {\n    startUpgrade(planKey: \"growth\") {\n      __typename\n    }\n  }\n": typeof types.TrioStartUpgradeDocument,
    "\n  mutation TrioBillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n": typeof types.TrioBillingPortalDocument,
    "\n  query TrioRoutePreview($agent: String!) {\n    routePreview(agent: $agent, message: \"hello\") {\n      wouldConsultClassifier\n    }\n  }\n": typeof types.TrioRoutePreviewDocument,
    "\n  query TrioRunOutcomes {\n    runOutcomes(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\") {\n      runs\n    }\n  }\n": typeof types.TrioRunOutcomesDocument,
    "\n  mutation TrioStartSession {\n    startSession {\n      expiresAt\n    }\n  }\n": typeof types.TrioStartSessionDocument,
    "\n  query TrioAgentRuns {\n    agentRuns {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TrioAgentRunsDocument,
    "\n  query TrioUsage {\n    usage(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\", groupBy: [USER]) {\n      runs\n    }\n  }\n": typeof types.TrioUsageDocument,
    "\n  query TrioAlerts {\n    alerts {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TrioAlertsDocument,
    "\n  mutation TrioTestAlertWebhook {\n    testAlertWebhook {\n      id\n    }\n  }\n": typeof types.TrioTestAlertWebhookDocument,
    "\n  mutation TrioRotateAlertSecret {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n": typeof types.TrioRotateAlertSecretDocument,
    "\n  mutation TenantRunId($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      ... on AgentRunCompleted {\n        run {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TenantRunIdDocument,
    "\n  query TenantRunIds {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TenantRunIdsDocument,
    "\n  query TenantRunsOf($u: ID) {\n    agentRuns(filter: { userId: $u }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TenantRunsOfDocument,
    "\n  query TenantOwnRuns {\n    agentRuns {\n      edges {\n        node {\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.TenantOwnRunsDocument,
    "\n  query ProbedTenant($u: ID!, $a: String!) {\n    user(id: $u) {\n      name\n    }\n    agent(idOrSlug: $a) {\n      instructions\n      version\n      archived\n    }\n    apiKeys {\n      edges {\n        node {\n          id\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.ProbedTenantDocument,
    "\n  query ProbedOverride($u: ID!) {\n    user(id: $u) {\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n": typeof types.ProbedOverrideDocument,
    "\n  query MemberUser($id: ID!) {\n    user(id: $id) {\n      id\n    }\n  }\n": typeof types.MemberUserDocument,
    "\n  query MemberKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberKeysDocument,
    "\n    mutation OperatorPrice($input: SetModelPriceInput!) {\n      setModelPrice(input: $input) {\n        id\n        inputPricePerMTokUsd\n      }\n    }\n  ": typeof types.OperatorPriceDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n        billingStatus\n        plan {\n          key\n        }\n        createdAt\n      }\n      owner {\n        id\n        email\n        name\n        role\n        status\n      }\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n        revokedAt\n      }\n      secret\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  query CreateTenantMe {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n    agents {\n      slug\n      name\n      routing\n      cheapModel {\n        id\n      }\n      strongModel {\n        id\n      }\n      version\n      archived\n    }\n  }\n": typeof types.CreateTenantMeDocument,
    "\n  mutation SignUpFrom($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.SignUpFromDocument,
    "\n  mutation UsersCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      role\n      status\n    }\n  }\n": typeof types.UsersCreateDocument,
    "\n  mutation UsersUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      name\n      role\n      status\n    }\n  }\n": typeof types.UsersUpdateDocument,
    "\n  query UsersPage($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersPageDocument,
    "\n  query UsersViewer {\n    viewer {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.UsersViewerDocument,
    "\n  mutation InputsCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.InputsCreateUserDocument,
    "\n  query InputsCount {\n    users(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.InputsCountDocument,
    "\n  query InputsNegativePage {\n    users(first: -1) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.InputsNegativePageDocument,
    "\n  query InputsHugePage {\n    users(first: 100000) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.InputsHugePageDocument,
    "\n  query InputsForgedCursor {\n    users(after: \"garbage!!\") {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.InputsForgedCursorDocument,
    "\n  mutation InputsCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": typeof types.InputsCreateAgentDocument,
    "\n  query InputsAgents {\n    agents {\n      slug\n    }\n  }\n": typeof types.InputsAgentsDocument,
    "\n  mutation InputsSignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      secret\n    }\n  }\n": typeof types.InputsSignUpDocument,
    "\n  mutation InputsUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": typeof types.InputsUpdateTenantDocument,
    "\n  mutation InputsTenantSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      name\n      alertWebhookUrl\n      alertThresholds {\n        dailySpendMultiplier\n        userBudgetSharePercent\n        runCostUsd\n      }\n    }\n  }\n": typeof types.InputsTenantSettingsDocument,
};
const documents: Documents = {
    "\n  fragment AgentFields on Agent {\n    id\n    slug\n    name\n    instructions\n    version\n    archived\n    routing\n    cheapModel {\n      id\n    }\n    strongModel {\n      id\n    }\n    localModel {\n      id\n      tier\n    }\n    cacheTtlSeconds\n    contextTokenBudget\n    tools\n    storeTranscripts\n  }\n": types.AgentFieldsFragmentDoc,
    "\n  mutation AgentsCreate($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n": types.AgentsCreateDocument,
    "\n  mutation AgentsUpdate($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n": types.AgentsUpdateDocument,
    "\n  mutation AgentsArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      ...AgentFields\n    }\n  }\n": types.AgentsArchiveDocument,
    "\n  query AgentsVersion($k: String!) {\n    agent(idOrSlug: $k) {\n      id\n      version\n    }\n  }\n": types.AgentsVersionDocument,
    "\n  query AgentsArchived($k: String!) {\n    agent(idOrSlug: $k) {\n      archived\n    }\n  }\n": types.AgentsArchivedDocument,
    "\n  query AgentsLists {\n    agents {\n      id\n    }\n    all: agents(includeArchived: true) {\n      id\n    }\n  }\n": types.AgentsListsDocument,
    "\n  query AgentsTemp {\n    agent(idOrSlug: \"temp\") {\n      id\n    }\n  }\n": types.AgentsTempDocument,
    "\n  query AgentsAssistant {\n    agent(idOrSlug: \"assistant\") {\n      slug\n    }\n  }\n": types.AgentsAssistantDocument,
    "\n  mutation AnthropicAgent {\n    createAgent(\n      input: {\n        name: \"Claude\"\n        slug: \"claude\"\n        instructions: \"You are the Acme agent.\"\n        routing: FIXED_STRONG\n        cheapModel: \"anthropic/claude-haiku-4-5\"\n        strongModel: \"anthropic/claude-sonnet-4-5\"\n        cacheTtlSeconds: 0\n      }\n    ) {\n      id\n    }\n  }\n": types.AnthropicAgentDocument,
    "\n  query AnthropicPrices {\n    models {\n      id\n      inputPricePerMTokUsd\n      outputPricePerMTokUsd\n      cachedInputPricePerMTokUsd\n    }\n  }\n": types.AnthropicPricesDocument,
    "\n  query BreakersStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n      tenantSpend {\n        usedUsd\n        reservedUsd\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": types.BreakersStatusDocument,
    "\n  mutation BreakersBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1600 }) {\n      id\n    }\n  }\n": types.BreakersBudgetDocument,
    "\n  mutation CacheScopeAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n      cacheScope\n    }\n  }\n": types.CacheScopeAgentDocument,
    "\n  query ClassifierUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.ClassifierUsedDocument,
    "\n  query IdempotencySpent($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 100, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.IdempotencySpentDocument,
    "\n  mutation IdempotencySetBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.IdempotencySetBudgetDocument,
    "\n  mutation InvalidationAgent {\n    createAgent(input: { name: \"Short Lived\", slug: \"short-lived\", instructions: \"x\" }) {\n      id\n    }\n  }\n": types.InvalidationAgentDocument,
    "\n  mutation InvalidationArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": types.InvalidationArchiveDocument,
    "\n  mutation InvalidationBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n": types.InvalidationBudgetDocument,
    "\n  mutation LadderBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n": types.LadderBudgetDocument,
    "\n  query LadderUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.LadderUsedDocument,
    "\n  query PipelineErrorStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": types.PipelineErrorStatusDocument,
    "\n  query PipelineStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n": types.PipelineStatusDocument,
    "\n  query PipelineLastRun {\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n": types.PipelineLastRunDocument,
    "\n  mutation RateLimitServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.RateLimitServiceKeyDocument,
    "\n  query RateLimitRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.RateLimitRunsDocument,
    "\n  mutation RateLimitKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n": types.RateLimitKeeperDocument,
    "\n  query ResponseCacheUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.ResponseCacheUsedDocument,
    "\n  query ResponseCacheAssistant {\n    agent(idOrSlug: \"assistant\") {\n      id\n    }\n  }\n": types.ResponseCacheAssistantDocument,
    "\n  mutation ResponseCacheReinstruct($id: ID!) {\n    updateAgent(input: { id: $id, instructions: \"Be brief.\" }) {\n      version\n    }\n  }\n": types.ResponseCacheReinstructDocument,
    "\n  mutation ResponseCacheTtl($id: ID!) {\n    updateAgent(input: { id: $id, cacheTtlSeconds: 60 }) {\n      id\n    }\n  }\n": types.ResponseCacheTtlDocument,
    "\n  query PreviewOverUpstream($agent: String!, $message: String!) {\n    routePreview(agent: $agent, message: $message) {\n      decision {\n        tier\n        score\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n": types.PreviewOverUpstreamDocument,
    "\n  query RoutingPreview($agent: String!, $message: String!, $history: [ChatMessageInput!]) {\n    routePreview(agent: $agent, message: $message, history: $history) {\n      decision {\n        strategy\n        complexity\n        confidence\n        reason\n        tier\n        score\n        threshold\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n": types.RoutingPreviewDocument,
    "\n  query RoutingBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.RoutingBudgetDocument,
    "\n  fragment RoutingFields on Agent {\n    routingAdjustment\n    routingCalibration {\n      threshold\n      source\n      targetShare\n      samples\n    }\n    routingAdjustments {\n      from\n      to\n      reason\n    }\n  }\n": types.RoutingFieldsFragmentDoc,
    "\n  mutation RoutingSetAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      routing\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n      ...RoutingFields\n    }\n  }\n": types.RoutingSetAgentDocument,
    "\n  mutation RoutingCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n      slug\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n    }\n  }\n": types.RoutingCreateAgentDocument,
    "\n  query RoutingAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      ...RoutingFields\n    }\n  }\n": types.RoutingAgentDocument,
    "\n  mutation RoutingRate($input: RateRunInput!) {\n    rateRun(input: $input) {\n      id\n      rating\n      ratingComment\n    }\n  }\n": types.RoutingRateDocument,
    "\n  query RoutingRuns($agent: ID) {\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          rating\n          ratingComment\n        }\n      }\n    }\n  }\n": types.RoutingRunsDocument,
    "\n  query RoutingRatings($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: [TIER]) {\n      tier\n      runs\n      strongShare\n      goodRatings\n      badRatings\n    }\n  }\n": types.RoutingRatingsDocument,
    "\n  query RoutingTotals($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: []) {\n      runs\n      goodRatings\n    }\n  }\n": types.RoutingTotalsDocument,
    "\n  query RunAgentErrorRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n": types.RunAgentErrorRunsDocument,
    "\n  mutation RunAgentErrorAgent {\n    createAgent(input: { name: \"Old\", instructions: \"x\" }) {\n      id\n    }\n  }\n": types.RunAgentErrorAgentDocument,
    "\n  mutation RunAgentErrorArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": types.RunAgentErrorArchiveDocument,
    "\n  mutation RunAgentErrorServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.RunAgentErrorServiceKeyDocument,
    "\n  mutation RunAgentErrorDisable($id: ID!) {\n    updateUser(input: { id: $id, status: DISABLED }) {\n      id\n    }\n  }\n": types.RunAgentErrorDisableDocument,
    "\n  query RunAgentRead {\n    agentRuns(first: 5) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n      }\n      tenantSpend {\n        usedUsd\n      }\n    }\n  }\n": types.RunAgentReadDocument,
    "\n  mutation RunAgentServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.RunAgentServiceKeyDocument,
    "\n  query RunAgentFiltered($f: AgentRunFilter) {\n    agentRuns(filter: $f) {\n      edges {\n        node {\n          status\n          createdAt\n        }\n      }\n    }\n  }\n": types.RunAgentFilteredDocument,
    "\n  mutation TranscriptsKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n": types.TranscriptsKeeperDocument,
    "\n  mutation ApiKeysCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.ApiKeysCreateDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.ApiKeysRevokeDocument,
    "\n  query ApiKeysViewer {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n      apiKey {\n        id\n        kind\n        lastUsedAt\n      }\n    }\n  }\n": types.ApiKeysViewerDocument,
    "\n  mutation ApiKeysServiceUser {\n    createUser(input: { email: \"svc-made@example.com\" }) {\n      id\n    }\n  }\n": types.ApiKeysServiceUserDocument,
    "\n  query ApiKeysPrefixes {\n    apiKeys {\n      edges {\n        node {\n          id\n          prefix\n        }\n      }\n    }\n  }\n": types.ApiKeysPrefixesDocument,
    "\n  query ApiKeysLastUsed {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          lastUsedAt\n        }\n      }\n    }\n  }\n": types.ApiKeysLastUsedDocument,
    "\n  query ApiKeysTenantId {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": types.ApiKeysTenantIdDocument,
    "\n  mutation SessionsStart {\n    startSession {\n      token\n      expiresAt\n    }\n  }\n": types.SessionsStartDocument,
    "\n  mutation SessionsEnd {\n    endSession\n  }\n": types.SessionsEndDocument,
    "\n  query SessionsViewer {\n    viewer {\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n": types.SessionsViewerDocument,
    "\n  query SessionsUsers {\n    users(first: 5) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.SessionsUsersDocument,
    "\n  query SessionsKeys {\n    apiKeys(first: 20) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.SessionsKeysDocument,
    "\n  mutation SessionsDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": types.SessionsDisableDocument,
    "\n  mutation SessionsCreateKey {\n    createApiKey(input: { name: \"from a session\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.SessionsCreateKeyDocument,
    "\n  mutation SessionsRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": types.SessionsRevokeDocument,
    "\n  mutation BillingServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.BillingServiceKeyDocument,
    "\n  mutation BillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n": types.BillingPortalDocument,
    "\n  mutation BillingSetPrice($plan: String!, $price: String) {\n    setPlanStripePrice(planKey: $plan, stripePriceId: $price) {\n      key\n      stripePriceId\n    }\n  }\n": types.BillingSetPriceDocument,
    "\n  mutation BudgetsSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.BudgetsSetDocument,
    "\n  query BudgetsDaily {\n    budgetStatus {\n      daily {\n        limit\n        used\n        reserved\n        remaining\n      }\n    }\n  }\n": types.BudgetsDailyDocument,
    "\n  query ClosestToLimit($first: Int, $after: String) {\n    users(first: $first, after: $after, orderBy: CLOSEST_TO_LIMIT) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClosestToLimitDocument,
    "\n  mutation ClosestLimit($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.ClosestLimitDocument,
    "\n  query ClosestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n": types.ClosestOutcomesDocument,
    "\n  query ClusterRuns {\n    agentRuns(first: 10) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.ClusterRunsDocument,
    "\n  mutation ClusterLimit($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n": types.ClusterLimitDocument,
    "\n  mutation OwnerBudgetSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n": types.OwnerBudgetSetDocument,
    "\n  mutation OwnerBudgetServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.OwnerBudgetServiceKeyDocument,
    "\n  query RedisDownStatus {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.RedisDownStatusDocument,
    "\n  mutation SetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n        monthlyTokenLimit\n      }\n      budgetStatus {\n        daily {\n          limit\n        }\n        monthly {\n          limit\n        }\n      }\n    }\n  }\n": types.SetUserBudgetDocument,
    "\n  query SetUserBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      user {\n        id\n      }\n      daily {\n        limit\n        used\n        reserved\n        remaining\n        resetsAt\n      }\n      monthly {\n        limit\n        resetsAt\n      }\n      tenantMonthly {\n        limit\n      }\n      tenantSpend {\n        limitUsd\n        usedUsd\n        reservedUsd\n        remainingUsd\n        resetsAt\n      }\n    }\n  }\n": types.SetUserBudgetStatusDocument,
    "\n  mutation SetUserBudgetServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.SetUserBudgetServiceKeyDocument,
    "\n  query SetUserBudgetUsers {\n    users {\n      edges {\n        node {\n          id\n          budgetStatus {\n            daily {\n              limit\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SetUserBudgetUsersDocument,
    "\n  query DashboardTestPeriod {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          tokens\n        }\n      }\n    }\n  }\n": types.DashboardTestPeriodDocument,
    "\n  query DashboardTestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n": types.DashboardTestOutcomesDocument,
    "\n  query DashboardTestBudget($u: ID!) {\n    budgetStatus(userId: $u) {\n      daily {\n        limit\n      }\n    }\n  }\n": types.DashboardTestBudgetDocument,
    "\n  mutation DashboardTestRotate {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n": types.DashboardTestRotateDocument,
    "\n  query DashboardTestAlerts($status: AlertStatus) {\n    alerts(first: 20, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n        }\n      }\n    }\n  }\n": types.DashboardTestAlertsDocument,
    "\n  query DashboardTestMyBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n": types.DashboardTestMyBudgetDocument,
    "\n  mutation DashboardTestAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n": types.DashboardTestAgentDocument,
    "\n  query DataloaderRuns($first: Int) {\n    agentRuns(first: $first) {\n      edges {\n        node {\n          id\n          user {\n            id\n            email\n          }\n          agent {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": types.DataloaderRunsDocument,
    "\n    query KnownAgent($slug: String!) {\n      agent(idOrSlug: $slug) {\n        id\n        slug\n        name\n      }\n    }\n  ": types.KnownAgentDocument,
    "\n    query KnownAgents {\n      agents {\n        slug\n      }\n    }\n  ": types.KnownAgentsDocument,
    "\n    mutation KnownRun($input: RunAgentInput!) {\n      runAgent(input: $input) {\n        __typename\n        ... on AgentRunCompleted {\n          output\n        }\n      }\n    }\n  ": types.KnownRunDocument,
    "\n  subscription RunAgentStream($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n      ... on RunDelta {\n        text\n      }\n      ... on RunToolCall {\n        name\n        arguments\n      }\n      ... on RunFinished {\n        result {\n          __typename\n          ... on AgentRunCompleted {\n            output\n            run {\n              id\n              status\n              toolCalls\n              usage {\n                inputTokens\n                outputTokens\n              }\n            }\n          }\n          ... on BudgetExceeded {\n            code\n            window\n          }\n        }\n      }\n    }\n  }\n": types.RunAgentStreamDocument,
    "\n  query GraphqlStreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          usage {\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": types.GraphqlStreamStatusDocument,
    "\n  mutation BillingStartUpgrade($plan: String!) {\n    startUpgrade(planKey: $plan) {\n      __typename\n      ... on UpgradeCheckout {\n        url\n      }\n      ... on UpgradePending {\n        url\n      }\n      ... on BillingUnavailable {\n        message\n      }\n      ... on UpgradeApplied {\n        tenant {\n          plan {\n            key\n          }\n          pendingPlan {\n            key\n          }\n          billingStatus\n        }\n      }\n    }\n  }\n": types.BillingStartUpgradeDocument,
    "\n  query BillingState {\n    viewer {\n      tenant {\n        plan {\n          key\n        }\n        billingStatus\n        currentPeriodEnd\n        graceEndsAt\n        pendingPlan {\n          key\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        limit\n      }\n    }\n  }\n": types.BillingStateDocument,
    "\n  mutation SignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n      }\n      owner {\n        id\n      }\n      secret\n    }\n  }\n": types.SignUpDocument,
    "\n  query SignUpAgents {\n    agents {\n      id\n      slug\n    }\n  }\n": types.SignUpAgentsDocument,
    "\n  mutation AddUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.AddUserDocument,
    "\n  mutation AddUserKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": types.AddUserKeyDocument,
    "\n  fragment AgentRunFields on AgentRun {\n    id\n    status\n    cached\n    degradations\n    toolCalls\n    costUsd\n    savedCostUsd\n    durationMs\n    createdAt\n    agent {\n      id\n      slug\n    }\n    user {\n      id\n    }\n    model {\n      id\n      tier\n    }\n    route {\n      strategy\n      complexity\n      confidence\n      reason\n      tier\n      score\n      threshold\n    }\n    usage {\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      totalTokens\n    }\n    sideCalls {\n      kind\n      model {\n        id\n      }\n      usage {\n        inputTokens\n        outputTokens\n        totalTokens\n      }\n      costUsd\n    }\n  }\n": types.AgentRunFieldsFragmentDoc,
    "\n  mutation RunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n      ... on AgentRunCompleted {\n        output\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on BudgetExceeded {\n        code\n        message\n        window\n        unit\n        limit\n        used\n        resetsAt\n        upgradeOptions {\n          key\n        }\n        canUpgrade\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on RunLimitExceeded {\n        code\n        message\n        kind\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on ProviderUnavailable {\n        code\n        message\n        retryAfterSeconds\n        run {\n          ...AgentRunFields\n        }\n      }\n    }\n  }\n": types.RunAgentDocument,
    "\n  mutation OpenaiAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n": types.OpenaiAgentDocument,
    "\n  query SecurityWorldKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.SecurityWorldKeysDocument,
    "\n  mutation ClusterSignUp {\n    createTenant(input: { name: \"Cluster\", ownerEmail: \"c@example.com\" }) {\n      secret\n    }\n  }\n": types.ClusterSignUpDocument,
    "\n  mutation ClusterRun($message: String!) {\n    runAgent(input: { agent: \"assistant\", message: $message }) {\n      __typename\n    }\n  }\n": types.ClusterRunDocument,
    "\n  query DependencyFailureViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": types.DependencyFailureViewerDocument,
    "\n  mutation DependencyFailureSignUp {\n    createTenant(input: { name: \"X\", ownerEmail: \"x@example.com\" }) {\n      secret\n    }\n  }\n": types.DependencyFailureSignUpDocument,
    "\n  mutation Ask($m: String!) {\n    runAgent(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n": types.AskDocument,
    "\n  subscription Streamed($m: String!) {\n    runAgentEvents(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n": types.StreamedDocument,
    "\n  query Me {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query RequestLogRefused {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": types.RequestLogRefusedDocument,
    "\n  mutation CrashAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": types.CrashAlertSettingsDocument,
    "\n  mutation CrashAlertRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n": types.CrashAlertRotateDocument,
    "\n  mutation AlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n": types.AlertSettingsDocument,
    "\n  mutation AlertBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.AlertBudgetDocument,
    "\n  mutation AlertRotate {\n    rotateAlertSigningSecret {\n      secret\n      createdAt\n    }\n  }\n": types.AlertRotateDocument,
    "\n  mutation AlertTest {\n    testAlertWebhook {\n      id\n      kind\n      deliveryStatus\n      deliveredAt\n      deliveryError\n    }\n  }\n": types.AlertTestDocument,
    "\n  query AlertList($status: AlertStatus) {\n    alerts(first: 50, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n          value\n          threshold\n          message\n          subjectUser {\n            id\n          }\n          run {\n            id\n            costUsd\n          }\n          deliveryStatus\n          deliveryError\n        }\n      }\n    }\n  }\n": types.AlertListDocument,
    "\n  mutation AlertAck($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n": types.AlertAckDocument,
    "\n  mutation MetricsBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n": types.MetricsBudgetDocument,
    "\n  mutation MetricsAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n": types.MetricsAlertSettingsDocument,
    "\n  mutation MetricsRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n": types.MetricsRotateDocument,
    "\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageDimension!]!) {\n    usage(from: $from, to: $to, groupBy: $groupBy) {\n      day\n      user {\n        id\n      }\n      model {\n        id\n      }\n      agent {\n        id\n      }\n      tier\n      runs\n      cacheHits\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      sideCallTokens\n      costUsd\n      savedCostUsd\n      cacheSavedCostUsd\n      routingSavedCostUsd\n      strongShare\n    }\n  }\n": types.UsageReportDocument,
    "\n  query UsageSummary {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          spendLimitUsd\n          tokens\n          tokenLimit\n          cacheSavedCostUsd\n          routingSavedCostUsd\n          forecastSpendUsd\n        }\n      }\n    }\n  }\n": types.UsageSummaryDocument,
    "\n  mutation UsageSetPrice($input: SetModelPriceInput!) {\n    setModelPrice(input: $input) {\n      id\n    }\n  }\n": types.UsageSetPriceDocument,
    "\n  query ClientToolRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          toolCalls\n          usage {\n            totalTokens\n          }\n          calls {\n            id\n            status\n            toolCalls\n            usage {\n              totalTokens\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClientToolRunsDocument,
    "\n  mutation DoorErrorBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.DoorErrorBudgetDocument,
    "\n  query DoorErrorRuns($user: ID) {\n    agentRuns(first: 50, filter: { userId: $user }) {\n      edges {\n        node {\n          status\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        reserved\n      }\n    }\n  }\n": types.DoorErrorRunsDocument,
    "\n  mutation DoorErrorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.DoorErrorServiceKeyDocument,
    "\n  mutation DoorErrorDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": types.DoorErrorDisableDocument,
    "\n  query DoorRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          user {\n            id\n          }\n          model {\n            id\n          }\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": types.DoorRunsDocument,
    "\n  mutation DoorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n": types.DoorServiceKeyDocument,
    "\n        mutation DoorSetBudget($input: SetUserBudgetInput!) {\n          setUserBudget(input: $input) {\n            id\n          }\n        }\n      ": types.DoorSetBudgetDocument,
    "\n  query StreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          costUsd\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n": types.StreamStatusDocument,
    "\n  mutation HostileRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": types.HostileRevokeDocument,
    "\n  mutation HostileDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": types.HostileDisableDocument,
    "\n  query HostileKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.HostileKeysDocument,
    "\n  query TrioViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n": types.TrioViewerDocument,
    "\n  query TrioPlans {\n    plans {\n      key\n    }\n  }\n": types.TrioPlansDocument,
    "\n  query TrioModels {\n    models {\n      id\n    }\n  }\n": types.TrioModelsDocument,
    "\n  query TrioUsers {\n    users {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TrioUsersDocument,
    "\n  query TrioUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n    }\n  }\n": types.TrioUserDocument,
    "\n  query TrioApiKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TrioApiKeysDocument,
    "\n  query TrioAgents {\n    agents {\n      id\n    }\n  }\n": types.TrioAgentsDocument,
    "\n  query TrioAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      id\n      instructions\n    }\n  }\n": types.TrioAgentDocument,
    "\n  mutation TrioUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": types.TrioUpdateTenantDocument,
    "\n  mutation TrioCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.TrioCreateUserDocument,
    "\n  mutation TrioUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n": types.TrioUpdateUserDocument,
    "\n  mutation TrioCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": types.TrioCreateApiKeyDocument,
    "\n  mutation TrioRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": types.TrioRevokeApiKeyDocument,
    "\n  mutation TrioCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": types.TrioCreateAgentDocument,
    "\n  mutation TrioUpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      id\n    }\n  }\n": types.TrioUpdateAgentDocument,
    "\n  mutation TrioArchiveAgent($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n": types.TrioArchiveAgentDocument,
    "\n  query TrioBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      daily {\n        used\n      }\n    }\n  }\n": types.TrioBudgetStatusDocument,
    "\n  mutation TrioSetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n": types.TrioSetUserBudgetDocument,
    "\n  mutation TrioRunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n    }\n  }\n": types.TrioRunAgentDocument,
    "\n  subscription TrioRunAgentEvents($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n    }\n  }\n": types.TrioRunAgentEventsDocument,
    "\n  mutation TrioStartUpgrade {\n    startUpgrade(planKey: \"growth\") {\n      __typename\n    }\n  }\n": types.TrioStartUpgradeDocument,
    "\n  mutation TrioBillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n": types.TrioBillingPortalDocument,
    "\n  query TrioRoutePreview($agent: String!) {\n    routePreview(agent: $agent, message: \"hello\") {\n      wouldConsultClassifier\n    }\n  }\n": types.TrioRoutePreviewDocument,
    "\n  query TrioRunOutcomes {\n    runOutcomes(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\") {\n      runs\n    }\n  }\n": types.TrioRunOutcomesDocument,
    "\n  mutation TrioStartSession {\n    startSession {\n      expiresAt\n    }\n  }\n": types.TrioStartSessionDocument,
    "\n  query TrioAgentRuns {\n    agentRuns {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TrioAgentRunsDocument,
    "\n  query TrioUsage {\n    usage(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\", groupBy: [USER]) {\n      runs\n    }\n  }\n": types.TrioUsageDocument,
    "\n  query TrioAlerts {\n    alerts {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TrioAlertsDocument,
    "\n  mutation TrioTestAlertWebhook {\n    testAlertWebhook {\n      id\n    }\n  }\n": types.TrioTestAlertWebhookDocument,
    "\n  mutation TrioRotateAlertSecret {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n": types.TrioRotateAlertSecretDocument,
    "\n  mutation TenantRunId($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      ... on AgentRunCompleted {\n        run {\n          id\n        }\n      }\n    }\n  }\n": types.TenantRunIdDocument,
    "\n  query TenantRunIds {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TenantRunIdsDocument,
    "\n  query TenantRunsOf($u: ID) {\n    agentRuns(filter: { userId: $u }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.TenantRunsOfDocument,
    "\n  query TenantOwnRuns {\n    agentRuns {\n      edges {\n        node {\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.TenantOwnRunsDocument,
    "\n  query ProbedTenant($u: ID!, $a: String!) {\n    user(id: $u) {\n      name\n    }\n    agent(idOrSlug: $a) {\n      instructions\n      version\n      archived\n    }\n    apiKeys {\n      edges {\n        node {\n          id\n          revokedAt\n        }\n      }\n    }\n  }\n": types.ProbedTenantDocument,
    "\n  query ProbedOverride($u: ID!) {\n    user(id: $u) {\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n": types.ProbedOverrideDocument,
    "\n  query MemberUser($id: ID!) {\n    user(id: $id) {\n      id\n    }\n  }\n": types.MemberUserDocument,
    "\n  query MemberKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.MemberKeysDocument,
    "\n    mutation OperatorPrice($input: SetModelPriceInput!) {\n      setModelPrice(input: $input) {\n        id\n        inputPricePerMTokUsd\n      }\n    }\n  ": types.OperatorPriceDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n        billingStatus\n        plan {\n          key\n        }\n        createdAt\n      }\n      owner {\n        id\n        email\n        name\n        role\n        status\n      }\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n        revokedAt\n      }\n      secret\n    }\n  }\n": types.CreateTenantDocument,
    "\n  query CreateTenantMe {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n    agents {\n      slug\n      name\n      routing\n      cheapModel {\n        id\n      }\n      strongModel {\n        id\n      }\n      version\n      archived\n    }\n  }\n": types.CreateTenantMeDocument,
    "\n  mutation SignUpFrom($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n      }\n    }\n  }\n": types.SignUpFromDocument,
    "\n  mutation UsersCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      role\n      status\n    }\n  }\n": types.UsersCreateDocument,
    "\n  mutation UsersUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      name\n      role\n      status\n    }\n  }\n": types.UsersUpdateDocument,
    "\n  query UsersPage($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersPageDocument,
    "\n  query UsersViewer {\n    viewer {\n      user {\n        id\n      }\n    }\n  }\n": types.UsersViewerDocument,
    "\n  mutation InputsCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.InputsCreateUserDocument,
    "\n  query InputsCount {\n    users(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.InputsCountDocument,
    "\n  query InputsNegativePage {\n    users(first: -1) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.InputsNegativePageDocument,
    "\n  query InputsHugePage {\n    users(first: 100000) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.InputsHugePageDocument,
    "\n  query InputsForgedCursor {\n    users(after: \"garbage!!\") {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.InputsForgedCursorDocument,
    "\n  mutation InputsCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": types.InputsCreateAgentDocument,
    "\n  query InputsAgents {\n    agents {\n      slug\n    }\n  }\n": types.InputsAgentsDocument,
    "\n  mutation InputsSignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      secret\n    }\n  }\n": types.InputsSignUpDocument,
    "\n  mutation InputsUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n": types.InputsUpdateTenantDocument,
    "\n  mutation InputsTenantSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      name\n      alertWebhookUrl\n      alertThresholds {\n        dailySpendMultiplier\n        userBudgetSharePercent\n        runCostUsd\n      }\n    }\n  }\n": types.InputsTenantSettingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentFields on Agent {\n    id\n    slug\n    name\n    instructions\n    version\n    archived\n    routing\n    cheapModel {\n      id\n    }\n    strongModel {\n      id\n    }\n    localModel {\n      id\n      tier\n    }\n    cacheTtlSeconds\n    contextTokenBudget\n    tools\n    storeTranscripts\n  }\n"): (typeof documents)["\n  fragment AgentFields on Agent {\n    id\n    slug\n    name\n    instructions\n    version\n    archived\n    routing\n    cheapModel {\n      id\n    }\n    strongModel {\n      id\n    }\n    localModel {\n      id\n      tier\n    }\n    cacheTtlSeconds\n    contextTokenBudget\n    tools\n    storeTranscripts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentsCreate($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgentsCreate($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentsUpdate($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgentsUpdate($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentsArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      ...AgentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgentsArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      ...AgentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsVersion($k: String!) {\n    agent(idOrSlug: $k) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  query AgentsVersion($k: String!) {\n    agent(idOrSlug: $k) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsArchived($k: String!) {\n    agent(idOrSlug: $k) {\n      archived\n    }\n  }\n"): (typeof documents)["\n  query AgentsArchived($k: String!) {\n    agent(idOrSlug: $k) {\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsLists {\n    agents {\n      id\n    }\n    all: agents(includeArchived: true) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query AgentsLists {\n    agents {\n      id\n    }\n    all: agents(includeArchived: true) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsTemp {\n    agent(idOrSlug: \"temp\") {\n      id\n    }\n  }\n"): (typeof documents)["\n  query AgentsTemp {\n    agent(idOrSlug: \"temp\") {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsAssistant {\n    agent(idOrSlug: \"assistant\") {\n      slug\n    }\n  }\n"): (typeof documents)["\n  query AgentsAssistant {\n    agent(idOrSlug: \"assistant\") {\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnthropicAgent {\n    createAgent(\n      input: {\n        name: \"Claude\"\n        slug: \"claude\"\n        instructions: \"You are the Acme agent.\"\n        routing: FIXED_STRONG\n        cheapModel: \"anthropic/claude-haiku-4-5\"\n        strongModel: \"anthropic/claude-sonnet-4-5\"\n        cacheTtlSeconds: 0\n      }\n    ) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AnthropicAgent {\n    createAgent(\n      input: {\n        name: \"Claude\"\n        slug: \"claude\"\n        instructions: \"You are the Acme agent.\"\n        routing: FIXED_STRONG\n        cheapModel: \"anthropic/claude-haiku-4-5\"\n        strongModel: \"anthropic/claude-sonnet-4-5\"\n        cacheTtlSeconds: 0\n      }\n    ) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnthropicPrices {\n    models {\n      id\n      inputPricePerMTokUsd\n      outputPricePerMTokUsd\n      cachedInputPricePerMTokUsd\n    }\n  }\n"): (typeof documents)["\n  query AnthropicPrices {\n    models {\n      id\n      inputPricePerMTokUsd\n      outputPricePerMTokUsd\n      cachedInputPricePerMTokUsd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakersStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n      tenantSpend {\n        usedUsd\n        reservedUsd\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BreakersStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n      tenantSpend {\n        usedUsd\n        reservedUsd\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BreakersBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1600 }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation BreakersBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1600 }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheScopeAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n      cacheScope\n    }\n  }\n"): (typeof documents)["\n  mutation CacheScopeAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n      cacheScope\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassifierUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassifierUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdempotencySpent($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 100, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IdempotencySpent($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 100, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdempotencySetBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation IdempotencySetBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvalidationAgent {\n    createAgent(input: { name: \"Short Lived\", slug: \"short-lived\", instructions: \"x\" }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InvalidationAgent {\n    createAgent(input: { name: \"Short Lived\", slug: \"short-lived\", instructions: \"x\" }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvalidationArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InvalidationArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvalidationBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InvalidationBudget($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LadderBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LadderBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LadderUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query LadderUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineErrorStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelineErrorStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelineStatus {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineLastRun {\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelineLastRun {\n    agentRuns(first: 1) {\n      edges {\n        node {\n          status\n          usage {\n            totalTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateLimitServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RateLimitServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateLimitRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RateLimitRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateLimitKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RateLimitKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResponseCacheUsed {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheAssistant {\n    agent(idOrSlug: \"assistant\") {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ResponseCacheAssistant {\n    agent(idOrSlug: \"assistant\") {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheReinstruct($id: ID!) {\n    updateAgent(input: { id: $id, instructions: \"Be brief.\" }) {\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ResponseCacheReinstruct($id: ID!) {\n    updateAgent(input: { id: $id, instructions: \"Be brief.\" }) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheTtl($id: ID!) {\n    updateAgent(input: { id: $id, cacheTtlSeconds: 60 }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResponseCacheTtl($id: ID!) {\n    updateAgent(input: { id: $id, cacheTtlSeconds: 60 }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewOverUpstream($agent: String!, $message: String!) {\n    routePreview(agent: $agent, message: $message) {\n      decision {\n        tier\n        score\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n"): (typeof documents)["\n  query PreviewOverUpstream($agent: String!, $message: String!) {\n    routePreview(agent: $agent, message: $message) {\n      decision {\n        tier\n        score\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingPreview($agent: String!, $message: String!, $history: [ChatMessageInput!]) {\n    routePreview(agent: $agent, message: $message, history: $history) {\n      decision {\n        strategy\n        complexity\n        confidence\n        reason\n        tier\n        score\n        threshold\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n"): (typeof documents)["\n  query RoutingPreview($agent: String!, $message: String!, $history: [ChatMessageInput!]) {\n    routePreview(agent: $agent, message: $message, history: $history) {\n      decision {\n        strategy\n        complexity\n        confidence\n        reason\n        tier\n        score\n        threshold\n      }\n      model {\n        id\n      }\n      wouldConsultClassifier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoutingBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoutingFields on Agent {\n    routingAdjustment\n    routingCalibration {\n      threshold\n      source\n      targetShare\n      samples\n    }\n    routingAdjustments {\n      from\n      to\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment RoutingFields on Agent {\n    routingAdjustment\n    routingCalibration {\n      threshold\n      source\n      targetShare\n      samples\n    }\n    routingAdjustments {\n      from\n      to\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoutingSetAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      routing\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n      ...RoutingFields\n    }\n  }\n"): (typeof documents)["\n  mutation RoutingSetAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      routing\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n      ...RoutingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoutingCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n      slug\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n    }\n  }\n"): (typeof documents)["\n  mutation RoutingCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n      slug\n      routingThreshold\n      strongShareTarget\n      adaptiveRouting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      ...RoutingFields\n    }\n  }\n"): (typeof documents)["\n  query RoutingAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      ...RoutingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoutingRate($input: RateRunInput!) {\n    rateRun(input: $input) {\n      id\n      rating\n      ratingComment\n    }\n  }\n"): (typeof documents)["\n  mutation RoutingRate($input: RateRunInput!) {\n    rateRun(input: $input) {\n      id\n      rating\n      ratingComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingRuns($agent: ID) {\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          rating\n          ratingComment\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoutingRuns($agent: ID) {\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          rating\n          ratingComment\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingRatings($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: [TIER]) {\n      tier\n      runs\n      strongShare\n      goodRatings\n      badRatings\n    }\n  }\n"): (typeof documents)["\n  query RoutingRatings($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: [TIER]) {\n      tier\n      runs\n      strongShare\n      goodRatings\n      badRatings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingTotals($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: []) {\n      runs\n      goodRatings\n    }\n  }\n"): (typeof documents)["\n  query RoutingTotals($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: []) {\n      runs\n      goodRatings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunAgentErrorRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunAgentErrorRuns {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgentErrorAgent {\n    createAgent(input: { name: \"Old\", instructions: \"x\" }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgentErrorAgent {\n    createAgent(input: { name: \"Old\", instructions: \"x\" }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgentErrorArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgentErrorArchive($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgentErrorServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgentErrorServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgentErrorDisable($id: ID!) {\n    updateUser(input: { id: $id, status: DISABLED }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgentErrorDisable($id: ID!) {\n    updateUser(input: { id: $id, status: DISABLED }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunAgentRead {\n    agentRuns(first: 5) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n      }\n      tenantSpend {\n        usedUsd\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunAgentRead {\n    agentRuns(first: 5) {\n      edges {\n        node {\n          id\n          status\n          costUsd\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        used\n      }\n      tenantSpend {\n        usedUsd\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgentServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgentServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunAgentFiltered($f: AgentRunFilter) {\n    agentRuns(filter: $f) {\n      edges {\n        node {\n          status\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunAgentFiltered($f: AgentRunFilter) {\n    agentRuns(filter: $f) {\n      edges {\n        node {\n          status\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TranscriptsKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TranscriptsKeeper {\n    createAgent(input: { name: \"Keeper\", slug: \"keeper\", instructions: \"x\", storeTranscripts: true }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysViewer {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n      apiKey {\n        id\n        kind\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysViewer {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n      apiKey {\n        id\n        kind\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysServiceUser {\n    createUser(input: { email: \"svc-made@example.com\" }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysServiceUser {\n    createUser(input: { email: \"svc-made@example.com\" }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysPrefixes {\n    apiKeys {\n      edges {\n        node {\n          id\n          prefix\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysPrefixes {\n    apiKeys {\n      edges {\n        node {\n          id\n          prefix\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysLastUsed {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          lastUsedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysLastUsed {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          lastUsedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysTenantId {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysTenantId {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionsStart {\n    startSession {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SessionsStart {\n    startSession {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionsEnd {\n    endSession\n  }\n"): (typeof documents)["\n  mutation SessionsEnd {\n    endSession\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsViewer {\n    viewer {\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionsViewer {\n    viewer {\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsUsers {\n    users(first: 5) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionsUsers {\n    users(first: 5) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsKeys {\n    apiKeys(first: 20) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionsKeys {\n    apiKeys(first: 20) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionsDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SessionsDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionsCreateKey {\n    createApiKey(input: { name: \"from a session\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation SessionsCreateKey {\n    createApiKey(input: { name: \"from a session\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionsRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SessionsRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation BillingServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation BillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingSetPrice($plan: String!, $price: String) {\n    setPlanStripePrice(planKey: $plan, stripePriceId: $price) {\n      key\n      stripePriceId\n    }\n  }\n"): (typeof documents)["\n  mutation BillingSetPrice($plan: String!, $price: String) {\n    setPlanStripePrice(planKey: $plan, stripePriceId: $price) {\n      key\n      stripePriceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BudgetsSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation BudgetsSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetsDaily {\n    budgetStatus {\n      daily {\n        limit\n        used\n        reserved\n        remaining\n      }\n    }\n  }\n"): (typeof documents)["\n  query BudgetsDaily {\n    budgetStatus {\n      daily {\n        limit\n        used\n        reserved\n        remaining\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClosestToLimit($first: Int, $after: String) {\n    users(first: $first, after: $after, orderBy: CLOSEST_TO_LIMIT) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClosestToLimit($first: Int, $after: String) {\n    users(first: $first, after: $after, orderBy: CLOSEST_TO_LIMIT) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosestLimit($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClosestLimit($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClosestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n"): (typeof documents)["\n  query ClosestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterRuns {\n    agentRuns(first: 10) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClusterRuns {\n    agentRuns(first: 10) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClusterLimit($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClusterLimit($u: ID!) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OwnerBudgetSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OwnerBudgetSet($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OwnerBudgetServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation OwnerBudgetServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RedisDownStatus {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query RedisDownStatus {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n        monthlyTokenLimit\n      }\n      budgetStatus {\n        daily {\n          limit\n        }\n        monthly {\n          limit\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n      budgetOverride {\n        dailyTokenLimit\n        monthlyTokenLimit\n      }\n      budgetStatus {\n        daily {\n          limit\n        }\n        monthly {\n          limit\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetUserBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      user {\n        id\n      }\n      daily {\n        limit\n        used\n        reserved\n        remaining\n        resetsAt\n      }\n      monthly {\n        limit\n        resetsAt\n      }\n      tenantMonthly {\n        limit\n      }\n      tenantSpend {\n        limitUsd\n        usedUsd\n        reservedUsd\n        remainingUsd\n        resetsAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SetUserBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      user {\n        id\n      }\n      daily {\n        limit\n        used\n        reserved\n        remaining\n        resetsAt\n      }\n      monthly {\n        limit\n        resetsAt\n      }\n      tenantMonthly {\n        limit\n      }\n      tenantSpend {\n        limitUsd\n        usedUsd\n        reservedUsd\n        remainingUsd\n        resetsAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserBudgetServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserBudgetServiceKey {\n    createApiKey(input: { name: \"svc\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetUserBudgetUsers {\n    users {\n      edges {\n        node {\n          id\n          budgetStatus {\n            daily {\n              limit\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SetUserBudgetUsers {\n    users {\n      edges {\n        node {\n          id\n          budgetStatus {\n            daily {\n              limit\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTestPeriod {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          tokens\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTestPeriod {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          tokens\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n"): (typeof documents)["\n  query DashboardTestOutcomes($from: DateTime!, $to: DateTime!) {\n    runOutcomes(from: $from, to: $to) {\n      status\n      runs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTestBudget($u: ID!) {\n    budgetStatus(userId: $u) {\n      daily {\n        limit\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTestBudget($u: ID!) {\n    budgetStatus(userId: $u) {\n      daily {\n        limit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardTestRotate {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation DashboardTestRotate {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTestAlerts($status: AlertStatus) {\n    alerts(first: 20, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTestAlerts($status: AlertStatus) {\n    alerts(first: 20, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTestMyBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTestMyBudget {\n    budgetStatus {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardTestAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation DashboardTestAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataloaderRuns($first: Int) {\n    agentRuns(first: $first) {\n      edges {\n        node {\n          id\n          user {\n            id\n            email\n          }\n          agent {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DataloaderRuns($first: Int) {\n    agentRuns(first: $first) {\n      edges {\n        node {\n          id\n          user {\n            id\n            email\n          }\n          agent {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query KnownAgent($slug: String!) {\n      agent(idOrSlug: $slug) {\n        id\n        slug\n        name\n      }\n    }\n  "): (typeof documents)["\n    query KnownAgent($slug: String!) {\n      agent(idOrSlug: $slug) {\n        id\n        slug\n        name\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query KnownAgents {\n      agents {\n        slug\n      }\n    }\n  "): (typeof documents)["\n    query KnownAgents {\n      agents {\n        slug\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation KnownRun($input: RunAgentInput!) {\n      runAgent(input: $input) {\n        __typename\n        ... on AgentRunCompleted {\n          output\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation KnownRun($input: RunAgentInput!) {\n      runAgent(input: $input) {\n        __typename\n        ... on AgentRunCompleted {\n          output\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunAgentStream($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n      ... on RunDelta {\n        text\n      }\n      ... on RunToolCall {\n        name\n        arguments\n      }\n      ... on RunFinished {\n        result {\n          __typename\n          ... on AgentRunCompleted {\n            output\n            run {\n              id\n              status\n              toolCalls\n              usage {\n                inputTokens\n                outputTokens\n              }\n            }\n          }\n          ... on BudgetExceeded {\n            code\n            window\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RunAgentStream($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n      ... on RunDelta {\n        text\n      }\n      ... on RunToolCall {\n        name\n        arguments\n      }\n      ... on RunFinished {\n        result {\n          __typename\n          ... on AgentRunCompleted {\n            output\n            run {\n              id\n              status\n              toolCalls\n              usage {\n                inputTokens\n                outputTokens\n              }\n            }\n          }\n          ... on BudgetExceeded {\n            code\n            window\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GraphqlStreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          usage {\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GraphqlStreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 1, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          usage {\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingStartUpgrade($plan: String!) {\n    startUpgrade(planKey: $plan) {\n      __typename\n      ... on UpgradeCheckout {\n        url\n      }\n      ... on UpgradePending {\n        url\n      }\n      ... on BillingUnavailable {\n        message\n      }\n      ... on UpgradeApplied {\n        tenant {\n          plan {\n            key\n          }\n          pendingPlan {\n            key\n          }\n          billingStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BillingStartUpgrade($plan: String!) {\n    startUpgrade(planKey: $plan) {\n      __typename\n      ... on UpgradeCheckout {\n        url\n      }\n      ... on UpgradePending {\n        url\n      }\n      ... on BillingUnavailable {\n        message\n      }\n      ... on UpgradeApplied {\n        tenant {\n          plan {\n            key\n          }\n          pendingPlan {\n            key\n          }\n          billingStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingState {\n    viewer {\n      tenant {\n        plan {\n          key\n        }\n        billingStatus\n        currentPeriodEnd\n        graceEndsAt\n        pendingPlan {\n          key\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        limit\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingState {\n    viewer {\n      tenant {\n        plan {\n          key\n        }\n        billingStatus\n        currentPeriodEnd\n        graceEndsAt\n        pendingPlan {\n          key\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        limit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n      }\n      owner {\n        id\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n      }\n      owner {\n        id\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignUpAgents {\n    agents {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  query SignUpAgents {\n    agents {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddUserKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation AddUserKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentRunFields on AgentRun {\n    id\n    status\n    cached\n    degradations\n    toolCalls\n    costUsd\n    savedCostUsd\n    durationMs\n    createdAt\n    agent {\n      id\n      slug\n    }\n    user {\n      id\n    }\n    model {\n      id\n      tier\n    }\n    route {\n      strategy\n      complexity\n      confidence\n      reason\n      tier\n      score\n      threshold\n    }\n    usage {\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      totalTokens\n    }\n    sideCalls {\n      kind\n      model {\n        id\n      }\n      usage {\n        inputTokens\n        outputTokens\n        totalTokens\n      }\n      costUsd\n    }\n  }\n"): (typeof documents)["\n  fragment AgentRunFields on AgentRun {\n    id\n    status\n    cached\n    degradations\n    toolCalls\n    costUsd\n    savedCostUsd\n    durationMs\n    createdAt\n    agent {\n      id\n      slug\n    }\n    user {\n      id\n    }\n    model {\n      id\n      tier\n    }\n    route {\n      strategy\n      complexity\n      confidence\n      reason\n      tier\n      score\n      threshold\n    }\n    usage {\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      totalTokens\n    }\n    sideCalls {\n      kind\n      model {\n        id\n      }\n      usage {\n        inputTokens\n        outputTokens\n        totalTokens\n      }\n      costUsd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n      ... on AgentRunCompleted {\n        output\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on BudgetExceeded {\n        code\n        message\n        window\n        unit\n        limit\n        used\n        resetsAt\n        upgradeOptions {\n          key\n        }\n        canUpgrade\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on RunLimitExceeded {\n        code\n        message\n        kind\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on ProviderUnavailable {\n        code\n        message\n        retryAfterSeconds\n        run {\n          ...AgentRunFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n      ... on AgentRunCompleted {\n        output\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on BudgetExceeded {\n        code\n        message\n        window\n        unit\n        limit\n        used\n        resetsAt\n        upgradeOptions {\n          key\n        }\n        canUpgrade\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on RunLimitExceeded {\n        code\n        message\n        kind\n        partialOutput\n        run {\n          ...AgentRunFields\n        }\n      }\n      ... on ProviderUnavailable {\n        code\n        message\n        retryAfterSeconds\n        run {\n          ...AgentRunFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenaiAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation OpenaiAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityWorldKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecurityWorldKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClusterSignUp {\n    createTenant(input: { name: \"Cluster\", ownerEmail: \"c@example.com\" }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation ClusterSignUp {\n    createTenant(input: { name: \"Cluster\", ownerEmail: \"c@example.com\" }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClusterRun($message: String!) {\n    runAgent(input: { agent: \"assistant\", message: $message }) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ClusterRun($message: String!) {\n    runAgent(input: { agent: \"assistant\", message: $message }) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DependencyFailureViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DependencyFailureViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DependencyFailureSignUp {\n    createTenant(input: { name: \"X\", ownerEmail: \"x@example.com\" }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation DependencyFailureSignUp {\n    createTenant(input: { name: \"X\", ownerEmail: \"x@example.com\" }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ask($m: String!) {\n    runAgent(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation Ask($m: String!) {\n    runAgent(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Streamed($m: String!) {\n    runAgentEvents(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  subscription Streamed($m: String!) {\n    runAgentEvents(input: { agent: \"assistant\", message: $m }) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogRefused {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogRefused {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CrashAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashAlertRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CrashAlertRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n"): (typeof documents)["\n  mutation AlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AlertBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertRotate {\n    rotateAlertSigningSecret {\n      secret\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AlertRotate {\n    rotateAlertSigningSecret {\n      secret\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertTest {\n    testAlertWebhook {\n      id\n      kind\n      deliveryStatus\n      deliveredAt\n      deliveryError\n    }\n  }\n"): (typeof documents)["\n  mutation AlertTest {\n    testAlertWebhook {\n      id\n      kind\n      deliveryStatus\n      deliveredAt\n      deliveryError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertList($status: AlertStatus) {\n    alerts(first: 50, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n          value\n          threshold\n          message\n          subjectUser {\n            id\n          }\n          run {\n            id\n            costUsd\n          }\n          deliveryStatus\n          deliveryError\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertList($status: AlertStatus) {\n    alerts(first: 50, status: $status) {\n      edges {\n        node {\n          id\n          kind\n          status\n          value\n          threshold\n          message\n          subjectUser {\n            id\n          }\n          run {\n            id\n            costUsd\n          }\n          deliveryStatus\n          deliveryError\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertAck($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AlertAck($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation MetricsBudget($u: ID!, $l: Int) {\n    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n"): (typeof documents)["\n  mutation MetricsAlertSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      alertWebhookUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation MetricsRotate {\n    rotateAlertSigningSecret {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageDimension!]!) {\n    usage(from: $from, to: $to, groupBy: $groupBy) {\n      day\n      user {\n        id\n      }\n      model {\n        id\n      }\n      agent {\n        id\n      }\n      tier\n      runs\n      cacheHits\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      sideCallTokens\n      costUsd\n      savedCostUsd\n      cacheSavedCostUsd\n      routingSavedCostUsd\n      strongShare\n    }\n  }\n"): (typeof documents)["\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageDimension!]!) {\n    usage(from: $from, to: $to, groupBy: $groupBy) {\n      day\n      user {\n        id\n      }\n      model {\n        id\n      }\n      agent {\n        id\n      }\n      tier\n      runs\n      cacheHits\n      inputTokens\n      outputTokens\n      cachedInputTokens\n      sideCallTokens\n      costUsd\n      savedCostUsd\n      cacheSavedCostUsd\n      routingSavedCostUsd\n      strongShare\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageSummary {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          spendLimitUsd\n          tokens\n          tokenLimit\n          cacheSavedCostUsd\n          routingSavedCostUsd\n          forecastSpendUsd\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageSummary {\n    viewer {\n      tenant {\n        usageSummary {\n          periodStart\n          spendUsd\n          spendLimitUsd\n          tokens\n          tokenLimit\n          cacheSavedCostUsd\n          routingSavedCostUsd\n          forecastSpendUsd\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsageSetPrice($input: SetModelPriceInput!) {\n    setModelPrice(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UsageSetPrice($input: SetModelPriceInput!) {\n    setModelPrice(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientToolRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          toolCalls\n          usage {\n            totalTokens\n          }\n          calls {\n            id\n            status\n            toolCalls\n            usage {\n              totalTokens\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientToolRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          toolCalls\n          usage {\n            totalTokens\n          }\n          calls {\n            id\n            status\n            toolCalls\n            usage {\n              totalTokens\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorErrorBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DoorErrorBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorErrorRuns($user: ID) {\n    agentRuns(first: 50, filter: { userId: $user }) {\n      edges {\n        node {\n          status\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        reserved\n      }\n    }\n  }\n"): (typeof documents)["\n  query DoorErrorRuns($user: ID) {\n    agentRuns(first: 50, filter: { userId: $user }) {\n      edges {\n        node {\n          status\n        }\n      }\n    }\n    budgetStatus {\n      daily {\n        reserved\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorErrorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation DoorErrorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorErrorDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DoorErrorDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          user {\n            id\n          }\n          model {\n            id\n          }\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DoorRuns($agent: ID) {\n    agentRuns(first: 20, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          user {\n            id\n          }\n          model {\n            id\n          }\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation DoorServiceKey {\n    createApiKey(input: { name: \"backend\", kind: SERVICE }) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DoorSetBudget($input: SetUserBudgetInput!) {\n          setUserBudget(input: $input) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation DoorSetBudget($input: SetUserBudgetInput!) {\n          setUserBudget(input: $input) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          costUsd\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StreamStatus($agent: ID) {\n    budgetStatus {\n      daily {\n        used\n        reserved\n      }\n    }\n    agentRuns(first: 5, filter: { agentId: $agent }) {\n      edges {\n        node {\n          id\n          status\n          cached\n          costUsd\n          usage {\n            inputTokens\n            outputTokens\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HostileRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HostileDisable($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostileKeys {\n    apiKeys(first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioViewer {\n    viewer {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioPlans {\n    plans {\n      key\n    }\n  }\n"): (typeof documents)["\n  query TrioPlans {\n    plans {\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioModels {\n    models {\n      id\n    }\n  }\n"): (typeof documents)["\n  query TrioModels {\n    models {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioUsers {\n    users {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioUsers {\n    users {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  query TrioUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioApiKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioApiKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioAgents {\n    agents {\n      id\n    }\n  }\n"): (typeof documents)["\n  query TrioAgents {\n    agents {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      id\n      instructions\n    }\n  }\n"): (typeof documents)["\n  query TrioAgent($id: String!) {\n    agent(idOrSlug: $id) {\n      id\n      instructions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation TrioCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioUpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioUpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioArchiveAgent($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioArchiveAgent($id: ID!) {\n    archiveAgent(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      daily {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioBudgetStatus($id: ID) {\n    budgetStatus(userId: $id) {\n      daily {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioSetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioSetUserBudget($input: SetUserBudgetInput!) {\n    setUserBudget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioRunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation TrioRunAgent($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrioRunAgentEvents($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  subscription TrioRunAgentEvents($input: RunAgentInput!) {\n    runAgentEvents(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioStartUpgrade {\n    startUpgrade(planKey: \"growth\") {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation TrioStartUpgrade {\n    startUpgrade(planKey: \"growth\") {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioBillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation TrioBillingPortal {\n    openBillingPortal {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioRoutePreview($agent: String!) {\n    routePreview(agent: $agent, message: \"hello\") {\n      wouldConsultClassifier\n    }\n  }\n"): (typeof documents)["\n  query TrioRoutePreview($agent: String!) {\n    routePreview(agent: $agent, message: \"hello\") {\n      wouldConsultClassifier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioRunOutcomes {\n    runOutcomes(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\") {\n      runs\n    }\n  }\n"): (typeof documents)["\n  query TrioRunOutcomes {\n    runOutcomes(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\") {\n      runs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioStartSession {\n    startSession {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation TrioStartSession {\n    startSession {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioAgentRuns {\n    agentRuns {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioAgentRuns {\n    agentRuns {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioUsage {\n    usage(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\", groupBy: [USER]) {\n      runs\n    }\n  }\n"): (typeof documents)["\n  query TrioUsage {\n    usage(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\", groupBy: [USER]) {\n      runs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrioAlerts {\n    alerts {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrioAlerts {\n    alerts {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioTestAlertWebhook {\n    testAlertWebhook {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrioTestAlertWebhook {\n    testAlertWebhook {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrioRotateAlertSecret {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation TrioRotateAlertSecret {\n    rotateAlertSigningSecret {\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenantRunId($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      ... on AgentRunCompleted {\n        run {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TenantRunId($input: RunAgentInput!) {\n    runAgent(input: $input) {\n      ... on AgentRunCompleted {\n        run {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantRunIds {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantRunIds {\n    agentRuns(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantRunsOf($u: ID) {\n    agentRuns(filter: { userId: $u }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantRunsOf($u: ID) {\n    agentRuns(filter: { userId: $u }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantOwnRuns {\n    agentRuns {\n      edges {\n        node {\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantOwnRuns {\n    agentRuns {\n      edges {\n        node {\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProbedTenant($u: ID!, $a: String!) {\n    user(id: $u) {\n      name\n    }\n    agent(idOrSlug: $a) {\n      instructions\n      version\n      archived\n    }\n    apiKeys {\n      edges {\n        node {\n          id\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProbedTenant($u: ID!, $a: String!) {\n    user(id: $u) {\n      name\n    }\n    agent(idOrSlug: $a) {\n      instructions\n      version\n      archived\n    }\n    apiKeys {\n      edges {\n        node {\n          id\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProbedOverride($u: ID!) {\n    user(id: $u) {\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProbedOverride($u: ID!) {\n    user(id: $u) {\n      budgetOverride {\n        dailyTokenLimit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberUser($id: ID!) {\n    user(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query MemberUser($id: ID!) {\n    user(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberKeys {\n    apiKeys {\n      edges {\n        node {\n          id\n          user {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation OperatorPrice($input: SetModelPriceInput!) {\n      setModelPrice(input: $input) {\n        id\n        inputPricePerMTokUsd\n      }\n    }\n  "): (typeof documents)["\n    mutation OperatorPrice($input: SetModelPriceInput!) {\n      setModelPrice(input: $input) {\n        id\n        inputPricePerMTokUsd\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n        billingStatus\n        plan {\n          key\n        }\n        createdAt\n      }\n      owner {\n        id\n        email\n        name\n        role\n        status\n      }\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n        revokedAt\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n        billingStatus\n        plan {\n          key\n        }\n        createdAt\n      }\n      owner {\n        id\n        email\n        name\n        role\n        status\n      }\n      apiKey {\n        id\n        kind\n        prefix\n        user {\n          id\n        }\n        revokedAt\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreateTenantMe {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n    agents {\n      slug\n      name\n      routing\n      cheapModel {\n        id\n      }\n      strongModel {\n        id\n      }\n      version\n      archived\n    }\n  }\n"): (typeof documents)["\n  query CreateTenantMe {\n    viewer {\n      tenant {\n        id\n      }\n      user {\n        id\n        role\n      }\n      apiKey {\n        id\n      }\n    }\n    agents {\n      slug\n      name\n      routing\n      cheapModel {\n        id\n      }\n      strongModel {\n        id\n      }\n      version\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpFrom($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpFrom($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsersCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UsersCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsersUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      name\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UsersUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      name\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersPage($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersPage($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersViewer {\n    viewer {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersViewer {\n    viewer {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputsCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InputsCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputsCount {\n    users(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputsCount {\n    users(first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputsNegativePage {\n    users(first: -1) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputsNegativePage {\n    users(first: -1) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputsHugePage {\n    users(first: 100000) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputsHugePage {\n    users(first: 100000) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputsForgedCursor {\n    users(after: \"garbage!!\") {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputsForgedCursor {\n    users(after: \"garbage!!\") {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputsCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InputsCreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputsAgents {\n    agents {\n      slug\n    }\n  }\n"): (typeof documents)["\n  query InputsAgents {\n    agents {\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputsSignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation InputsSignUp($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputsUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InputsUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputsTenantSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      name\n      alertWebhookUrl\n      alertThresholds {\n        dailySpendMultiplier\n        userBudgetSharePercent\n        runCostUsd\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InputsTenantSettings($input: UpdateTenantInput!) {\n    updateTenant(input: $input) {\n      name\n      alertWebhookUrl\n      alertThresholds {\n        dailySpendMultiplier\n        userBudgetSharePercent\n        runCostUsd\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;