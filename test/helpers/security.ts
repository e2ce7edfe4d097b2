import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { beforeAll, describe, it } from 'vitest';
import { sharedApp, type TestApp } from './app.js';
import { getOperationAST } from 'graphql';
import { addUser, expectCode, gql, gqlStream, signUp, type Tenant } from './graphql.js';
import { graphql } from '../__generated__/gql.js';

/** Two tenants, each with a MEMBER and a few objects, for cross-tenant probes. */
export type World = {
  app: TestApp;
  a: Tenant & { member: { id: string; key: string } };
  b: Tenant & { member: { id: string; key: string }; memberKeyId: string };
};

/** One operation of the trio table; the table itself holds rows of different variables (`any`). */
export type Operation<V = any> = {
  name: string;
  document: TypedDocumentNode<unknown, V>;
  /** Variables acting on the caller's own tenant A. */
  variables: (w: World) => V;
  /** The same call naming tenant B's objects: must answer NOT_FOUND to A's OWNER. */
  foreign?: (w: World) => V;
  /** The role the operation needs; a MEMBER must get FORBIDDEN. */
  minRole?: 'ADMIN';
};

/**
 * A row of the trio table, `operation(document)({ name, variables, … })`: the document comes first
 * so that the variables are checked against its own (literals and all).
 */
export const operation =
  <V>(document: TypedDocumentNode<unknown, V>) =>
  (row: Omit<Operation<V>, 'document'>): Operation => ({ ...row, document });

const KEYS = graphql(`
  query SecurityWorldKeys {
    apiKeys(first: 100) {
      edges {
        node {
          id
          user {
            id
          }
        }
      }
    }
  }
`);

let world: Promise<World> | undefined;

async function buildWorld(): Promise<World> {
  const app = await sharedApp();
  const [ta, tb] = await Promise.all([signUp(app), signUp(app)]);
  const [ma, mb] = await Promise.all([addUser(app, ta, 'MEMBER'), addUser(app, tb, 'MEMBER')]);
  const keys = await gql(app, KEYS, {}, tb.ownerKey);
  const memberKeyId = keys.data!.apiKeys.edges.find((e) => e.node.user?.id === mb.id)!.node.id;
  return { app, a: { ...ta, member: ma }, b: { ...tb, member: mb, memberKeyId } };
}

/** The security trio for each operation: no key, another tenant's id, too small a role. Subscriptions go to their own door. */
export function securityTrio(operations: Operation[]): void {
  describe.each(operations)('$name', (op) => {
    const send = getOperationAST(op.document)?.operation === 'subscription' ? gqlStream : gql;
    let w: World;
    beforeAll(async () => {
      world ??= buildWorld();
      w = await world;
    });

    it('without a key answers UNAUTHENTICATED', async () => {
      expectCode(await send(w.app, op.document, op.variables(w)), 'UNAUTHENTICATED');
    });
    it('with a garbage key answers UNAUTHENTICATED', async () => {
      expectCode(await send(w.app, op.document, op.variables(w), 'gov_not-a-real-key'), 'UNAUTHENTICATED');
    });
    if (op.foreign) {
      const foreign = op.foreign;
      it("with another tenant's id answers NOT_FOUND", async () => {
        expectCode(await send(w.app, op.document, foreign(w), w.a.ownerKey), 'NOT_FOUND');
      });
    }
    if (op.minRole) {
      it('with a MEMBER key answers FORBIDDEN', async () => {
        expectCode(await send(w.app, op.document, op.variables(w), w.a.member.key), 'FORBIDDEN');
      });
    }
  });
}

export async function sharedWorld(): Promise<World> {
  world ??= buildWorld();
  return world;
}
